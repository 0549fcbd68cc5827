/** When a failed attempt may be sent again without risking a duplicate upload. Pure, so it is tested alone. */
export const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 500;
export const MAX_DELAY_MS = 8_000;

export type AttemptOutcome =
	| { kind: 'status'; status: number }
	/** `arrived` is false only when the connection was refused: the service never saw the request. */
	| { kind: 'network'; arrived: boolean }
	/** After an ambiguous failure the service was asked and holds nothing from the attempt: safe to send again. */
	| { kind: 'absent' };

/** 5xx answers that say the server did not act (501 Not Implemented, 505 HTTP Version Not Supported). */
const NOT_PROCESSED_5XX = new Set([501, 505]);

/** How long to wait after a 429 that says nothing of when to come back: exponential, with a random jitter. */
export interface ThrottleBackoff {
	/** The wait after the first 429; it doubles with each 429 after it. */
	firstMs: number;
	maxMs: number;
}

/**
 * [ComplyCube Docs api-reference/rate-limits] "Using an exponential backoff with a random jitter is the
 * recommended way to handle such errors", "starting with a 30-second delay".
 */
export const COMPLYCUBE_THROTTLE_BACKOFF: ThrottleBackoff = { firstMs: 30_000, maxMs: 120_000 };
/** Services that recommend nothing: the backoff of every other retry. */
export const DEFAULT_THROTTLE_BACKOFF: ThrottleBackoff = { firstMs: BASE_DELAY_MS, maxMs: MAX_DELAY_MS };

/**
 * The least wait after a 429, whatever its Retry-After says: a service that answers "Retry-After: 0" to every
 * request would otherwise be asked again thousands of times a second for as long as the item's time lasts.
 */
export const MIN_THROTTLE_WAIT_MS = 1_000;

/**
 * The wait before sending again after a 429: the service's Retry-After when it gives one (however long: the
 * call's deadline bounds it), else `backoff` doubled for each earlier 429 of the call, ±25% at random so the
 * items and processes that met it together do not come back together.
 */
export function throttledDelayMs(
	throttledBefore: number,
	backoff: ThrottleBackoff,
	retryAfter?: string,
	now: number = Date.now(),
	random: () => number = Math.random,
): number {
	const asked = retryAfterMs(retryAfter, now);
	if (asked !== undefined) return Math.max(asked, MIN_THROTTLE_WAIT_MS);
	const base = Math.min(backoff.firstMs * 2 ** throttledBefore, backoff.maxMs);
	return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Whether a failed attempt may have been acted on by the service: a connection dropped or timed out
 * after the request was sent, or a server fault (5xx) that does not say "not processed". 4xx answers,
 * 429 included, are refusals before acting.
 */
export function mayHaveActed(outcome: AttemptOutcome): boolean {
	if (outcome.kind === 'network') return outcome.arrived;
	if (outcome.kind === 'absent') return false;
	return outcome.status >= 500 && !NOT_PROCESSED_5XX.has(outcome.status);
}

export function shouldRetry(outcome: AttemptOutcome, attempt: number, idempotent: boolean): boolean {
	// 429: refused before acting, so even a create is safe to send again, and it is, for as long as the call's
	// deadline allows the wait (the caller checks that), not a fixed number of times.
	if (outcome.kind === 'status' && outcome.status === 429) return true;
	if (attempt >= MAX_ATTEMPTS) return false;
	// The service was asked: nothing from this attempt is there, so even a create is sent again.
	if (outcome.kind === 'absent') return true;
	if (outcome.kind === 'network') return idempotent || !outcome.arrived;
	// Other server faults may come after the service acted: only a request that overwrites may repeat.
	return idempotent && [500, 502, 503, 504].includes(outcome.status);
}

/**
 * Exponential backoff, or the service's Retry-After when it gives one: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3). Capped at 8 s either way; a date in the past means "now".
 */
export function retryDelayMs(attempt: number, retryAfter?: string, now: number = Date.now()): number {
	const asked = retryAfterMs(retryAfter, now);
	if (asked !== undefined) return Math.min(asked, MAX_DELAY_MS);
	return Math.min(BASE_DELAY_MS * 2 ** (attempt - 1), MAX_DELAY_MS);
}

/** The wait a Retry-After header asks for, in ms, or undefined when it says nothing usable. */
export function retryAfterMs(retryAfter: string | undefined, now: number = Date.now()): number | undefined {
	if (retryAfter === undefined) return undefined;
	const text = retryAfter.trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) {
		const seconds = Number(text);
		return Number.isFinite(seconds) ? seconds * 1000 : undefined;
	}
	// An HTTP date names a weekday, a date and a time: "Wed, 21 Oct 2015 07:28:00 GMT" (or the obsolete RFC 850
	// and asctime forms, which recipients must accept). Anything else is ignored.
	if (!/^[A-Za-z]{3}/.test(text) || !/\b\d{2}:\d{2}:\d{2}\b/.test(text)) return undefined;
	// asctime carries no zone but, like every HTTP date, is in GMT.
	const at = Date.parse(/\b(GMT|UTC)\b/.test(text) ? text : `${text} GMT`);
	if (!Number.isFinite(at)) return undefined;
	return Math.max(0, at - now);
}
