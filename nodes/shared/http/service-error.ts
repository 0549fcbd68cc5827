/** A refusal from the service itself: its HTTP status and its own words. */
export class ServiceError extends Error {
	constructor(
		readonly service: string,
		readonly status: number,
		readonly body: unknown,
		readonly serviceMessage: string,
	) {
		super(`${service} refused the request (HTTP ${status}): ${serviceMessage}`);
		this.name = 'ServiceError';
	}
}

// Words, not socket codes: n8n replaces any error message that contains a code with a generic one.
const NETWORK_FAILURES: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be looked up',
	ECONNRESET: 'the connection was dropped',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'the request timed out',
};

/** The service could not be reached or dropped the connection. */
export class ServiceUnreachableError extends Error {
	constructor(
		readonly service: string,
		readonly url: string,
		readonly code: string,
		/** True when the request may have reached the service before the connection failed. */
		readonly mayHaveArrived: boolean,
	) {
		super(`Could not reach ${service} at ${url}: ${NETWORK_FAILURES[code] ?? 'a network error occurred'}`);
		this.name = 'ServiceUnreachableError';
	}
}

/** The service's own words from an error body: `{message}`, with `(errorCode)` where the service gives one. */
export function serviceMessageOf(body: unknown): string | undefined {
	const { errorCode, message } = (body ?? {}) as { errorCode?: string; message?: string };
	return errorCode ? `${message ?? ''} (${errorCode})`.trim() : message;
}

/** A success status whose body is not what the operation documents: not JSON, not an object, a field missing. */
export class UnexpectedAnswerError extends Error {
	constructor(
		readonly service: string,
		readonly status: number,
		readonly body: unknown,
		expected: string,
	) {
		super(`${service} answered HTTP ${status} without ${expected}: ${summarise(body)}`);
		this.name = 'UnexpectedAnswerError';
	}
}

function summarise(body: unknown): string {
	if (body === undefined || body === null || body === '') return 'the answer was empty';
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
	const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
	if (title) return `an HTML page titled '${title}'`;
	return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
