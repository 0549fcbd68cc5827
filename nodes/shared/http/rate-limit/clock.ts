import { sleep } from 'n8n-workflow';

/** The time a limiter reads and waits on: the real one in the nodes, a simulated one in the tests. */
export interface LimiterClock {
	now(): number;
	/** Resolves after `ms`. */
	sleep(ms: number): Promise<void>;
}

/**
 * A monotonic clock: the wall clock can be set back (NTP, a test holding Date still), and a lane freed "a second
 * after its answer" by the wall clock would then stay held.
 */
export const realClock: LimiterClock = {
	now: () => performance.now(),
	sleep: async (ms) => await sleep(ms),
};
