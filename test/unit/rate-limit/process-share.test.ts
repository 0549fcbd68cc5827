import { laneShare } from '../../../nodes/shared/http/rate-limit/process-share';
import { runCluster, type ClusterOptions, type ClusterResult } from './cluster-sim';

describe('laneShare (a process’s lanes when several share the key)', () => {
	test.each([
		['one process: the full rate', 5, 1, { lanes: 5, cycleMs: 1_000 }],
		['two processes on 5/s: 2 lanes each, never 3 (see below)', 5, 2, { lanes: 2, cycleMs: 1_000 }],
		['two processes on 10/s: 5 lanes each', 10, 2, { lanes: 5, cycleMs: 1_000 }],
		['three processes on 10/s: 3 lanes each', 10, 3, { lanes: 3, cycleMs: 1_000 }],
		['more processes than requests per second: one lane used every processes/rate seconds', 1, 2, { lanes: 1, cycleMs: 2_000 }],
		['4 processes on 3/s', 3, 4, { lanes: 1, cycleMs: 1_333 }],
	])('%s', (_case, perSecond, processes, expected) => {
		expect(laneShare(perSecond, processes)).toEqual(expected);
	});

	test('rounded up instead (only for the comparison below): 3 lanes, each used once per 1.2 s', () => {
		expect(laneShare(5, 2, 'up')).toEqual({ lanes: 3, cycleMs: 1_200 });
	});
});

/**
 * test:queue in miniature (main + 2 workers at --concurrency 8, 200 calls of 2 ComplyCube requests each, the
 * emulator's 5/s in a sliding second, share set to 2), on one simulated clock: two processes that cannot see
 * each other, each with its own limiter for its share, and ComplyCube's 30-s backoff after a 429.
 */
const queueTest: Omit<ClusterOptions, 'seed' | 'rounding'> = {
	perSecond: 5,
	processes: 2,
	calls: 200,
	requestsPerCall: 2,
	concurrency: 8,
	latencyMs: [20, 80],
	otherWorkMs: [100, 300],
};

async function seeds(options: Omit<ClusterOptions, 'seed'>, count = 5): Promise<ClusterResult[]> {
	const runs: ClusterResult[] = [];
	for (let seed = 1; seed <= count; seed++) runs.push(await runCluster({ ...options, seed }));
	return runs;
}

describe('two processes sharing a key, each on its share (simulated)', () => {
	test('rounded down (2 lanes each): never more than the account rate in any sliding second, no 429, ~0.76 of the limit', async () => {
		for (const run of await seeds({ ...queueTest, rounding: 'down' })) {
			expect(run.maxSent).toBeLessThanOrEqual(4);
			expect(run.throttled).toBe(0);
			// 4 lanes of 5, each cycling in 1 s + the answer time (~50 ms): 0.8 / 1.05.
			expect(run.figure).toBeGreaterThan(0.74);
			expect(run.figure).toBeLessThanOrEqual(0.8);
		}
	});

	test('rounded up (3 lanes each, 1.2 s): 6 in a second, dozens of 429s, and their 30-s waits cost more than the third lane brings', async () => {
		const down = await seeds({ ...queueTest, rounding: 'down' });
		for (const [index, run] of (await seeds({ ...queueTest, rounding: 'up' })).entries()) {
			expect(run.maxSent).toBe(6);
			expect(run.maxAccepted).toBeLessThanOrEqual(5);
			expect(run.throttled).toBeGreaterThan(20);
			expect(run.figure).toBeLessThan(down[index].figure);
			expect(run.slowestCall).toBeGreaterThan(30);
		}
	});

	test('one of the two stops taking calls a third of the way in (test:queue stops worker-2): the other keeps its share, ~0.46 of the limit', async () => {
		for (const run of await seeds({ ...queueTest, rounding: 'down', stopLastAt: 0.35 })) {
			expect(run.throttled).toBe(0);
			expect(run.figure).toBeGreaterThan(0.42);
			expect(run.figure).toBeLessThan(0.5);
		}
	});

	test('one process (share 1): the full rate, no 429, at least 0.9 of the limit', async () => {
		for (const run of await seeds({ ...queueTest, processes: 1, rounding: 'down' })) {
			expect(run.maxSent).toBeLessThanOrEqual(5);
			expect(run.throttled).toBe(0);
			expect(run.figure).toBeGreaterThan(0.9);
		}
	});
});
