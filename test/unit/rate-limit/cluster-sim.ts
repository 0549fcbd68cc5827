import { LaneLimiter } from '../../../nodes/shared/http/rate-limit/lane-limiter';
import { laneShare, type ShareRounding } from '../../../nodes/shared/http/rate-limit/process-share';
import { COMPLYCUBE_THROTTLE_BACKOFF, throttledDelayMs } from '../../../nodes/shared/http/retry-policy';
import { limitShare } from '../../../scripts/queue/accounting';
import { maxInWindow } from './load';
import { ManualClock } from './manual-clock';

/** A small seeded generator, so a schedule can be replayed. */
export function seeded(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 2 ** 32;
	};
}

export interface ClusterOptions {
	seed: number;
	/** The account's rate: the service accepts this many requests in any sliding second and answers 429 beyond. */
	perSecond: number;
	processes: number;
	rounding: ShareRounding;
	/** Calls, each one execution that sends `requestsPerCall` requests one after another, then does other work. */
	calls: number;
	requestsPerCall: number;
	/** Executions a process runs at once (n8n worker --concurrency). */
	concurrency: number;
	/** A request's time from send to answer: uniform in this range (ms); the service counts it at 70% of it. */
	latencyMs: [number, number];
	/** The rest of an execution, between and after its requests (ms). */
	otherWorkMs: [number, number];
	/** The last process takes no new call once this share of the calls started (n8n worker stopped); undefined: never. */
	stopLastAt?: number;
}

export interface ClusterResult {
	accepted: number[];
	/** 429s the service answered. */
	throttled: number;
	/** The share of the account's limit the accepted requests used over the busy span (scripts/queue/accounting.ts). */
	figure: number;
	/** The most requests (429s included) the processes put in one sliding second, and the most accepted. */
	maxSent: number;
	maxAccepted: number;
	/** Simulated seconds from the first call to the last one done. */
	seconds: number;
	/** The longest a call took (s). */
	slowestCall: number;
}

/**
 * n8n's queue mode in miniature, on one simulated clock: `processes` workers, each with its own lane limiter
 * for its share of the key's rate, running the calls of one queue, against a service that counts what it
 * accepted in a sliding second (as the ComplyCube emulator does) and answers 429 beyond, with ComplyCube's
 * 30-s backoff for each 429 (retry-policy.ts).
 */
export async function runCluster(options: ClusterOptions): Promise<ClusterResult> {
	const random = seeded(options.seed);
	const between = ([low, high]: [number, number]) => low + random() * (high - low);
	const clock = new ManualClock();
	const share = laneShare(options.perSecond, options.processes, options.rounding);
	const limiters = Array.from({ length: options.processes }, () => new LaneLimiter(share.lanes, share.cycleMs, clock));
	const accepted: number[] = [];
	const arrivals: number[] = [];
	let throttled = 0;
	let started = 0;
	let done = 0;
	let slowestCall = 0;

	const request = async (limiter: LaneLimiter) => {
		for (let refusals = 0; ; refusals++) {
			const release = await limiter.acquire();
			const latency = between(options.latencyMs);
			await clock.sleep(latency * 0.7);
			const now = clock.now();
			arrivals.push(now);
			const ok = accepted.filter((at) => at > now - 1000).length < options.perSecond;
			if (ok) accepted.push(now);
			else throttled++;
			await clock.sleep(latency * 0.3);
			release(ok ? 'answered' : 'throttled');
			if (ok) return;
			await clock.sleep(throttledDelayMs(refusals, COMPLYCUBE_THROTTLE_BACKOFF, undefined, now, random));
		}
	};
	const execution = async (limiter: LaneLimiter, index: number) => {
		const stopping = index === options.processes - 1 && options.stopLastAt !== undefined;
		while (started < options.calls && !(stopping && started >= options.calls * (options.stopLastAt as number))) {
			started++;
			const begin = clock.now();
			for (let step = 0; step < options.requestsPerCall; step++) {
				await request(limiter);
				await clock.sleep(between(options.otherWorkMs) / options.requestsPerCall);
			}
			done++;
			slowestCall = Math.max(slowestCall, (clock.now() - begin) / 1000);
		}
	};
	const all = Promise.all(limiters.flatMap((limiter, index) => Array.from({ length: options.concurrency }, () => execution(limiter, index))));
	await clock.runUntil(() => done === options.calls);
	await all;
	return {
		accepted,
		throttled,
		figure: limitShare(accepted, options.perSecond),
		maxSent: maxInWindow(arrivals.map((at) => ({ at, sender: '' }))),
		maxAccepted: maxInWindow(accepted.map((at) => ({ at, sender: '' }))),
		seconds: clock.now() / 1000,
		slowestCall,
	};
}
