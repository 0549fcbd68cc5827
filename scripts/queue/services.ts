import { chownSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';

import { runCommand, ServerProcess } from './processes';

/** Where Debian's PostgreSQL and Redis are (scripts/queue/ensure-services.sh installs them when missing). */
export interface ServiceBinaries {
	pgBin: string;
	redisServer: string;
}

/** Runs scripts/queue/ensure-services.sh (apt-get install when something is missing) and answers what it found. */
export async function ensureServices(repoRoot: string): Promise<ServiceBinaries> {
	const { stdout } = await runCommand('bash', [path.join(repoRoot, 'scripts/queue/ensure-services.sh')], { timeoutMs: 10 * 60_000 });
	const [pgBin, redisServer] = stdout.trim().split('\n').slice(-2);
	return { pgBin, redisServer };
}

export interface Postgres {
	server: ServerProcess;
	host: string;
	port: number;
	user: string;
	database: string;
	/** Runs SQL through psql; answers the rows, tab-separated fields, unaligned (`-At`). */
	query(sql: string): Promise<string[][]>;
}

/**
 * A throwaway PostgreSQL cluster in `folder`, on loopback `port`, trust authentication, durability off
 * (fsync, synchronous commit): a test database that dies with the test. As root, initdb and the server
 * run as Debian's `postgres` user (PostgreSQL refuses to run as root).
 */
export async function startPostgres(bins: ServiceBinaries, folder: string, port: number, logFolder: string): Promise<Postgres> {
	const user = 'n8n';
	const database = 'n8n';
	const data = path.join(folder, 'data');
	mkdirSync(folder, { recursive: true });
	const asRoot = userInfo().uid === 0;
	let wrap = (command: string, args: string[]): [string, string[]] => [command, args];
	if (asRoot) {
		const { stdout } = await runCommand('id', ['-u', 'postgres']);
		const { stdout: gid } = await runCommand('id', ['-g', 'postgres']);
		chownSync(folder, Number(stdout.trim()), Number(gid.trim()));
		wrap = (command, args) => ['runuser', ['-u', 'postgres', '--', command, ...args]];
	}
	await runCommand(...wrap(path.join(bins.pgBin, 'initdb'), ['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']), {
		timeoutMs: 120_000,
	});
	const [command, args] = wrap(path.join(bins.pgBin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${folder}`,
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	]);
	const server = ServerProcess.start('postgres', command, args, path.join(logFolder, 'postgres.log'));
	await server.waitForLine(/database system is ready to accept connections/, 60_000);
	const psql = async (db: string, sql: string) =>
		(
			await runCommand(
				'psql',
				['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', db, '-v', 'ON_ERROR_STOP=1', '-X', '-q', '-At', '-F', '\t', '-c', sql],
				{ timeoutMs: 120_000 },
			)
		).stdout;
	await psql('postgres', `CREATE DATABASE ${database}`);
	return {
		server,
		host: '127.0.0.1',
		port,
		user,
		database,
		query: async (sql) =>
			(await psql(database, sql))
				.split('\n')
				.filter((line) => line.length > 0)
				.map((line) => line.split('\t')),
	};
}

export interface Redis {
	server: ServerProcess;
	host: string;
	port: number;
}

/** A Redis on loopback `port`, nothing saved to disk. */
export async function startRedis(bins: ServiceBinaries, folder: string, port: number, logFolder: string): Promise<Redis> {
	mkdirSync(folder, { recursive: true });
	const server = ServerProcess.start(
		'redis',
		bins.redisServer,
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', folder, '--protected-mode', 'yes'],
		path.join(logFolder, 'redis.log'),
	);
	await server.waitForLine(/Ready to accept connections/, 30_000);
	return { server, host: '127.0.0.1', port };
}
