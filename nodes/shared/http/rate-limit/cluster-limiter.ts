import { LaneLimiter, LimiterStoreError } from './lane-limiter';
import type { RateLimiter } from './adaptive-limiter';
import type { RedisLimiterStore } from './redis-store';
import type { Limiter, ReleaseSlot } from './slot';

/** After the shared store failed, how long requests use the process's own limiter before the store is asked again. */
export const RETRY_STORE_AFTER_MS = 10_000;

/**
 * The account's rate held across the whole cluster through the queue's Redis (lane-limiter.ts); while Redis
 * cannot be reached, each process's adaptive limiter (adaptive-limiter.ts) instead: an item never fails
 * because Redis did.
 */
export class ClusterLimiter implements Limiter {
	private storeDownUntil = 0;

	constructor(
		readonly lanes: LaneLimiter,
		readonly fallback: RateLimiter,
		private readonly redis: RedisLimiterStore,
		private readonly retryStoreAfterMs = RETRY_STORE_AFTER_MS,
	) {}

	get lastUsed(): number {
		return Math.max(this.lanes.lastUsed, this.fallback.lastUsed);
	}

	get idle(): boolean {
		return this.lanes.held === 0 && this.lanes.queued === 0 && this.fallback.inUse === 0 && this.fallback.queued === 0;
	}

	async acquire(signal?: AbortSignal, leaseMs?: number): Promise<ReleaseSlot> {
		if (Date.now() >= this.storeDownUntil && (await this.redis.ready())) {
			try {
				return await this.lanes.acquire(signal, leaseMs);
			} catch (error) {
				// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- the execution's cancellation, passed on as it came
				if (!(error instanceof LimiterStoreError)) throw error;
				this.redis.unavailable(error.reason);
			}
		}
		this.storeDownUntil = Math.max(this.storeDownUntil, Date.now() + this.retryStoreAfterMs);
		return await this.fallback.acquire(signal);
	}
}
