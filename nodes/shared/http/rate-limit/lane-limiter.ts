/**
 * "N requests per second" held exactly, however the service counts its second (a fixed or a sliding
 * window), in this process's memory.
 *
 * The rate is `lanes` lanes. A request takes a free lane before it is sent and holds it while it is at the
 * service; once its answer came, the lane stays blocked for one more second. The service counts a request
 * when it arrives, somewhere between the moment it was sent and its answer, so two requests that used the
 * same lane arrive more than a second apart: any second the service looks at holds at most one request per
 * lane. Nothing is assumed of latency; the price is the answer time (lanes / (1 s + answer time) at full use).
 *
 * `cycleMs` (1 s by default) is the least time from one send on a lane to the next: longer than a second
 * only when a process's share of the rate is not a whole number of lanes (process-share.ts).
 *
 * Waiting requests are served first come, first served. No timer runs while nobody waits.
 */

import { realClock, type LimiterClock } from './clock';
import type { Limiter, ReleaseSlot } from './slot';

/** How long a lane stays blocked after its request's answer. */
export const HOLD_AFTER_ANSWER_MS = 1_000;
/** A lane taken for a request whose attempt has no timeout of its own is let go after this long whatever happens. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
/**
 * The longest one wait of the limiter's timer: a lease's end can be minutes away, and a timer that long
 * would keep the process alive after the run ended; an answer wakes the waiting requests anyway.
 */
export const MAX_WAKE_MS = 1_000;

interface Lane {
	/** Counts the grants: a release of an earlier grant (after its lease ran out) changes nothing. */
	grant: number;
	inFlight: boolean;
	sentAt: number;
	/** While in flight: when the lane is let go if its request never ends (lease plus the hold). */
	leaseEndsAt: number;
	/** Once answered: when the lane may be taken again. */
	freeAt: number;
}

interface Waiter {
	signal?: AbortSignal;
	leaseMs: number;
	grant: (release: ReleaseSlot) => void;
	onAbort?: () => void;
}

export class LaneLimiter implements Limiter {
	private readonly lanes: Lane[];
	private readonly waiting: Waiter[] = [];
	/** When the pending wake-up is due (undefined: none pending). */
	private wakeAt?: number;
	/** When the limiter last handed out or gave back a lane: an idle one holds nothing a new one would not. */
	lastUsed: number;

	constructor(
		/** How many requests may be at the service, or in the second after their answer, at once. */
		readonly laneCount: number,
		/** The least time from one send on a lane to the next; one second unless a share needs more. */
		readonly cycleMs = HOLD_AFTER_ANSWER_MS,
		private readonly clock: LimiterClock = realClock,
	) {
		if (!Number.isInteger(laneCount) || laneCount < 1) throw new RangeError(`laneCount must be a positive integer, got ${laneCount}`);
		if (!(cycleMs >= HOLD_AFTER_ANSWER_MS)) throw new RangeError(`cycleMs must be at least ${HOLD_AFTER_ANSWER_MS}, got ${cycleMs}`);
		this.lanes = Array.from({ length: laneCount }, () => ({ grant: 0, inFlight: false, sentAt: 0, leaseEndsAt: 0, freeAt: 0 }));
		this.lastUsed = clock.now();
	}

	/** Requests waiting for a lane. */
	get queued(): number {
		return this.waiting.length;
	}

	/** Lanes taken now (in flight, or answered less than their hold ago). */
	get held(): number {
		const now = this.clock.now();
		return this.lanes.filter((lane) => !this.isFree(lane, now)).length;
	}

	/** Nothing in flight, nothing held, nobody waiting: the same as a new limiter. */
	get idle(): boolean {
		return this.waiting.length === 0 && this.held === 0;
	}

	async acquire(signal?: AbortSignal, leaseMs = DEFAULT_LEASE_MS): Promise<ReleaseSlot> {
		signal?.throwIfAborted();
		this.lastUsed = this.clock.now();
		if (this.waiting.length === 0) {
			const lane = this.freeLane();
			if (lane) return this.take(lane, leaseMs);
		}
		return await new Promise<ReleaseSlot>((resolve, reject) => {
			const waiter: Waiter = { signal, leaseMs, grant: resolve };
			if (signal) {
				waiter.onAbort = () => {
					const index = this.waiting.indexOf(waiter);
					if (index >= 0) this.waiting.splice(index, 1);
					reject(signal.reason);
				};
				signal.addEventListener('abort', waiter.onAbort, { once: true });
			}
			this.waiting.push(waiter);
			this.wakeWhenALaneFrees();
		});
	}

	private isFree(lane: Lane, now: number): boolean {
		return lane.inFlight ? now >= lane.leaseEndsAt : now >= lane.freeAt;
	}

	private freeLane(): Lane | undefined {
		const now = this.clock.now();
		return this.lanes.find((lane) => this.isFree(lane, now));
	}

	private take(lane: Lane, leaseMs: number): ReleaseSlot {
		const now = this.clock.now();
		const grant = ++lane.grant;
		lane.inFlight = true;
		lane.sentAt = now;
		lane.leaseEndsAt = now + leaseMs + HOLD_AFTER_ANSWER_MS;
		this.lastUsed = now;
		// Whatever the outcome: a request with no answer may still have arrived.
		return () => {
			if (lane.grant !== grant || !lane.inFlight) return;
			const answeredAt = this.clock.now();
			lane.inFlight = false;
			lane.freeAt = Math.max(answeredAt + HOLD_AFTER_ANSWER_MS, lane.sentAt + this.cycleMs);
			this.lastUsed = answeredAt;
			this.wakeWhenALaneFrees();
		};
	}

	/** Hands free lanes to the waiting requests in their order, then sleeps until the next lane frees. */
	private serve() {
		for (let lane = this.freeLane(); lane && this.waiting.length > 0; lane = this.freeLane()) {
			const waiter = this.waiting.shift()!;
			// The execution's signal outlives the wait: its listener must not stay behind for each request.
			if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
			waiter.grant(this.take(lane, waiter.leaseMs));
		}
		this.wakeWhenALaneFrees();
	}

	private wakeWhenALaneFrees() {
		if (this.waiting.length === 0) return;
		const now = this.clock.now();
		const next = Math.min(now + MAX_WAKE_MS, ...this.lanes.map((lane) => (lane.inFlight ? lane.leaseEndsAt : lane.freeAt)));
		if (next <= now) return this.serve();
		if (this.wakeAt !== undefined && this.wakeAt <= next) return;
		this.wakeAt = next;
		void this.clock.sleep(next - now).then(() => {
			if (this.wakeAt === next) this.wakeAt = undefined;
			this.serve();
		});
	}
}
