import { getEventListeners } from 'node:events';

import { HOLD_AFTER_ANSWER_MS, LaneLimiter } from '../../../nodes/shared/http/rate-limit/lane-limiter';
import type { ReleaseSlot } from '../../../nodes/shared/http/rate-limit/slot';
import { maxInWindow, sendThrough, type Arrival } from './load';
import { ManualClock } from './manual-clock';

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('LaneLimiter (in memory, real time: one process)', () => {
	test('perSecond requests go at once; the next one a second after one of them answered, not before', async () => {
		const limiter = new LaneLimiter(3);
		const first = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
		let grantedAt = 0;
		const fourth = limiter.acquire().then((release) => {
			grantedAt = Date.now();
			return release;
		});
		await pause(300);
		expect(grantedAt).toBe(0);
		const answeredAt = Date.now();
		first[0]('answered');
		(await fourth)();
		expect(grantedAt - answeredAt).toBeGreaterThanOrEqual(HOLD_AFTER_ANSWER_MS);
		expect(grantedAt - answeredAt).toBeLessThan(HOLD_AFTER_ANSWER_MS + 400);
		first.slice(1).forEach((release) => release());
	});

	test('eight senders with random latency never put more than perSecond arrivals in any second', async () => {
		const limiter = new LaneLimiter(4);
		const arrivals: Arrival[] = [];
		const sent = await sendThrough(limiter, 'one', 8, 3_000, arrivals);
		expect(sent).toBeGreaterThanOrEqual(8);
		expect(maxInWindow(arrivals)).toBeLessThanOrEqual(4);
	});

	test('a granted wait leaves no listener on the signal it was given (the execution signal outlives thousands of requests)', async () => {
		const limiter = new LaneLimiter(1);
		const { signal } = new AbortController();
		const first = await limiter.acquire(signal);
		const second = limiter.acquire(signal);
		expect(getEventListeners(signal, 'abort')).toHaveLength(1);
		first();
		(await second)();
		expect(getEventListeners(signal, 'abort')).toHaveLength(0);
	});
});

