/**
 * A process's share of a credential's rate when several n8n processes (n8n's queue mode: main and workers)
 * send with the same key and cannot see each other: each takes rate ÷ processes.
 *
 * A share that is not a whole number of lanes (5/s over 2 processes: 2.5) is rounded down: 2 lanes each,
 * held until a second after the answer. The processes then never put more than the account's rate into any
 * second, so the service never answers 429, at the price of the fraction (4 of 5: at most 0.8 of the limit,
 * ~0.76 with the answer time). Rounding up (3 lanes each, every lane used once per 1.2 s: 2.5/s on average)
 * lets two processes put 6 requests into one second whenever their lanes line up, which they do every few
 * seconds under load; each 429 then holds its item ComplyCube's 30 s or more (retry-policy.ts), and those
 * waits cost more than the third lane brings: simulated (test/unit/rate-limit/process-share.test.ts) 40-50
 * 429s and 0.3-0.55 of the limit against 0 and 0.76. Without the processes telling each other what they
 * send, no split is both safe and above floor(rate ÷ processes) × processes ÷ rate.
 *
 * Below one request per second each, a process has one lane used once per processes ÷ rate seconds: the
 * average holds, but the processes can still meet in the same second.
 */

import { HOLD_AFTER_ANSWER_MS } from './lane-limiter';

export interface LaneShare {
	/** Lanes of this process. */
	lanes: number;
	/** The least time from one send on a lane to the next. */
	cycleMs: number;
}

/** 'down' is the nodes' rule; 'up' exists for the comparison in the tests. */
export type ShareRounding = 'down' | 'up';

export function laneShare(perSecond: number, processes: number, rounding: ShareRounding = 'down'): LaneShare {
	const share = perSecond / Math.max(1, processes);
	// Less than one request per second: one lane, used once per 1/share seconds.
	if (share <= 1) return { lanes: 1, cycleMs: Math.max(HOLD_AFTER_ANSWER_MS, Math.round(1000 / share)) };
	if (rounding === 'down' || Number.isInteger(share)) return { lanes: Math.floor(share), cycleMs: HOLD_AFTER_ANSWER_MS };
	const lanes = Math.ceil(share);
	return { lanes, cycleMs: Math.round((1000 * lanes) / share) };
}
