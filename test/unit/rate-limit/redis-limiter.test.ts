/**
 * The shared limit against a real Redis (Debian's redis-server, this test's own on a free port, as
 * test:queue's; scripts/queue/ensure-services.sh installs it when missing): each "process" is its own
 * connection and limiter, as each n8n worker is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Redis } from 'ioredis';
import { LoggerProxy, type Logger } from 'n8n-workflow';

import { RateLimiter } from '../../../nodes/shared/http/rate-limit/adaptive-limiter';
import { ClusterLimiter } from '../../../nodes/shared/http/rate-limit/cluster-limiter';
import { LaneLimiter } from '../../../nodes/shared/http/rate-limit/lane-limiter';
import { queueRedisSettings } from '../../../nodes/shared/http/rate-limit/queue-redis';
import { KEY_PREFIX, RedisLimiterStore } from '../../../nodes/shared/http/rate-limit/redis-store';
import { resetSharedLimiters, sharedLimiter } from '../../../nodes/shared/http/rate-limit/shared-limiter';
import { ensureServices, startRedis, type Redis as RedisServer, type ServiceBinaries } from '../../../scripts/queue/services';
import { freePorts } from '../../../scripts/queue/processes';
import { maxInWindow, sendThrough, type Arrival } from './load';

const REPO = path.resolve(__dirname, '../../..');
let folder = '';
let bins: ServiceBinaries;
let server: RedisServer;
let port = 0;
const stores: RedisLimiterStore[] = [];
const warnings: string[] = [];

/** A worker process's view: its own connection to the queue's Redis. */
function processStore(): RedisLimiterStore {
	const settings = queueRedisSettings({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) });
	const store = new RedisLimiterStore(settings!);
	stores.push(store);
	return store;
}

