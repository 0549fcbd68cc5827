import { getEventListeners } from 'node:events';

import { RateLimiterMemory } from 'rate-limiter-flexible';

import { HOLD_AFTER_ANSWER_SECONDS, LaneLimiter } from '../../../nodes/shared/http/rate-limit/lane-limiter';
import type { ReleaseSlot } from '../../../nodes/shared/http/rate-limit/slot';
import { maxInWindow, sendThrough, type Arrival } from './load';

const store = () => new RateLimiterMemory({ points: 1, duration: 60 });
let account = 0;
const lanes = (perSecond: number, shared = store()) => new LaneLimiter(shared, `account-${++account}`, perSecond);

describe('LaneLimiter (rate-limiter-flexible in memory: one process)', () => {
	test('perSecond requests go at once; the next one a second after one of them answered, not before', async () => {
		const limiter = lanes(3);
		const first = await Promise.all([limiter.acquire(), limiter.acquire(), limiter.acquire()]);
		let grantedAt = 0;
		const fourth = limiter.acquire().then((release) => {
			grantedAt = Date.now();
			return release;
		});
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(grantedAt).toBe(0);
		const answeredAt = Date.now();
		first[0]('answered');
		(await fourth)();
		expect(grantedAt - answeredAt).toBeGreaterThanOrEqual(HOLD_AFTER_ANSWER_SECONDS * 1000);
		expect(grantedAt - answeredAt).toBeLessThan(HOLD_AFTER_ANSWER_SECONDS * 1000 + 400);
		first.slice(1).forEach((release) => release());
	});

	test('a request that has not answered keeps its lane, however long it takes', async () => {
		const limiter = lanes(1);
		const slow = await limiter.acquire();
		let granted = false;
		const next = limiter.acquire().then((release) => {
			granted = true;
			return release;
		});
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		expect(granted).toBe(false);
		slow();
		(await next)();
		expect(granted).toBe(true);
	});

	test('waiting requests are served first come, first served; an aborted wait leaves the queue and rejects', async () => {
		const limiter = lanes(1);
		const held = await limiter.acquire();
		const order: string[] = [];
		const controller = new AbortController();
		const a = limiter.acquire().then((release) => (order.push('a'), release));
		const b = limiter.acquire(controller.signal).then((release) => (order.push('b'), release));
		const c = limiter.acquire().then((release) => (order.push('c'), release));
		controller.abort(new Error('cancelled'));
		await expect(b).rejects.toThrow('cancelled');
		held();
		(await a)();
		(await c)();
		expect(order).toEqual(['a', 'c']);
		expect(limiter.queued).toBe(0);
	});

	test('giving a lane back twice gives back one lane', async () => {
		const limiter = lanes(1);
		const release: ReleaseSlot = await limiter.acquire();
		release();
		release();
		expect(limiter.held).toBe(1);
	});

	test('refuses a rate that is not a positive whole number', () => {
		expect(() => lanes(0)).toThrow(RangeError);
		expect(() => lanes(2.5)).toThrow(RangeError);
	});

	test('eight senders with random latency never put more than perSecond arrivals in any second', async () => {
		const limiter = lanes(4);
		const arrivals: Arrival[] = [];
		const sent = await sendThrough(limiter, 'one', 8, 3_000, arrivals);
		expect(sent).toBeGreaterThanOrEqual(8);
		expect(maxInWindow(arrivals)).toBeLessThanOrEqual(4);
	});

	test('two limiters of one account on one store share its rate (two credentials with the same key)', async () => {
		const shared = store();
		const a = new LaneLimiter(shared, 'same-account', 3);
		const b = new LaneLimiter(shared, 'same-account', 3);
		const arrivals: Arrival[] = [];
		await Promise.all([sendThrough(a, 'a', 4, 2_500, arrivals), sendThrough(b, 'b', 4, 2_500, arrivals)]);
		expect(maxInWindow(arrivals)).toBeLessThanOrEqual(3);
		expect(new Set(arrivals.map((arrival) => arrival.sender))).toEqual(new Set(['a', 'b']));
	});
});

test('a granted wait leaves no listener on the signal it was given (the execution signal outlives thousands of requests)', async () => {
	const limiter = lanes(2);
	const { signal } = new AbortController();
	const releases = await Promise.all([limiter.acquire(signal), limiter.acquire(signal)]);
	expect(getEventListeners(signal, 'abort')).toHaveLength(0);
	releases.forEach((release) => release());
});
