import { sleep } from 'n8n-workflow';

/** The time a limiter reads and waits on: the real one in the nodes, a simulated one in the tests. */
export interface LimiterClock {
	now(): number;
	/** Resolves after `ms`. */
	sleep(ms: number): Promise<void>;
}

export const realClock: LimiterClock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(ms),
};