describe('LaneLimiter (simulated clock)', () => {
	test('a request that has not answered keeps its lane until its lease ends, then the lane is let go', async () => {
		const clock = new ManualClock();
		const limiter = new LaneLimiter(1, undefined, clock);
		await limiter.acquire(undefined, 30_000);
		let grantedAt = -1;
		void limiter.acquire().then(() => (grantedAt = clock.now()));
		await clock.advance(30_000 + HOLD_AFTER_ANSWER_MS - 1);
		expect(grantedAt).toBe(-1);
		await clock.advance(1);
		expect(grantedAt).toBe(30_000 + HOLD_AFTER_ANSWER_MS);
	});

	test('a release after the lease ran out changes nothing (the lane is someone else’s by then)', async () => {
		const clock = new ManualClock();
		const limiter = new LaneLimiter(1, undefined, clock);
		const stale = await limiter.acquire(undefined, 1_000);
		let current: ReleaseSlot | undefined;
		void limiter.acquire(undefined, 60_000).then((release) => (current = release));
		await clock.advance(2_000);
		expect(current).toBeDefined();
		stale('answered');
		let third = false;
		void limiter.acquire().then(() => (third = true));
		await clock.advance(5_000);
		expect(third).toBe(false);
		current!('answered');
		await clock.advance(HOLD_AFTER_ANSWER_MS);
		expect(third).toBe(true);
	});

	test('waiting requests are served first come, first served; an aborted wait leaves the queue and rejects', async () => {
		const clock = new ManualClock();
		const limiter = new LaneLimiter(1, undefined, clock);
		const held = await limiter.acquire();
		const order: string[] = [];
		const controller = new AbortController();
		const a = limiter.acquire().then((release) => (order.push('a'), release));
		const b = limiter.acquire(controller.signal).then((release) => (order.push('b'), release));
		const c = limiter.acquire().then((release) => (order.push('c'), release));
		controller.abort(new Error('cancelled'));
		await expect(b).rejects.toThrow('cancelled');
		expect(limiter.queued).toBe(2);
		held();
		await clock.advance(HOLD_AFTER_ANSWER_MS);
		(await a)();
		await clock.advance(HOLD_AFTER_ANSWER_MS);
		(await c)();
		expect(order).toEqual(['a', 'c']);
		expect(limiter.queued).toBe(0);
	});

	test('an already aborted signal rejects at once and takes no lane', async () => {
		const limiter = new LaneLimiter(1, undefined, new ManualClock());
		const controller = new AbortController();
		controller.abort(new Error('cancelled'));
		await expect(limiter.acquire(controller.signal)).rejects.toThrow('cancelled');
		expect(limiter.held).toBe(0);
	});

	test('giving a lane back twice gives back one lane', async () => {
		const clock = new ManualClock();
		const limiter = new LaneLimiter(2, undefined, clock);
		const release = await limiter.acquire();
		await limiter.acquire();
		release();
		release();
		expect(limiter.held).toBe(2);
		await clock.advance(HOLD_AFTER_ANSWER_MS);
		expect(limiter.held).toBe(1);
	});

	test('a cycle longer than a second spaces the sends on a lane by the cycle, however fast the answer', async () => {
		const clock = new ManualClock();
		const limiter = new LaneLimiter(1, 2_000, clock);
		const sends: number[] = [];
		let finished = false;
		void (async () => {
			for (let i = 0; i < 3; i++) {
				const release = await limiter.acquire();
				sends.push(clock.now());
				await clock.sleep(10);
				release();
			}
			finished = true;
		})();
		await clock.runUntil(() => finished);
		expect(sends).toEqual([0, 2_000, 4_000]);
	});

	test('idle once nothing is in flight or held', async () => {
		const clock = new ManualClock();
		const limiter = new LaneLimiter(1, undefined, clock);
		expect(limiter.idle).toBe(true);
		const release = await limiter.acquire();
		expect(limiter.idle).toBe(false);
		release();
		expect(limiter.idle).toBe(false);
		await clock.advance(HOLD_AFTER_ANSWER_MS);
		expect(limiter.idle).toBe(true);
	});

	test('refuses a lane count that is not a positive whole number, or a cycle under a second', () => {
		expect(() => new LaneLimiter(0)).toThrow(RangeError);
		expect(() => new LaneLimiter(2.5)).toThrow(RangeError);
		expect(() => new LaneLimiter(2, 500)).toThrow(RangeError);
	});

	/**
	 * What makes a 429 impossible: a service counts a request at some moment between its start and its
	 * answer; a lane is held from the start to a second after the answer. Checked over random schedules
	 * (random answer times, up to 8 in flight) against a service counting each request at a random moment
	 * of its flight in a sliding second, as the emulator does.
	 */
	test.each([1, 5, 10])('with %d lanes, no service window of one second ever sees more', async (lanes) => {
		for (let trial = 0; trial < 10; trial++) {
			const clock = new ManualClock();
			const limiter = new LaneLimiter(lanes, undefined, clock);
			const flights: Array<{ start: number; answer: number }> = [];
			const total = 40;
			let next = 0;
			const sender = async () => {
				while (next < total) {
					next++;
					const release = await limiter.acquire();
					const start = clock.now();
					await clock.sleep(Math.floor(Math.random() * 300));
					flights.push({ start, answer: clock.now() });
					release();
				}
			};
			const done = Promise.all(Array.from({ length: 1 + Math.floor(Math.random() * 8) }, sender));
			await clock.runUntil(() => flights.length === total);
			await done;
			const arrivals = flights.map(({ start, answer }) => ({ at: start + Math.random() * (answer - start), sender: '' }));
			expect(maxInWindow(arrivals)).toBeLessThanOrEqual(lanes);
		}
	});
});
