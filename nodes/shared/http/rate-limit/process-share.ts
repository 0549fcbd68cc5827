/**
 * A process's share of a credential's rate when several n8n processes (n8n's queue mode: main and workers)
 * send with the same key and cannot see each other: each takes rate ÷ processes.
 *
 * A share that is not a whole number of lanes (5/s over 2 processes: 2.5) is the choice between two lane
 * counts. Placeholder: chosen after measuring (see the README's "Running at scale").
 */

import { HOLD_AFTER_ANSWER_MS } from './lane-limiter';

export interface LaneShare {
	/** Lanes of this process. */
	lanes: number;
	/** The least time from one send on a lane to the next. */
	cycleMs: number;
}

export type ShareRounding = 'down' | 'up';

export function laneShare(perSecond: number, processes: number, rounding: ShareRounding = 'down'): LaneShare {
	const share = perSecond / Math.max(1, processes);
	// Less than one request per second: one lane, used once per 1/share seconds.
	if (share <= 1) return { lanes: 1, cycleMs: Math.max(HOLD_AFTER_ANSWER_MS, Math.round(1000 / share)) };
	if (rounding === 'down' || Number.isInteger(share)) return { lanes: Math.floor(share), cycleMs: HOLD_AFTER_ANSWER_MS };
	const lanes = Math.ceil(share);
	return { lanes, cycleMs: Math.round((1000 * lanes) / share) };
}
