/**
 * "N requests per second" held exactly, however the service counts its second (a fixed or a sliding
 * window) and however many processes send, with the counting done by rate-limiter-flexible in a store
 * they share (Redis in n8n's queue mode, memory in one process).
 *
 * The account's rate is N lanes. A request takes a free lane before it is sent (an atomic consume of the
 * lane's key) and holds it while it is at the service; once its answer came, the lane stays blocked for
 * one more second (the store's own expiry), then it is free again. The service counts a request when it
 * arrives, somewhere between the moment it was sent and its answer, so two requests that used the same
 * lane arrive more than a second apart: any second the service looks at holds at most one request per
 * lane, N in all. Nothing is assumed of clocks or latency; the price is the answer time, not a margin
 * (N / (1 s + answer time) at full use).
 *
 * Within a process the waiting requests queue first come, first served, and only the first of them asks
 * the store, so the store sees one poller per process, not one per waiting item.
 */

import { sleep } from 'n8n-workflow';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

import type { Limiter, ReleaseSlot } from './slot';

/** How long a lane stays blocked after its request's answer. */
export const HOLD_AFTER_ANSWER_SECONDS = 1;
/** A lane taken for a request whose attempt has no timeout of its own is let go after this long whatever happens. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/**
 * The longest a waiting request sleeps before asking the store again. A lane held by a request in flight
 * says only "held for the lease"; once its answer comes it says "free in a second", which the next look
 * sees and sleeps exactly for. So this bounds how late a change made by another process is noticed, and,
 * below the one-second hold, it costs no rate.
 */
export const MAX_POLL_MS = 250;

/** What a lane store is made with, in memory or in Redis: a lane holds one request, for a lease at most. */
export const LANE_STORE_OPTIONS = { points: 1, duration: Math.ceil(DEFAULT_LEASE_MS / 1000) + HOLD_AFTER_ANSWER_SECONDS };

/** The store could not be asked (Redis unreachable, not ready, too slow): nothing was decided. */
export class LimiterStoreError extends Error {
	constructor(readonly reason: unknown) {
		super(`The rate-limit store did not answer: ${reason instanceof Error ? reason.message : String(reason)}`);
		this.name = 'LimiterStoreError';
	}
}

interface Waiter {
	signal?: AbortSignal;
	leaseMs: number;
	resolve: (release: ReleaseSlot) => void;
	reject: (error: unknown) => void;
	settled: boolean;
	onAbort?: () => void;
}

export class LaneLimiter implements Limiter {
	private readonly waiting: Waiter[] = [];
	private serving = false;
	/** When the limiter last handed out or gave back a lane: an idle one holds nothing a new one would not. */
	lastUsed = Date.now();
	/** Lanes this process holds now (in flight or answered less than a second ago). */
	held = 0;

	constructor(
		/** rate-limiter-flexible's store, made with LANE_STORE_OPTIONS. */
		private readonly store: RateLimiterAbstract,
		/** The account the lanes belong to (a hash of the credential, never the key itself). */
		private readonly account: string,
		readonly perSecond: number,
	) {
		if (!Number.isInteger(perSecond) || perSecond < 1) throw new RangeError(`perSecond must be a positive integer, got ${perSecond}`);
	}

	/** Requests waiting for a lane in this process. */
	get queued(): number {
		return this.waiting.length;
	}

	async acquire(signal?: AbortSignal, leaseMs = DEFAULT_LEASE_MS): Promise<ReleaseSlot> {
		signal?.throwIfAborted();
		this.lastUsed = Date.now();
		return await new Promise<ReleaseSlot>((resolve, reject) => {
			const waiter: Waiter = { signal, leaseMs, resolve, reject, settled: false };
			waiter.onAbort = () => this.settle(waiter, () => reject(signal?.reason));
			signal?.addEventListener('abort', waiter.onAbort, { once: true });
			this.waiting.push(waiter);
			void this.serve();
		});
	}

	/** Lane keys: the account in braces, so a Redis Cluster keeps an account's lanes on one node. */
	laneKey(lane: number): string {
		return `{${this.account}}:${lane}`;
	}

	private settle(waiter: Waiter, action: () => void): boolean {
		if (waiter.settled) return false;
		waiter.settled = true;
		// The execution's signal outlives the wait: its listener must not stay behind for each request.
		if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
		const index = this.waiting.indexOf(waiter);
		if (index >= 0) this.waiting.splice(index, 1);
		action();
		return true;
	}

	/** The first waiting request asks the store until it has a lane, then the next; one loop at a time. */
	private async serve(): Promise<void> {
		if (this.serving) return;
		this.serving = true;
		try {
			while (this.waiting.length > 0) {
				const waiter = this.waiting[0];
				const lane = await this.takeLane(waiter);
				if (typeof lane !== 'number') {
					this.settle(waiter, () => waiter.reject(lane.failure));
					continue;
				}
				const release = this.releaser(lane);
				// Aborted while the store answered: the lane was never used, give it straight back.
				if (!this.settle(waiter, () => waiter.resolve(release))) this.giveBack(lane);
			}
		} finally {
			this.serving = false;
		}
	}

	/** The lane taken, or why none was: the waiter gave up, or the store could not be asked. */
	private async takeLane(waiter: Waiter): Promise<number | { failure: unknown }> {
		const leaseSeconds = Math.ceil(waiter.leaseMs / 1000) + HOLD_AFTER_ANSWER_SECONDS;
		for (;;) {
			if (waiter.settled) return { failure: waiter.signal?.reason };
			let soonest = MAX_POLL_MS;
			// From a random lane, so processes polling at the same moment do not all queue on lane 0.
			const first = Math.floor(Math.random() * this.perSecond);
			for (let step = 0; step < this.perSecond; step++) {
				const lane = (first + step) % this.perSecond;
				try {
					await this.store.consume(this.laneKey(lane), 1, { customDuration: leaseSeconds });
					return lane;
				} catch (refusal) {
					if (!(refusal instanceof RateLimiterRes)) return { failure: new LimiterStoreError(refusal) };
					soonest = Math.min(soonest, refusal.msBeforeNext);
				}
			}
			// +1: a key is gone only once its expiry time has passed.
			await sleepUnlessSettled(Math.max(1, soonest + 1), waiter);
		}
	}

	private releaser(lane: number): ReleaseSlot {
		this.held++;
		this.lastUsed = Date.now();
		let released = false;
		return () => {
			if (released) return;
			released = true;
			this.lastUsed = Date.now();
			// Whatever the outcome: a request with no answer may still have arrived.
			this.store
				.block(this.laneKey(lane), HOLD_AFTER_ANSWER_SECONDS)
				// The store went away: the lane's lease runs out by itself.
				.catch(() => undefined)
				.finally(() => void sleep(HOLD_AFTER_ANSWER_SECONDS * 1000).then(() => this.held--));
		};
	}

	/** A lane taken for a request that was never sent. */
	private giveBack(lane: number) {
		this.store.delete(this.laneKey(lane)).catch(() => undefined);
	}
}

/** Sleeps `ms`, or less if the waiter's signal aborts meanwhile. */
async function sleepUnlessSettled(ms: number, waiter: Waiter): Promise<void> {
	const { signal } = waiter;
	if (!signal) return await sleep(ms);
	let onAbort = () => {};
	const aborted = new Promise<void>((resolve) => {
		onAbort = resolve;
		signal.addEventListener('abort', onAbort, { once: true });
	});
	await Promise.race([sleep(ms), aborted]);
	signal.removeEventListener('abort', onAbort);
}
