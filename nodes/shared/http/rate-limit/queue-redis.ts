/**
 * The Redis that n8n's queue mode already uses, read from n8n's own settings (the environment of every
 * main and worker process: EXECUTIONS_MODE=queue and QUEUE_BULL_REDIS_*, each also as a <NAME>_FILE as n8n
 * reads them), so the shared rate limit needs no setting of its own.
 */

import { readFileSync } from 'node:fs';

import { Cluster, Redis, type RedisOptions } from 'ioredis';
import { sleep } from 'n8n-workflow';

export interface QueueRedisSettings {
	host: string;
	port: number;
	db: number;
	username?: string;
	password?: string;
	tls: boolean;
	/** 4, 6, or 0 for both (n8n's QUEUE_BULL_REDIS_DUALSTACK / _IPV6). */
	family: 0 | 4 | 6;
	/** QUEUE_BULL_REDIS_CLUSTER_NODES: when set, a Redis Cluster, and host and port are not used (as in n8n). */
	clusterNodes: Array<{ host: string; port: number }>;
}

type Environment = Record<string, string | undefined>;

/** n8n's reading of a setting: the variable itself, else the file named by <NAME>_FILE. */
function setting(env: Environment, name: string, readFile: (path: string) => string): string | undefined {
	const value = env[name];
	if (value !== undefined && value !== '') return value;
	const file = env[`${name}_FILE`];
	if (!file) return undefined;
	try {
		return readFile(file).trim();
	} catch {
		return undefined;
	}
}

/** n8n's commands that run in queue mode whatever EXECUTIONS_MODE says (their constructors set it): `n8n worker`, `n8n webhook`. */
const QUEUE_COMMANDS = new Set(['worker', 'webhook']);

/** The queue's Redis, or undefined when this n8n process is not in queue mode (regular mode: one process). */
export function queueRedisSettings(
	// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- n8n's own queue settings live in its environment; self-hosted only (eslint.config.mjs)
	env: Environment = process.env,
	readFile = (path: string) => readFileSync(path, 'utf8'),
	// eslint-disable-next-line @n8n/community-nodes/no-restricted-globals -- which n8n command this process is (node, n8n, command)
	argv: string[] = process.argv,
): QueueRedisSettings | undefined {
	const get = (name: string) => setting(env, name, readFile);
	if (get('EXECUTIONS_MODE') !== 'queue' && !QUEUE_COMMANDS.has(argv[2] ?? '')) return undefined;
	const clusterNodes = (get('QUEUE_BULL_REDIS_CLUSTER_NODES') ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean)
		.map((entry) => {
			const at = entry.lastIndexOf(':');
			return at > 0 ? { host: entry.slice(0, at), port: Number(entry.slice(at + 1)) || 6379 } : { host: entry, port: 6379 };
		});
	return {
		host: get('QUEUE_BULL_REDIS_HOST') ?? 'localhost',
		port: Number(get('QUEUE_BULL_REDIS_PORT') ?? 6379) || 6379,
		db: Number(get('QUEUE_BULL_REDIS_DB') ?? 0) || 0,
		username: get('QUEUE_BULL_REDIS_USERNAME'),
		password: get('QUEUE_BULL_REDIS_PASSWORD'),
		tls: get('QUEUE_BULL_REDIS_TLS') === 'true',
		family: get('QUEUE_BULL_REDIS_DUALSTACK') === 'true' ? 0 : get('QUEUE_BULL_REDIS_IPV6') === 'true' ? 6 : 4,
		clusterNodes,
	};
}

/** Where the limiter's Redis is, for a log line: never the password. */
export function describeRedis(settings: QueueRedisSettings): string {
	if (settings.clusterNodes.length > 0) return `Redis Cluster ${settings.clusterNodes.map((node) => `${node.host}:${node.port}`).join(',')}`;
	return `Redis ${settings.tls ? 'rediss' : 'redis'}://${settings.host}:${settings.port}/${settings.db}`;
}

/**
 * A connection of the package's own (n8n's is not reachable from a node). A command never waits for a
 * connection that is not there: no offline queue, a short command timeout, so the request path falls
 * back at once instead of hanging; ioredis reconnects in the background.
 */
export function connectQueueRedis(settings: QueueRedisSettings): Redis | Cluster {
	const common: RedisOptions = {
		username: settings.username,
		password: settings.password,
		...(settings.tls ? { tls: {} } : {}),
		family: settings.family,
		connectionName: 'n8n-nodes-identity-uploads:rate-limit',
		enableOfflineQueue: false,
		maxRetriesPerRequest: 1,
		commandTimeout: 1_000,
		connectTimeout: 3_000,
		retryStrategy: (times) => Math.min(times * 500, 5_000),
	};
	const client =
		settings.clusterNodes.length > 0
			? new Cluster(settings.clusterNodes, { redisOptions: common, enableOfflineQueue: false, clusterRetryStrategy: (times) => Math.min(times * 500, 5_000) })
			: new Redis({ ...common, host: settings.host, port: settings.port, db: settings.db });
	// Connection errors are met by the commands (and the fallback); without a listener ioredis prints each one.
	client.on('error', () => undefined);
	return client;
}

/** Resolves once the client is ready, or false after `ms`. */
export async function whenReady(client: Redis | Cluster, ms: number): Promise<boolean> {
	if (client.status === 'ready') return true;
	let onReady = () => {};
	const ready = new Promise<boolean>((resolve) => {
		onReady = () => resolve(true);
		client.once('ready', onReady);
	});
	const answer = await Promise.race([ready, sleep(ms).then(() => false)]);
	client.off('ready', onReady);
	return answer;
}
