/**
 * How a request's attempt ended, for the limiter: `answered` (any answer but a 429; the default),
 * `throttled` (429: the service counts more requests on the key than it allows), `failed` (no answer).
 */
export type SlotOutcome = 'answered' | 'throttled' | 'failed';

/** Gives back the slot a request holds; call once its answer (or its failure) came. Calling again does nothing. */
export type ReleaseSlot = (outcome?: SlotOutcome) => void;

/** What the request path asks of a rate limit: a slot before each attempt, given back when the attempt ended. */
export interface Limiter {
	/**
	 * Resolves when the request may be sent, first come first served within the process; rejects if `signal`
	 * aborts first. `leaseMs`: the longest the attempt can take (its timeout), so a slot whose holder died is
	 * not held for ever where other processes share it.
	 */
	acquire(signal?: AbortSignal, leaseMs?: number): Promise<ReleaseSlot>;
}
