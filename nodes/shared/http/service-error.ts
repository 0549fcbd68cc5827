/** A refusal from the service itself: its HTTP status and its own words (an HTML page: its title, never the page). */
export class ServiceError extends Error {
	readonly body: unknown;

	constructor(
		readonly service: string,
		readonly status: number,
		body: unknown,
		readonly serviceMessage: string,
	) {
		super(`${service} ${status >= 500 ? 'failed to answer' : 'refused'} the request (HTTP ${status}): ${serviceMessage}`);
		this.name = 'ServiceError';
		// A page is summarised: the raw HTML would end up in the item's description and the execution log.
		this.body = typeof body === 'string' || Buffer.isBuffer(body) ? summarise(body) : body;
	}
}

/**
 * A create failed in a way that may come after the service acted (dropped or timed-out connection, a
 * server fault), and the service could not be asked what it holds: the record may exist.
 */
export class UncertainOutcomeError extends Error {
	constructor(
		readonly service: string,
		/** What went wrong with the request itself. */
		readonly failure: Error,
		/** How the user checks what the service holds, as a sentence. */
		readonly howToCheck: string,
		/** Why asking the service failed; undefined when the operation has no way to ask. */
		readonly lookupFailure?: string,
	) {
		super(
			`${failure.message.replace(/[.:]?\s*$/, '')}, and it may have arrived: ${service} may hold it${lookupFailure ? ` (asking ${service} afterwards failed too: ${lookupFailure})` : ''}`,
		);
		this.name = 'UncertainOutcomeError';
	}
}

/**
 * A create failed after every attempt, and after each ambiguous failure the service was asked and held
 * nothing from it: nothing was stored, so running the item again is safe.
 */
export class NothingStoredError extends Error {
	constructor(
		readonly service: string,
		readonly failure: Error,
	) {
		super(failure.message);
		this.name = 'NothingStoredError';
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
		/** Replaces the words for the code, e.g. the timeout that ran out. */
		detail?: string,
	) {
		super(`Could not reach ${service} at ${url}: ${detail ?? NETWORK_FAILURES[code] ?? 'a network error occurred'}`);
		this.name = 'ServiceUnreachableError';
	}
}

/** The service's own words from an error body: `{message}`, with `(errorCode)` where the service gives one. */
export function serviceMessageOf(body: unknown): string | undefined {
	// Not JSON (a gateway's or proxy's page): one line, an HTML page by its title.
	if (typeof body === 'string' || Buffer.isBuffer(body)) return summarise(body);
	if (!body || typeof body !== 'object') return undefined;
	const { errorCode, message } = body as { errorCode?: string; message?: unknown };
	if (message !== undefined && typeof message !== 'string') return summarise(message);
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

/** One line about an answer: an HTML page by its title (or first heading), other text cut at 200 characters. */
export function summarise(body: unknown): string {
	if (body === undefined || body === null || body === '') return 'the answer was empty';
	const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
	if (text.trim() === '') return 'the answer was empty';
	const title = (/<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(text)?.[1])?.replace(/\s+/g, ' ').trim();
	if (title) return `an HTML page titled '${title}'`;
	if (/^\s*<(!doctype|html|head|body)\b/i.test(text)) return 'an HTML page without a title';
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** The service kept answering 429 (too many requests) until the call's time ran out. */
export class ThrottledTooLongError extends Error {
	constructor(
		readonly service: string,
		readonly failure: Error,
		readonly throttledAnswers: number,
		elapsedMs: number,
	) {
		super(
			`${service} answered 429 (too many requests) ${throttledAnswers} time${throttledAnswers === 1 ? '' : 's'} in ${Math.round(elapsedMs / 1000)} s, and the item's time ran out before it let the request through`,
		);
		this.name = 'ThrottledTooLongError';
	}
}
