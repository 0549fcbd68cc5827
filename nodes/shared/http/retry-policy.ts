/** When a failed attempt may be sent again without risking a duplicate upload. Pure, so it is tested alone. */
export const MAX_ATTEMPTS = 4;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;

export type AttemptOutcome =
	| { kind: 'status'; status: number }
	/** `arrived` is false only when the connection was refused: the service never saw the request. */
	| { kind: 'network'; arrived: boolean };

export function shouldRetry(outcome: AttemptOutcome, attempt: number, idempotent: boolean): boolean {
	if (attempt >= MAX_ATTEMPTS) return false;
	if (outcome.kind === 'network') return idempotent || !outcome.arrived;
	// 429 means the service refused before acting, so even a create is safe to send again.
	if (outcome.status === 429) return true;
	// Other server faults may come after the service acted: only a request that overwrites may repeat.
	return idempotent && [500, 502, 503, 504].includes(outcome.status);
}

/** Exponential backoff, or the service's Retry-After when it gives one. */
export function retryDelayMs(attempt: number, retryAfter?: string): number {
	const seconds = Number(retryAfter);
	if (retryAfter !== undefined && retryAfter.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) {
		return Math.min(seconds * 1000, MAX_DELAY_MS);
	}
	return Math.min(BASE_DELAY_MS * 2 ** (attempt - 1), MAX_DELAY_MS);
}
