import { requestsPerSecondOf } from '../../nodes/shared/http/credential-session';
import { RateLimiter, sharedLimiter, WINDOW_MS, type LimiterClock, type ReleaseSlot } from '../../nodes/shared/http/rate-limit';

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

describe('sharedLimiter', () => {
	test('one limiter per credential and limit, shared by everything that asks for it', () => {
		const a = sharedLimiter('credential-a', 5);
		expect(sharedLimiter('credential-a', 5)).toBe(a);
		expect(sharedLimiter('credential-b', 5)).not.toBe(a);
		expect(sharedLimiter('credential-a', 10)).not.toBe(a);
		expect(a.perSecond).toBe(5);
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
