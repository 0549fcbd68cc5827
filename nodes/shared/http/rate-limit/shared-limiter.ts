/**
 * One limiter per account (a hash of the credential), rate and share for the whole n8n process: all items
 * of a node, all nodes of an execution and concurrent executions that use the same key share it, as the
 * service counts per key. Each process holds its own (process-share.ts: its share of the rate).
 */

import { realClock } from './clock';
import { LaneLimiter } from './lane-limiter';
import { laneShare } from './process-share';
import type { Limiter } from './slot';

const limiters = new Map<string, LaneLimiter>();

/** An idle limiter holds nothing a new one would not: drop those, so the map stays as small as the credentials in use. */
const IDLE_MS = 60_000;

/** The limiter of an account allowing `perSecond` requests per second across `processes` n8n processes. */
export function sharedLimiter(account: string, perSecond: number, processes = 1): Limiter {
	const mapKey = `${account}\u0000${perSecond}\u0000${processes}`;
	let limiter = limiters.get(mapKey);
	if (!limiter) {
		dropIdle();
		const { lanes, cycleMs } = laneShare(perSecond, processes);
		limiter = new LaneLimiter(lanes, cycleMs);
		limiters.set(mapKey, limiter);
	}
	return limiter;
}

function dropIdle() {
	const now = realClock.now();
	for (const [key, limiter] of limiters) {
		if (limiter.idle && now - limiter.lastUsed > IDLE_MS) limiters.delete(key);
	}
}

/** How many limiters the process holds (for tests). */
export function sharedLimiterCount(): number {
	return limiters.size;
}

/** Forgets every limiter (for tests). */
export function resetSharedLimiters(): void {
	limiters.clear();
}
