import { requestsPerSecondOf } from '../../../nodes/shared/http/credential-session';
import { INCREASE_AFTER_WINDOWS, RateLimiter, sharedHeadroom, WINDOW_MS, type LimiterClock, type ReleaseSlot } from '../../../nodes/shared/http/rate-limit/adaptive-limiter';
import { LaneLimiter } from '../../../nodes/shared/http/rate-limit/lane-limiter';
import { resetSharedLimiters, sharedLimiter } from '../../../nodes/shared/http/rate-limit/shared-limiter';
import { MAX_ATTEMPTS, retryDelayMs } from '../../../nodes/shared/http/retry-policy';

/** A clock the test moves by hand. */
class ManualClock implements LimiterClock {
	now = 0;
	private timers: Array<{ at: number; callback: () => void }> = [];

	schedule(callback: () => void, ms: number) {
		this.timers.push({ at: this.now + ms, callback });
	}

	/** Moves time forward, running each timer that falls due, in order. */
	async advance(ms: number) {
		const until = this.now + ms;
		for (;;) {
			this.timers.sort((a, b) => a.at - b.at);
			const due = this.timers[0];
			if (!due || due.at > until) break;
			this.timers.shift();
			this.now = due.at;
			due.callback();
			await flush();
		}
		this.now = until;
		await flush();
	}
}

const flush = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** Starts acquiring and records when (on the manual clock) the slot was granted. */
function request(limiter: RateLimiter, clock: ManualClock, granted: Array<{ id: number; at: number; release: ReleaseSlot }>, id: number) {
	return limiter.acquire().then((release) => {
		granted.push({ id, at: clock.now, release });
		return release;
	});
}

