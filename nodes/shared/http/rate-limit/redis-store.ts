/**
 * The queue's Redis as a rate-limit store for this process: one connection, rate-limiter-flexible's
 * RateLimiterRedis on it, and a log line when it goes away and when it comes back.
 */

import type { Cluster, Redis } from 'ioredis';
import { LoggerProxy } from 'n8n-workflow';
import { RateLimiterRedis } from 'rate-limiter-flexible';

import { LANE_STORE_OPTIONS } from './lane-limiter';
import { connectQueueRedis, describeRedis, whenReady, type QueueRedisSettings } from './queue-redis';

/** Every key the limiter writes starts with this (then the account's hash and the lane). */
export const KEY_PREFIX = 'n8n-nodes-identity-uploads:rate';
/** How long the first request of a process waits for the connection before it falls back. */
const FIRST_CONNECT_MS = 3_000;

export class RedisLimiterStore {
	readonly client: Redis | Cluster;
	readonly store: RateLimiterRedis;
	private firstConnect?: Promise<boolean>;
	private down = false;

	constructor(readonly settings: QueueRedisSettings) {
		this.client = connectQueueRedis(settings);
		this.store = new RateLimiterRedis({
			storeClient: this.client,
			keyPrefix: KEY_PREFIX,
			...LANE_STORE_OPTIONS,
			// Refuse at once (and the limiter falls back) rather than send to a connection that is not there.
			rejectIfRedisNotReady: true,
		});
	}

	/** Whether the store can be asked now; the first call waits a little for the connection. */
	async ready(): Promise<boolean> {
		// Only the first call waits (for the connection made at start); later ones take the state as it is.
		if (this.client.status !== 'ready') await (this.firstConnect ??= whenReady(this.client, FIRST_CONNECT_MS));
		const ready = this.client.status === 'ready';
		if (!ready) this.unavailable('not connected');
		else if (this.down) {
			this.down = false;
			LoggerProxy.info(`n8n-nodes-identity-uploads: ${describeRedis(this.settings)} answers again; the rate limits are shared across the cluster again`);
		}
		return ready;
	}

	/** Says once per outage that each process now limits its own requests. */
	unavailable(reason: unknown) {
		if (this.down) return;
		this.down = true;
		const why = reason instanceof Error ? reason.message : String(reason);
		LoggerProxy.warn(
			`n8n-nodes-identity-uploads: the rate limit shared through ${describeRedis(this.settings)} is unavailable (${why}); until it answers again each n8n process limits its own requests and adapts to 429 answers, leaving headroom for the others`,
		);
	}

	async close() {
		this.client.disconnect();
	}
}
