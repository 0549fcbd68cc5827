/**
 * A client-side requests-per-second limit of one process that adapts to the 429s it meets: the
 * fallback of the shared limit (shared-limiter.ts) while the queue's Redis cannot be reached, when
 * each worker process has to share the account's rate without seeing the others.
 *
 * A service counts a request when it arrives, which is somewhere between the moment it is sent and
 * the moment its answer comes back; the client cannot know when exactly (a large upload arrives only
 * once its body is read). So the limiter is strict on both ends: a request holds one of `limit`
 * slots from before it is sent until `windowMs` (one second and a margin) after its answer came.
 * Then any `limit + 1` requests the service sees are more than a second apart, so a limit of
 * "N per second" (fixed or sliding window) is never exceeded by this process. The price: with slow
 * answers the rate is a little under N (N / (1 s + answer time) at most), never over.
 *
 * One process cannot see the others that use the same key (n8n's queue mode: several workers, each
 * with its own limiter), so the limit adapts, AIMD as TCP does: a 429 on a request sent at the
 * current limit halves it (at least 1) and holds every new request back for one window, so the
 * account's window can drain; a run of successes (INCREASE_AFTER_WINDOWS windows' worth at the
 * current limit, no 429 among them) raises it by one again, up to the ceiling.
 *
 * AIMD alone does not protect a newcomer: a process that has the key to itself and uses all of its
 * rate never meets a 429 (the service refuses the other process's requests, not its own), so the
 * other one's retries keep meeting a full window and can run out of attempts. Hence the headroom:
 * the ceiling is perSecond - headroom (the fallback leaves 1 for rates of 3 and more: sharedHeadroom). With two
 * processes on a key, a request that met a 429 twice was sent at a limit of 1 after both halvings,
 * while the other process holds at most perSecond - 1 slots: its third attempt finds room. The price
 * is one request per second of a single process's rate.
 *
 * Pure (the clock is injected), so it is tested without a network.
 */

import { sleep } from 'n8n-workflow';

import type { Limiter, ReleaseSlot, SlotOutcome } from './slot';

export type { ReleaseSlot, SlotOutcome } from './slot';

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

/**
 * After a decrease, the limit goes up by one once this many windows' worth of requests (at the current
 * limit) succeeded in a row: about 4-5 s per step at full use, so a limit halved to 2 is back at 4 in
 * about 10 s without 429s. Simulated with two and three processes on one key (test/unit/rate-limit.test.ts):
 * 2 met more 429s, and with three processes some requests ran out of attempts; 8 used less of the rate.
 */
export const INCREASE_AFTER_WINDOWS = 4;

export interface LimiterOptions {
	/** How long a slot stays held after its answer; WINDOW_MS by default. */
	windowMs?: number;
	/** Requests per second left to the other processes on the key: the limit never goes above perSecond - headroom (nor below 1). 0 by default. */
	headroom?: number;
	/** INCREASE_AFTER_WINDOWS by default. */
	increaseAfterWindows?: number;
	/** How long new requests are held back after a decrease; one window by default. */
	pauseMs?: number;
}

export class RateLimiter implements Limiter {
	private held = 0;
	private readonly waiting: Array<{ grant: (epoch: number) => void }> = [];
	/** When the limiter last granted or released a slot: an idle one is the same as a new one. */
	lastUsed = 0;
	/** The limit now: the ceiling at first, halved on a 429, raised by one after a run of successes. */
	private current: number;
	/** Incremented at each decrease: a 429 of a request sent before it was sent at the old limit and decreases nothing more. */
	private epoch = 0;
	/** Successes in a row (since the last 429 or increase). */
	private successes = 0;
	/** Set for one window after a decrease: no new request is sent meanwhile. */
	private paused = false;
	/** What the limiter met (for tests and diagnostics). */
	readonly stats = { throttled: 0, decreases: 0, increases: 0, lowest: 0 };

	/** The most the adaptive limit goes up to: perSecond less the headroom. */
	readonly ceiling: number;
	private readonly windowMs: number;
	private readonly increaseAfterWindows: number;
	private readonly pauseMs: number;

	constructor(
		/** The documented rate: the limit never goes above it (nor above perSecond - headroom). */
		readonly perSecond: number,
		private readonly clock: LimiterClock = realClock,
		options: LimiterOptions = {},
	) {
		if (!Number.isInteger(perSecond) || perSecond < 1) throw new RangeError(`perSecond must be a positive integer, got ${perSecond}`);
		this.windowMs = options.windowMs ?? WINDOW_MS;
		this.increaseAfterWindows = options.increaseAfterWindows ?? INCREASE_AFTER_WINDOWS;
		this.pauseMs = options.pauseMs ?? this.windowMs;
		this.ceiling = Math.max(1, perSecond - (options.headroom ?? 0));
		this.current = this.ceiling;
		this.stats.lowest = this.ceiling;
	}

	/** Requests holding a slot (in flight or in the second after their answer). */
	get inUse(): number {
		return this.held;
	}

	/** Requests waiting for a slot. */
	get queued(): number {
		return this.waiting.length;
	}

	/** The adaptive limit now (1 to the ceiling). */
	get limit(): number {
		return this.current;
	}

	/** Resolves when the request may be sent, first come first served; rejects if `signal` aborts first. */
	async acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
		signal?.throwIfAborted();
		this.lastUsed = Date.now();
		if (this.hasRoom() && this.waiting.length === 0) {
			this.held++;
			return this.releaser(this.epoch);
		}
		const epoch = await new Promise<number>((resolve, reject) => {
			const entry = {
				grant: (grantedIn: number) => {
					signal?.removeEventListener('abort', onAbort);
					resolve(grantedIn);
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
		return this.releaser(epoch);
	}

	private hasRoom(): boolean {
		return !this.paused && this.held < this.current;
	}

	private releaser(epoch: number): ReleaseSlot {
		let released = false;
		return (outcome: SlotOutcome = 'answered') => {
			if (released) return;
			released = true;
			this.lastUsed = Date.now();
			this.record(outcome, epoch);
			this.clock.schedule(() => this.free(), this.windowMs);
		};
	}

	/** The adaptive part: multiplicative decrease on a 429, additive increase after a run of successes. */
	private record(outcome: SlotOutcome, epoch: number) {
		if (outcome === 'throttled') {
			this.stats.throttled++;
			this.successes = 0;
			// Requests sent before the last decrease went out at the old limit: their 429s are already answered for.
			if (epoch !== this.epoch) return;
			this.epoch++;
			this.current = Math.max(1, Math.floor(this.current / 2));
			this.stats.decreases++;
			this.stats.lowest = Math.min(this.stats.lowest, this.current);
			this.paused = true;
			this.clock.schedule(() => {
				this.paused = false;
				this.pump();
			}, this.pauseMs);
			return;
		}
		if (outcome !== 'answered' || this.current >= this.ceiling) return;
		this.successes++;
		if (this.successes >= this.current * this.increaseAfterWindows) {
			this.current++;
			this.successes = 0;
			this.stats.increases++;
			this.pump();
		}
	}

	/** A slot's second is over: let it go, and hand the room to the next waiting requests. */
	private free() {
		this.lastUsed = Date.now();
		this.held--;
		this.pump();
	}

	private pump() {
		while (this.waiting.length > 0 && this.hasRoom()) {
			this.held++;
			this.waiting.shift()!.grant(this.epoch);
		}
	}
}

/** The headroom the fallback leaves to the other processes on the key: 1, except for rates of 1 or 2 per second, which it would halve or stop. */
export function sharedHeadroom(perSecond: number): number {
	return perSecond >= 3 ? 1 : 0;
}