/** Waits until the store's connection is up again (ioredis reconnects by itself), then a little more for its next look. */
async function whenConnected(store: RedisLimiterStore) {
	const deadline = Date.now() + 15_000;
	while (store.client.status !== 'ready' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
	await new Promise((resolve) => setTimeout(resolve, 600));
}

/** The lanes of `account` that Redis holds now. */
async function lanesInRedis(redisPort: number, account: string): Promise<string[]> {
	const client = new Redis({ host: '127.0.0.1', port: redisPort });
	try {
		return await client.keys(`${KEY_PREFIX}:{${account}}:*`);
	} finally {
		client.disconnect();
	}
}

beforeAll(async () => {
	folder = mkdtempSync(path.join(tmpdir(), 'identity-uploads-redis-limit-'));
	bins = await ensureServices(REPO);
	[port] = await freePorts(1);
	server = await startRedis(bins, path.join(folder, 'redis'), port, folder);
	const record = (message: string) => warnings.push(message);
	LoggerProxy.init({ warn: record, info: () => undefined, error: record, debug: () => undefined } as unknown as Logger);
}, 600_000);

afterAll(async () => {
	await Promise.all(stores.map((store) => store.close()));
	await resetSharedLimiters();
	await server?.server.stop();
	rmSync(folder, { recursive: true, force: true });
});

describe('the shared limit in Redis (queue mode)', () => {
	test('two worker processes on one account never put more than its rate in any second, and both get their turn', async () => {
		const account = `account-${Date.now()}`;
		const [one, two] = [processStore(), processStore()];
		await Promise.all([one.ready(), two.ready()]);
		const arrivals: Arrival[] = [];
		const [sentOne, sentTwo] = await Promise.all([
			sendThrough(new LaneLimiter(one.store, account, 3), 'worker-1', 6, 3_000, arrivals),
			sendThrough(new LaneLimiter(two.store, account, 3), 'worker-2', 6, 3_000, arrivals),
		]);
		expect(maxInWindow(arrivals)).toBeLessThanOrEqual(3);
		expect(sentOne).toBeGreaterThan(0);
		expect(sentTwo).toBeGreaterThan(0);
	});

	test('Redis holds only lanes: keyed by a hash, never the key; small counters; each expiring', async () => {
		const previous = { ...process.env };
		Object.assign(process.env, { EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(port) });
		try {
			await resetSharedLimiters();
			const limiter = sharedLimiter('aGFzaC1vZi10aGUtY3JlZGVudGlhbA', 5);
			expect(limiter).toBeInstanceOf(ClusterLimiter);
			const releases = await Promise.all([limiter.acquire(undefined, 30_000), limiter.acquire(undefined, 30_000)]);
			releases[0]('answered');
			await new Promise((resolve) => setTimeout(resolve, 100));
			const client = new Redis({ host: '127.0.0.1', port });
			try {
				const keys = (await client.keys(`${KEY_PREFIX}:*`)).filter((key) => key.includes('aGFzaC1vZi10aGUtY3JlZGVudGlhbA'));
				expect(keys).toHaveLength(2);
				for (const key of keys) {
					expect(key).toMatch(/^n8n-nodes-identity-uploads:rate:\{aGFzaC1vZi10aGUtY3JlZGVudGlhbA\}:[0-4]$/);
					expect(Number(await client.get(key))).toBeLessThanOrEqual(2);
					const ttl = await client.pttl(key);
					expect(ttl).toBeGreaterThan(0);
					// The lane given back is blocked for a second; the one in flight for its lease (30 s timeout + 1 s).
					expect(ttl).toBeLessThanOrEqual(32_000);
				}
				expect((await client.pttl(keys.sort()[0])) <= 1_000 || (await client.pttl(keys.sort()[1])) <= 1_000).toBe(true);
			} finally {
				releases[1]('answered');
				client.disconnect();
			}
		} finally {
			process.env = previous;
			await resetSharedLimiters();
		}
	});

	test('Redis going away mid-run: requests go on through the process limiter, with one warning; back to the shared limit once it returns', async () => {
		const store = processStore();
		expect(await store.ready()).toBe(true);
		const account = `failover-${Date.now()}`;
		const limiter = new ClusterLimiter(new LaneLimiter(store.store, account, 5), new RateLimiter(5, undefined, { headroom: 1 }), store, 500);
		(await limiter.acquire(undefined, 5_000))('answered');
		expect(limiter.lanes.held).toBe(1);
		warnings.length = 0;

		await server.server.stop();
		const started = Date.now();
		const during = await Promise.all(Array.from({ length: 4 }, () => limiter.acquire(undefined, 5_000)));
		// Nothing failed and nothing hung: the four went through the fallback at once (it allows 4 per second).
		expect(Date.now() - started).toBeLessThan(3_000);
		during.forEach((release) => release('answered'));
		expect(limiter.fallback.inUse).toBe(4);
		expect(warnings.filter((line) => line.includes('unavailable'))).toHaveLength(1);
		expect(warnings[0]).toContain(`127.0.0.1:${port}`);

		server = await startRedis(bins, path.join(folder, 'redis'), port, folder);
		await whenConnected(store);
		(await limiter.acquire(undefined, 5_000))('answered');
		expect(await lanesInRedis(port, account)).toHaveLength(1);
		expect(warnings.filter((line) => line.includes('unavailable'))).toHaveLength(1);
	}, 60_000);
});

describe('Redis not there when the process starts', () => {
	test('the first requests go through the process limiter; the shared limit is used once Redis comes up', async () => {
		const [laterPort] = await freePorts(1);
		const settings = queueRedisSettings({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: '127.0.0.1', QUEUE_BULL_REDIS_PORT: String(laterPort) });
		const store = new RedisLimiterStore(settings!);
		stores.push(store);
		const account = `late-${Date.now()}`;
		const limiter = new ClusterLimiter(new LaneLimiter(store.store, account, 5), new RateLimiter(5, undefined, { headroom: 1 }), store, 300);
		const started = Date.now();
		(await limiter.acquire(undefined, 5_000))('answered');
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(limiter.fallback.inUse).toBe(1);

		const late = await startRedis(bins, path.join(folder, 'redis-late'), laterPort, folder);
		try {
			await whenConnected(store);
			(await limiter.acquire(undefined, 5_000))('answered');
			expect(await lanesInRedis(laterPort, account)).toHaveLength(1);
		} finally {
			await store.close();
			await late.server.stop();
		}
	}, 60_000);
});

describe("queueRedisSettings (n8n's own settings)", () => {
	const n8n = (command: string) => ['/usr/bin/node', '/usr/local/bin/n8n', command];
	const noFile = () => '';

	test('regular mode: no shared store', () => {
		expect(queueRedisSettings({}, noFile, n8n('start'))).toBeUndefined();
		expect(queueRedisSettings({ QUEUE_BULL_REDIS_HOST: 'redis' }, noFile, n8n('execute'))).toBeUndefined();
	});

	test('`n8n worker` and `n8n webhook` are in queue mode even without EXECUTIONS_MODE, as n8n makes them', () => {
		expect(queueRedisSettings({ QUEUE_BULL_REDIS_HOST: 'redis' }, noFile, n8n('worker'))?.host).toBe('redis');
		expect(queueRedisSettings({}, noFile, n8n('webhook'))?.host).toBe('localhost');
	});

	test("queue mode: host, port, DB, user, password, TLS as n8n reads them, <NAME>_FILE included", () => {
		const files: Record<string, string> = { '/run/secrets/redis': 's3cret\n' };
		const settings = queueRedisSettings(
			{
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: 'redis.internal',
				QUEUE_BULL_REDIS_PORT: '6380',
				QUEUE_BULL_REDIS_DB: '3',
				QUEUE_BULL_REDIS_USERNAME: 'n8n',
				QUEUE_BULL_REDIS_PASSWORD_FILE: '/run/secrets/redis',
				QUEUE_BULL_REDIS_TLS: 'true',
			},
			(file) => files[file],
		);
		expect(settings).toEqual({ host: 'redis.internal', port: 6380, db: 3, username: 'n8n', password: 's3cret', tls: true, family: 4, clusterNodes: [] });
	});

	test('defaults, dual stack, and a cluster', () => {
		expect(queueRedisSettings({ EXECUTIONS_MODE: 'queue' })).toMatchObject({ host: 'localhost', port: 6379, db: 0, tls: false, family: 4 });
		expect(queueRedisSettings({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_DUALSTACK: 'true' })?.family).toBe(0);
		expect(queueRedisSettings({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_CLUSTER_NODES: 'redis-1:6379, redis-2:7000,redis-3' })?.clusterNodes).toEqual([
			{ host: 'redis-1', port: 6379 },
			{ host: 'redis-2', port: 7000 },
			{ host: 'redis-3', port: 6379 },
		]);
	});
});