describe('RateLimiter', () => {
	test('lets perSecond requests go at once, and the next only a window after one of them answered', async () => {
		const clock = new ManualClock();
		const limiter = new RateLimiter(5, clock);
		const granted: Array<{ id: number; at: number; release: ReleaseSlot }> = [];
		for (let id = 0; id < 6; id++) void request(limiter, clock, granted, id);
		await flush();
		expect(granted.map((grant) => grant.id)).toEqual([0, 1, 2, 3, 4]);
		expect(limiter.queued).toBe(1);

		await clock.advance(30);
		granted[0].release();
		await clock.advance(WINDOW_MS - 1);
		expect(granted).toHaveLength(5);
		await clock.advance(1);
		expect(granted.map((grant) => grant.id)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(granted[5].at).toBe(30 + WINDOW_MS);
	});

	test('a request that has not answered keeps its slot, however long it takes', async () => {
		const clock = new ManualClock();
		const limiter = new RateLimiter(1, clock);
		const granted: Array<{ id: number; at: number; release: ReleaseSlot }> = [];
		void request(limiter, clock, granted, 0);
		void request(limiter, clock, granted, 1);
		await clock.advance(10_000);
		expect(granted.map((grant) => grant.id)).toEqual([0]);
		granted[0].release();
		await clock.advance(WINDOW_MS);
		expect(granted.map((grant) => grant.id)).toEqual([0, 1]);
	});

	test('waiting requests are served first come, first served', async () => {
		const clock = new ManualClock();
		const limiter = new RateLimiter(2, clock);
		const granted: Array<{ id: number; at: number; release: ReleaseSlot }> = [];
		for (let id = 0; id < 8; id++) void request(limiter, clock, granted, id);
		for (let round = 0; round < 4; round++) {
			await flush();
			for (const grant of granted.slice(-2)) grant.release();
			await clock.advance(WINDOW_MS);
		}
		expect(granted.map((grant) => grant.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
	});

	test('releasing twice gives back one slot, not two', async () => {
		const clock = new ManualClock();
		const limiter = new RateLimiter(1, clock);
		const release = await limiter.acquire();
		release();
		release();
		await clock.advance(WINDOW_MS);
		expect(limiter.inUse).toBe(0);
		await limiter.acquire();
		expect(limiter.inUse).toBe(1);
	});

	test('an aborted wait leaves the queue and rejects; the others keep their turn', async () => {
		const clock = new ManualClock();
		const limiter = new RateLimiter(1, clock);
		const first = await limiter.acquire();
		const controller = new AbortController();
		const aborted = limiter.acquire(controller.signal);
		const granted: Array<{ id: number; at: number; release: ReleaseSlot }> = [];
		void request(limiter, clock, granted, 2);
		controller.abort(new Error('execution cancelled'));
		await expect(aborted).rejects.toThrow('execution cancelled');
		expect(limiter.queued).toBe(1);
		first();
		await clock.advance(WINDOW_MS);
		expect(granted.map((grant) => grant.id)).toEqual([2]);
		await expect(limiter.acquire(controller.signal)).rejects.toThrow('execution cancelled');
	});

	test('refuses a limit that is not a positive whole number', () => {
		expect(() => new RateLimiter(0)).toThrow(RangeError);
		expect(() => new RateLimiter(2.5)).toThrow(RangeError);
	});

	/**
	 * What makes a 429 impossible: a service counts a request at some moment between its start and its
	 * answer, so a request holds its slot from its start to a second after its answer, and no more than N
	 * requests ever hold one at the same time. Checked over random schedules (random answer times, up to 8
	 * in flight), and against a service that counts each request at a random moment of its flight in a
	 * sliding window of one second, as the emulator does.
	 */
	test.each([1, 5, 10])('with %d per second, no service window of one second ever sees more', async (perSecond) => {
		for (let trial = 0; trial < 20; trial++) {
			const clock = new ManualClock();
			const limiter = new RateLimiter(perSecond, clock);
			const flights: Array<{ start: number; answer?: number }> = [];
			const inFlight = 1 + Math.floor(Math.random() * 8);
			const total = 40;
			let next = 0;
			const lane = async () => {
				while (next < total) {
					next++;
					const release = await limiter.acquire();
					const flight: { start: number; answer?: number } = { start: clock.now };
					flights.push(flight);
					await new Promise<void>((resolve) => clock.schedule(resolve, Math.floor(Math.random() * 300)));
					flight.answer = clock.now;
					release();
				}
			};
			const done = Promise.all(Array.from({ length: inFlight }, lane));
			for (let step = 0; step < 4_000 && flights.filter((flight) => flight.answer !== undefined).length < total; step++) await clock.advance(25);
			await done;
			expect(flights).toHaveLength(total);
			for (const { start } of flights) {
				const holding = flights.filter((other) => other.start <= start && start < (other.answer as number) + WINDOW_MS);
				expect(holding.length).toBeLessThanOrEqual(perSecond);
			}
			const arrivals = flights.map(({ start, answer }) => start + Math.random() * ((answer as number) - start)).sort((x, y) => x - y);
			for (const arrival of arrivals) {
				expect(arrivals.filter((other) => other > arrival - 1000 && other <= arrival).length).toBeLessThanOrEqual(perSecond);
			}
		}
	});
});

/** A small seeded generator, so a failing schedule can be replayed. */
function seeded(seed: number): () => number {
	let state = seed >>> 0 || 1;
	return () => {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		return (state >>> 0) / 2 ** 32;
	};
}

interface ClusterRun {
	/** Requests that ran out of attempts on 429s. */
	failed: number;
	done: number;
	throttled: number;
	/** Requests that went through at their 1st, 2nd, 3rd, 4th attempt. */
	attempts: number[];
	/** Accepted requests per 1-s window of the service, at most. */
	maxPerWindow: number;
	/** Accepted requests per second over the run. */
	throughput: number;
	limiters: RateLimiter[];
}

/**
 * n8n's queue mode in miniature: `processes` limiters (one per worker process, as each has its own),
 * each with `lanes` requests in flight and its share of `requests`, starting `staggerMs` apart, all on
 * one key of a service that allows `allowed` requests in any sliding second and answers 429 beyond
 * (counting what it accepted, as the emulator does), with the nodes' own retry policy for 429s.
 * `adaptive: false` keeps the 429s from the limiter (a fixed per-process limit, as before).
 */
async function runCluster(options: { seed: number; processes: number; lanes: number; requests: number; allowed: number; adaptive: boolean; headroom: number; staggerMs: number }): Promise<ClusterRun> {
	const random = seeded(options.seed);
	const clock = new ManualClock();
	const limiters = Array.from({ length: options.processes }, () => new RateLimiter(options.allowed, clock, { headroom: options.headroom }));
	const accepted: number[] = [];
	const attempts = [0, 0, 0, 0];
	let throttled = 0;
	let failed = 0;
	let done = 0;
	const wait = (ms: number) => new Promise<void>((resolve) => clock.schedule(resolve, ms));
	const lane = async (limiter: RateLimiter, index: number, share: { next: number }) => {
		await wait(index * options.staggerMs);
		while (share.next < options.requests / options.processes) {
			share.next++;
			for (let attempt = 1; ; attempt++) {
				const release = await limiter.acquire();
				const latency = 30 + Math.floor(random() * 270);
				// The service counts the request when its body has arrived, before the answer leaves.
				await wait(Math.floor(latency * 0.7));
				const ok = accepted.filter((at) => at > clock.now - 1000).length < options.allowed;
				if (ok) accepted.push(clock.now);
				else throttled++;
				await wait(latency - Math.floor(latency * 0.7));
				release(ok || !options.adaptive ? 'answered' : 'throttled');
				if (ok) {
					done++;
					attempts[attempt - 1]++;
					break;
				}
				// "Failed": still refused after MAX_ATTEMPTS, the budget these schedules were tuned on (the request
				// path now retries a 429 for as long as the call's deadline allows, and waits longer each time).
				if (attempt >= MAX_ATTEMPTS) {
					failed++;
					break;
				}
				await wait(retryDelayMs(attempt));
			}
		}
	};
	const all = Promise.all(
		limiters.flatMap((limiter, index) => {
			const share = { next: 0 };
			return Array.from({ length: options.lanes }, () => lane(limiter, index, share));
		}),
	);
	let finished = false;
	void all.then(() => (finished = true));
	for (let step = 0; step < 100_000 && !finished; step++) await clock.advance(10);
	await all;
	let maxPerWindow = 0;
	for (const at of accepted) maxPerWindow = Math.max(maxPerWindow, accepted.filter((other) => other > at - 1000 && other <= at).length);
	return { failed, done, throttled, attempts, maxPerWindow, throughput: done / (clock.now / 1000), limiters };
}

describe('RateLimiter: the adaptive limit', () => {
	test('a 429 halves the limit and holds new requests back for one window; 429s of requests sent before count once', async () => {
		const clock = new ManualClock();
		const limiter = new RateLimiter(5, clock);
		const granted: Array<{ id: number; at: number; release: ReleaseSlot }> = [];
		for (let id = 0; id < 5; id++) void request(limiter, clock, granted, id);
		await flush();
		expect(granted).toHaveLength(5);
		// All five were sent at the limit of 5; three come back 429.
		granted[0].release('throttled');
		expect(limiter.limit).toBe(2);
		granted[1].release('throttled');
		granted[2].release('throttled');
		expect(limiter.limit).toBe(2);
		expect(limiter.stats).toMatchObject({ throttled: 3, decreases: 1, lowest: 2 });
		granted[3].release();
		granted[4].release();
		for (let id = 5; id < 10; id++) void request(limiter, clock, granted, id);
		// The slots free after one window, and the pause ends then too: two go (the new limit), not five.
		await clock.advance(WINDOW_MS - 1);
		expect(granted).toHaveLength(5);
		await clock.advance(1);
		expect(granted.map((grant) => grant.id)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		// A 429 of a request sent at the new limit halves again.
		granted[5].release('throttled');
		expect(limiter.limit).toBe(1);
		granted[6].release('throttled');
		expect(limiter.limit).toBe(1);
		// ... but never below one.
		await clock.advance(WINDOW_MS);
		expect(granted).toHaveLength(8);
		granted[7].release('throttled');
		expect(limiter.limit).toBe(1);
	});

	test('a run of successes raises the limit by one at a time, never above the documented rate', async () => {
		const clock = new ManualClock();
		const limiter = new RateLimiter(3, clock);
		(await limiter.acquire())('throttled');
		expect(limiter.limit).toBe(1);
		await clock.advance(WINDOW_MS);
		const limits: number[] = [];
		for (let i = 0; i < 4 * INCREASE_AFTER_WINDOWS; i++) {
			(await limiter.acquire())();
			limits.push(limiter.limit);
			await clock.advance(WINDOW_MS);
		}
		// 1 -> 2 after 1 * INCREASE_AFTER_WINDOWS successes, 2 -> 3 after 2 * INCREASE_AFTER_WINDOWS more, then it stays.
		expect(limits.indexOf(2)).toBe(INCREASE_AFTER_WINDOWS - 1);
		expect(limits.indexOf(3)).toBe(INCREASE_AFTER_WINDOWS - 1 + 2 * INCREASE_AFTER_WINDOWS);
		expect(Math.max(...limits)).toBe(3);
		expect(limiter.stats.increases).toBe(2);
	});

	test('a 429 breaks the run of successes; a request that got no answer changes nothing', async () => {
		const clock = new ManualClock();
		const limiter = new RateLimiter(4, clock);
		(await limiter.acquire())('throttled');
		await clock.advance(WINDOW_MS);
		expect(limiter.limit).toBe(2);
		const send = async (outcome?: 'answered' | 'throttled' | 'failed') => {
			(await limiter.acquire())(outcome);
			await clock.advance(WINDOW_MS);
		};
		for (let i = 0; i < 2 * INCREASE_AFTER_WINDOWS - 1; i++) await send();
		await send('throttled');
		expect(limiter.limit).toBe(1);
		for (let i = 0; i < INCREASE_AFTER_WINDOWS - 1; i++) await send();
		await send('failed');
		expect(limiter.limit).toBe(1);
		await send();
		expect(limiter.limit).toBe(2);
	});

	test('a raised limit lets waiting requests go at once', async () => {
		const clock = new ManualClock();
		const limiter = new RateLimiter(2, clock);
		(await limiter.acquire())('throttled');
		await clock.advance(WINDOW_MS);
		expect(limiter.limit).toBe(1);
		const granted: Array<{ id: number; at: number; release: ReleaseSlot }> = [];
		for (let id = 0; id < 2; id++) void request(limiter, clock, granted, id);
		await flush();
		expect(granted).toHaveLength(1);
		for (let i = 0; i < INCREASE_AFTER_WINDOWS - 1; i++) {
			granted[0].release();
			await clock.advance(WINDOW_MS);
			void request(limiter, clock, granted, 10 + i);
			await flush();
			granted.shift();
		}
		// The run's last success raises the limit to 2: the next waiting request goes without waiting a window.
		const before = granted.length;
		granted[0].release();
		await flush();
		expect(limiter.limit).toBe(2);
		expect(granted.length).toBe(before + 1);
	});

	/**
	 * Queue mode: two worker processes, each with its own limiter, 8 requests in flight each, on one key
	 * that allows 5 requests per second; the second starts together with the first, or 3 s later (when
	 * the first has the key to itself). With the shared limiters' headroom of 1, a request meets at most
	 * two 429s: its third attempt is sent at a limit of 1 while the other process holds at most 4 slots.
	 */
	test.each([0, 3_000])('two processes on one key (the second %d ms later): no request needs a fourth attempt', async (staggerMs) => {
		for (let seed = 1; seed <= 6; seed++) {
			const run = await runCluster({ seed, processes: 2, lanes: 8, requests: 200, allowed: 5, adaptive: true, headroom: 1, staggerMs });
			expect(run.failed).toBe(0);
			expect(run.done).toBe(200);
			expect(run.attempts[3]).toBe(0);
			expect(run.maxPerWindow).toBeLessThanOrEqual(5);
			// Most of the account's rate is used: at least 0.6 of it.
			expect(run.throughput).toBeGreaterThan(3);
			expect(run.limiters.map((limiter) => limiter.ceiling)).toEqual([4, 4]);
		}
	});

	test('without the headroom, a process that has the key to itself crowds out the other one until its requests fail', async () => {
		let failed = 0;
		let withHeadroom = 0;
		for (let seed = 1; seed <= 20; seed++) {
			failed += (await runCluster({ seed: seed * 7919, processes: 2, lanes: 8, requests: 300, allowed: 5, adaptive: true, headroom: 0, staggerMs: 3_000 })).failed;
			withHeadroom += (await runCluster({ seed: seed * 7919, processes: 2, lanes: 8, requests: 300, allowed: 5, adaptive: true, headroom: 1, staggerMs: 3_000 })).failed;
		}
		expect(failed).toBeGreaterThan(0);
		expect(withHeadroom).toBe(0);
	});

	test('without adapting (a fixed limit per process, as before), the processes meet many more 429s and requests fail', async () => {
		let adaptive = 0;
		let fixed = 0;
		let fixedFailed = 0;
		for (let seed = 1; seed <= 6; seed++) {
			adaptive += (await runCluster({ seed, processes: 2, lanes: 8, requests: 200, allowed: 5, adaptive: true, headroom: 1, staggerMs: 0 })).throttled;
			const run = await runCluster({ seed, processes: 2, lanes: 8, requests: 200, allowed: 5, adaptive: false, headroom: 0, staggerMs: 0 });
			fixed += run.throttled;
			fixedFailed += run.failed;
		}
		expect(adaptive * 3).toBeLessThan(fixed);
		expect(fixedFailed).toBeGreaterThan(0);
	});

	test('three processes on one key: none of their requests runs out of attempts (seeded schedules)', async () => {
		for (let seed = 1; seed <= 6; seed++) {
			const run = await runCluster({ seed, processes: 3, lanes: 8, requests: 300, allowed: 5, adaptive: true, headroom: 1, staggerMs: 1_500 });
			expect(run.failed).toBe(0);
			expect(run.maxPerWindow).toBeLessThanOrEqual(5);
		}
		expect(MAX_ATTEMPTS).toBe(4);
	});
});

describe('sharedLimiter', () => {
	afterAll(async () => await resetSharedLimiters());

	test('one limiter per credential and limit, shared by everything that asks for it', () => {
		const a = sharedLimiter('credential-a', 5);
		expect(sharedLimiter('credential-a', 5)).toBe(a);
		expect(sharedLimiter('credential-b', 5)).not.toBe(a);
		expect(sharedLimiter('credential-a', 10)).not.toBe(a);
	});

	test('one process (regular mode): the full rate, no headroom', () => {
		const limiter = sharedLimiter('credential-c', 5);
		expect(limiter).toBeInstanceOf(LaneLimiter);
		expect((limiter as LaneLimiter).perSecond).toBe(5);
	});
});

describe('sharedHeadroom (the per-process fallback while the shared store is away)', () => {
	test('leaves one request per second to the other processes on the key, except for rates of 1 and 2', () => {
		expect([5, 10, 3, 2, 1].map((rate) => new RateLimiter(rate, undefined, { headroom: sharedHeadroom(rate) }).limit)).toEqual([4, 9, 2, 2, 1]);
	});
});

describe('requestsPerSecondOf (the credential fields)', () => {
	test.each([
		['a ComplyCube sandbox key, left on the documented limit', 'complyCubeApi', { apiKey: 'test_abc', rateLimit: 'documented' }, 5],
		['a ComplyCube live key, left on the documented limit', 'complyCubeApi', { apiKey: 'live_abc', rateLimit: 'documented' }, 10],
		['a ComplyCube credential saved before the field existed', 'complyCubeApi', { apiKey: 'live_abc' }, 10],
		['a ComplyCube key of neither kind: the stricter limit', 'complyCubeApi', { apiKey: 'abc' }, 5],
		['a ComplyCube custom limit', 'complyCubeApi', { apiKey: 'live_abc', rateLimit: 'custom', requestsPerSecond: 3 }, 3],
		['a ComplyCube custom 0: no limit', 'complyCubeApi', { apiKey: 'test_abc', rateLimit: 'custom', requestsPerSecond: 0 }, 0],
		['Argos by default: no limit', 'argosIdentityApi', { apiKey: 'k' }, 0],
		['Argos with a limit', 'argosIdentityApi', { apiKey: 'k', requestsPerSecond: 7 }, 7],
		['Crafter with a fraction: whole requests', 'crafterProfileApi', { accessTokenId: 't', requestsPerSecond: 2.9 }, 2],
		['Crafter with nonsense: no limit', 'crafterProfileApi', { accessTokenId: 't', requestsPerSecond: 'many' }, 0],
	])('%s', (_case, type, credentials, expected) => {
		expect(requestsPerSecondOf(type, credentials)).toBe(expected);
	});
});
