import type { EmulatorResponse } from '../emulator-server';

// [Node SDK index.js ComplyCubeApiError.fromResponse; Docs api-reference/errors] a flat {type, message, param?} body.
export function apiError(status: number, type: string, message: string, param?: string): EmulatorResponse {
	return { status, json: { type, message, ...(param ? { param } : {}) } };
}

// [Docs errors 400 "invalid_request"] missing or malformed arguments.
export const invalid = (message: string, param?: string) => apiError(400, 'invalid_request', message, param);

// [apis.md; Docs reports/generate-client-report example "Invalid client id '5eaecff4a675310007440c08'"] 404 resource_not_found.
export const notFound = (what: string, id: unknown, param?: string) => apiError(404, 'resource_not_found', `Invalid ${what} id '${String(id)}'`, param);

// [Docs errors "Example of Standard Errors" Unauthorized] the body ComplyCube publishes for an invalid API key, word for word.
export const unauthenticated = () => apiError(401, 'unauthorized', "The 'Authorization' header is invalid");

// [Docs rate-limits; Docs errors "Example of Standard Errors" Rate Limited] word for word (no Retry-After or limit headers are documented).
export const rateLimited = () => apiError(429, 'rate_limit_exceeded', 'You have exceeded the rate limit prescribed to your plan');

// [Docs errors 413] request too large; text inferred.
export const tooLarge = () => apiError(413, 'request_too_large', 'The request is too large.');

export const ok = (json: unknown): EmulatorResponse => ({ status: 200, json });
// [Docs errors] 204 "The resource is deleted."
export const deleted = (): EmulatorResponse => ({ status: 204 });

export function parseJson(body: Buffer): Record<string, unknown> | undefined {
	try {
		const value = JSON.parse(body.toString('utf8')) as unknown;
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

// inferred: a body that is not a JSON object answers 400 invalid_request.
export const notJson = () => invalid('Request body is not valid JSON');
