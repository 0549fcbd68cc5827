import {
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { retryDelayMs, shouldRetry, type AttemptOutcome } from './retry-policy';
import { ServiceError, ServiceUnreachableError } from './service-error';

export interface ServiceCall {
	service: string;
	credentialType: string;
	/** True when sending the request twice leaves the same result (an overwrite), so server faults may be retried. */
	idempotent: boolean;
	/** Builds the request afresh for each attempt: a multipart body can be read only once. */
	build: (baseUrl: string) => IHttpRequestOptions | Promise<IHttpRequestOptions>;
	/** Finds the service's own message in an error body. */
	messageOf: (body: unknown) => string | undefined;
}

export interface ServiceResponse {
	status: number;
	body: unknown;
	headers: IDataObject;
}

const REFUSED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Sends a request with the node's credential, retrying only where no duplicate can result; throws ServiceError on a refusal. */
/** A node running its items, a trigger registering its webhook, or a trigger receiving a delivery. */
export type ServiceContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions;

export async function callService(ctx: ServiceContext, call: ServiceCall): Promise<ServiceResponse> {
	const credentials = await ctx.getCredentials(call.credentialType);
	const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	for (let attempt = 1; ; attempt++) {
		const request = await call.build(baseUrl);
		const url = `${request.baseURL ?? ''}${request.url}`;
		let outcome: AttemptOutcome;
		let failure: Error;
		let retryAfter: string | undefined;
		try {
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, call.credentialType, {
				...request,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse;
			const body = parseBody(response);
			if (response.statusCode < 400) return { status: response.statusCode, body, headers: response.headers };
			outcome = { kind: 'status', status: response.statusCode };
			failure = new ServiceError(call.service, response.statusCode, body, call.messageOf(body) ?? `HTTP ${response.statusCode}`);
			retryAfter = response.headers['retry-after'] as string | undefined;
		} catch (error) {
			const code = networkCodeOf(error);
			outcome = { kind: 'network', arrived: !REFUSED_CODES.has(code) };
			failure = new ServiceUnreachableError(call.service, url, code, outcome.arrived);
		}
		if (!shouldRetry(outcome, attempt, call.idempotent)) throw failure;
		await sleep(retryDelayMs(attempt, retryAfter));
	}
}

function parseBody(response: IN8nHttpFullResponse): unknown {
	const { body } = response;
	const contentType = String(response.headers['content-type'] ?? '');
	if (Buffer.isBuffer(body) && (contentType.includes('json') || response.statusCode >= 400)) {
		const text = body.toString('utf8');
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	if (typeof body === 'string' && contentType.includes('json')) {
		try {
			return JSON.parse(body);
		} catch {
			return body;
		}
	}
	return body;
}

/** The socket error code behind n8n's wrapped request error, without keeping the error (its config holds the credential). */
function networkCodeOf(error: unknown): string {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return 'network error';
}
