/**
 * One limiter per account (a hash of the credential) and rate for the whole n8n process: all items of a
 * node, all nodes of an execution and concurrent executions that use the same key share it, as the
 * service counts per key.
 * - Regular mode (one process): the full rate, lanes in memory (lane-limiter.ts over rate-limiter-flexible's
 *   RateLimiterMemory).
 * - Queue mode (main and workers): the same lanes in the queue's Redis (RateLimiterRedis), so the rate is held
 *   across every process; the process's adaptive limiter while Redis cannot be reached (cluster-limiter.ts).
 */

import { RateLimiterMemory } from 'rate-limiter-flexible';

import { RateLimiter, sharedHeadroom } from './adaptive-limiter';
import { ClusterLimiter } from './cluster-limiter';
import { LANE_STORE_OPTIONS, LaneLimiter } from './lane-limiter';
import { queueRedisSettings } from './queue-redis';
import { RedisLimiterStore } from './redis-store';
import type { Limiter } from './slot';

type Shared = LaneLimiter | ClusterLimiter;

const limiters = new Map<string, Shared>();
let memoryStore: RateLimiterMemory | undefined;
/** undefined: not looked at yet; null: not in queue mode. */
let redisStore: RedisLimiterStore | null | undefined;

/** An idle limiter holds nothing a new one would not: drop those, so the map stays as small as the credentials in use. */
const IDLE_MS = 60_000;

export function sharedLimiter(account: string, perSecond: number): Limiter {
	const mapKey = `${account}\u0000${perSecond}`;
	let limiter = limiters.get(mapKey);
	if (!limiter) {
		dropIdle();
		limiter = newLimiter(account, perSecond);
		limiters.set(mapKey, limiter);
	}
	return limiter;
}

function newLimiter(account: string, perSecond: number): Shared {
	if (redisStore === undefined) {
		const settings = queueRedisSettings();
		redisStore = settings ? new RedisLimiterStore(settings) : null;
	}
	if (redisStore) {
		const lanes = new LaneLimiter(redisStore.store, account, perSecond);
		return new ClusterLimiter(lanes, new RateLimiter(perSecond, undefined, { headroom: sharedHeadroom(perSecond) }), redisStore);
	}
	memoryStore ??= new RateLimiterMemory(LANE_STORE_OPTIONS);
	return new LaneLimiter(memoryStore, account, perSecond);
}

function dropIdle() {
	const now = Date.now();
	for (const [key, limiter] of limiters) {
		const idle = limiter instanceof ClusterLimiter ? limiter.idle : limiter.held === 0 && limiter.queued === 0;
		if (idle && now - limiter.lastUsed > IDLE_MS) limiters.delete(key);
	}
}

/** How many limiters the process holds (for tests). */
export function sharedLimiterCount(): number {
	return limiters.size;
}

/** Forgets every limiter and closes the Redis connection, so the next one reads the mode again (for tests). */
export async function resetSharedLimiters(): Promise<void> {
	limiters.clear();
	memoryStore = undefined;
	const store = redisStore;
	redisStore = undefined;
	await store?.close();
}
