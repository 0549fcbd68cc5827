/**
 * A client-side requests-per-second limit that holds however many items are in flight.
 *
 * A service counts a request when it arrives, which is somewhere between the moment it is sent and
 * the moment its answer comes back; the client cannot know when exactly (a large upload arrives only
 * once its body is read). So the limiter is strict on both ends: a request holds one of `perSecond`
 * slots from before it is sent until `windowMs` (one second and a margin) after its answer came.
 * Then any `perSecond + 1` requests the service sees are more than a second apart, so a limit of
 * "N per second" (fixed or sliding window) is never exceeded. The price: with slow answers the rate
 * is a little under N (N / (1 s + answer time) at most), never over.
 *
 * Pure (the clock is injected), so it is tested without a network.
 */

import { sleep } from 'n8n-workflow';

export interface LimiterClock {
	/** Runs `callback` after `ms`. */
	schedule(callback: () => void, ms: number): void;
}

const realClock: LimiterClock = {
	schedule(callback, ms) {
		void sleep(ms).then(callback);
	},
};

/** One second, plus a margin for timer and clock granularity on either side. */
export const WINDOW_MS = 1_050;

/** Gives back the slot a request holds; call once its answer (or its failure) came. Calling again does nothing. */
export type ReleaseSlot = () => void;

export class RateLimiter {
	private held = 0;
	private readonly waiting: Array<{ grant: () => void }> = [];
	/** When the limiter last granted or released a slot: an idle one is the same as a new one. */
	lastUsed = 0;

	constructor(
		readonly perSecond: number,
		private readonly clock: LimiterClock = realClock,
		private readonly windowMs = WINDOW_MS,
	) {
		if (!Number.isInteger(perSecond) || perSecond < 1) throw new RangeError(`perSecond must be a positive integer, got ${perSecond}`);
	}

	/** Requests holding a slot (in flight or in the second after their answer). */
	get inUse(): number {
		return this.held;
	}

	/** Requests waiting for a slot. */
	get queued(): number {
		return this.waiting.length;
	}

	/** Resolves when the request may be sent, first come first served; rejects if `signal` aborts first. */
	async acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
		signal?.throwIfAborted();
		this.lastUsed = Date.now();
		if (this.held < this.perSecond && this.waiting.length === 0) {
			this.held++;
			return this.releaser();
		}
		await new Promise<void>((resolve, reject) => {
			const entry = {
				grant: () => {
					signal?.removeEventListener('abort', onAbort);
					resolve();
				},
			};
			const onAbort = () => {
				const index = this.waiting.indexOf(entry);
				if (index >= 0) this.waiting.splice(index, 1);
				reject(signal?.reason ?? new Error('aborted'));
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			this.waiting.push(entry);
		});
		return this.releaser();
	}

	private releaser(): ReleaseSlot {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.lastUsed = Date.now();
			this.clock.schedule(() => this.free(), this.windowMs);
		};
	}

	/** A slot's second is over: hand it to the next waiting request, or let it go. */
	private free() {
		this.lastUsed = Date.now();
		const next = this.waiting.shift();
		if (next) next.grant();
		else this.held--;
	}
}

/**
 * One limiter per credential (by a fingerprint of its data) and limit, for the whole n8n process: all
 * items of a node, all nodes of an execution and concurrent executions that use the same key share it,
 * as the service counts per key. (In queue mode each worker process has its own.)
 */
const limiters = new Map<string, RateLimiter>();

/** An idle limiter holds nothing a new one would not: drop those, so the map stays as small as the credentials in use. */
const IDLE_MS = 60_000;

export function sharedLimiter(key: string, perSecond: number): RateLimiter {
	const mapKey = `${key}\u0000${perSecond}`;
	let limiter = limiters.get(mapKey);
	if (!limiter) {
		const now = Date.now();
		for (const [other, candidate] of limiters) {
			if (candidate.inUse === 0 && candidate.queued === 0 && now - candidate.lastUsed > IDLE_MS) limiters.delete(other);
		}
		limiter = new RateLimiter(perSecond);
		limiters.set(mapKey, limiter);
	}
	return limiter;
}

/** How many limiters the process holds (for tests). */
export function sharedLimiterCount(): number {
	return limiters.size;
}
