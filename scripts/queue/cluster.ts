import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { freePorts, runCommand, ServerProcess } from './processes';
import type { Postgres, Redis } from './services';

export const PACKAGE_NAME = 'n8n-nodes-identity-uploads';

/** The credentials the queue workflows refer to (the same ids and names as the examples'). */
export const QUEUE_CREDENTIALS: Record<string, { id: string; name: string }> = {
	complyCubeApi: { id: 'idUploadsComplyCube', name: 'ComplyCube (local emulator)' },
	argosIdentityApi: { id: 'idUploadsArgos', name: 'Argos Identity (local emulator)' },
	crafterProfileApi: { id: 'idUploadsCrafter', name: 'Crafter Profile (local emulator)' },
};

export interface WorkerOptions {
	/** `n8n worker --concurrency` (n8n's default is 10). */
	concurrency: number;
}

/**
 * n8n in queue mode on one machine: one main (webhooks, enqueues) and workers (run the executions),
 * sharing the database, Redis, the encryption key and the user folder that holds the community package.
 * Each process gets its own task-broker port, each worker its own health-check port.
 */
export class QueueCluster {
	readonly userFolder: string;
	readonly env: NodeJS.ProcessEnv;
	main?: ServerProcess;
	readonly workers: ServerProcess[] = [];
	mainPort = 0;

	constructor(
		private readonly n8nBin: string,
		private readonly repoRoot: string,
		private readonly logFolder: string,
		postgres: Postgres,
		redis: Redis,
		folder: string,
	) {
		this.userFolder = path.join(folder, 'n8n-user');
		mkdirSync(this.userFolder, { recursive: true });
		this.env = {
			...process.env,
			// Under jest NODE_ENV is 'test', which silences n8n's logger: the workers' "Worker started execution" lines are needed.
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'identity-uploads-queue-test',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: '',
			N8N_DEFAULT_BINARY_DATA_MODE: 'database',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			// Keep every execution's data: the test reads them back.
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			EXECUTIONS_DATA_PRUNE: 'false',
			N8N_SECURE_COOKIE: 'false',
		};
	}

	private async n8n(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<string> {
		const port = (await freePorts(1))[0];
		const { stdout } = await runCommand(this.n8nBin, args, {
			cwd: this.userFolder,
			env: { ...this.env, N8N_RUNNERS_BROKER_PORT: String(port), ...extraEnv },
			timeoutMs: 180_000,
		});
		return stdout;
	}

	/** npm pack, then npm install of the tarball into <user folder>/.n8n/nodes, as Settings → Community Nodes does. */
	async installPackage(): Promise<void> {
		const packDir = mkdtempSync(path.join(path.dirname(this.userFolder), 'pack-'));
		await runCommand('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: this.repoRoot, timeoutMs: 120_000 });
		const tarball = path.join(packDir, readdirSync(packDir).find((name) => name.endsWith('.tgz')) as string);
		const nodesFolder = path.join(this.userFolder, '.n8n', 'nodes');
		mkdirSync(nodesFolder, { recursive: true });
		writeFileSync(path.join(nodesFolder, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
		await runCommand('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', tarball], {
			cwd: nodesFolder,
			timeoutMs: 180_000,
		});
	}

	/**
	 * Imports the credentials (plain data, encrypted on import) and the workflows of a folder, then
	 * publishes each (2.40's activation): the main registers their production webhooks on start.
	 * The first command also runs the database migrations.
	 */
	async importAndPublish(credentialData: Record<string, Record<string, string | number | boolean>>, workflowFolder: string): Promise<string[]> {
		const credentials = Object.entries(QUEUE_CREDENTIALS).map(([type, { id, name }]) => ({ id, name, type, data: credentialData[type] }));
		const file = path.join(this.userFolder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		await this.n8n(['import:credentials', `--input=${file}`]);
		await this.n8n(['import:workflow', '--separate', `--input=${workflowFolder}`]);
		const ids = readdirSync(workflowFolder)
			.filter((name) => name.endsWith('.json'))
			.map((name) => (JSON.parse(readFileSync(path.join(workflowFolder, name), 'utf8')) as { id: string }).id);
		for (const id of ids) await this.n8n(['publish:workflow', `--id=${id}`]);
		return ids;
	}

	/** `n8n start` on a free port; resolves once it says the editor is accessible. */
	async startMain(): Promise<void> {
		const [port, broker] = await freePorts(2);
		this.mainPort = port;
		this.main = ServerProcess.start('n8n-main', this.n8nBin, ['start'], path.join(this.logFolder, 'n8n-main.log'), {
			cwd: this.userFolder,
			env: {
				...this.env,
				N8N_PORT: String(port),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
				N8N_RUNNERS_BROKER_PORT: String(broker),
				N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
			},
		});
	}

	async waitForMain(timeoutMs = 180_000): Promise<void> {
		await this.main!.waitForLine(/Editor is now accessible/, timeoutMs);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const answer = await fetch(`${this.url}/healthz/readiness`).catch(() => undefined);
			if (answer?.ok) return;
			if (Date.now() > deadline) throw new Error(`n8n main: /healthz/readiness did not answer 200 within ${timeoutMs / 1000} s`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	get url(): string {
		return `http://127.0.0.1:${this.mainPort}`;
	}

	/** `n8n worker` with its own task-broker and health-check ports. */
	async startWorker(name: string, options: WorkerOptions): Promise<ServerProcess> {
		const [broker, health] = await freePorts(2);
		const worker = ServerProcess.start(name, this.n8nBin, ['worker', `--concurrency=${options.concurrency}`], path.join(this.logFolder, `${name}.log`), {
			cwd: this.userFolder,
			env: {
				...this.env,
				N8N_RUNNERS_BROKER_PORT: String(broker),
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(health),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			},
		});
		this.workers.push(worker);
		return worker;
	}

	static async waitForWorker(worker: ServerProcess, timeoutMs = 180_000): Promise<void> {
		await worker.waitForLine(/n8n worker is now ready/, timeoutMs);
	}

	/** Every n8n process, main first. */
	get processes(): ServerProcess[] {
		return [...(this.main ? [this.main] : []), ...this.workers];
	}

	async stop(): Promise<void> {
		await Promise.all(this.processes.map((server) => server.stop('SIGTERM', 15_000)));
	}
}

/** Which worker ran which execution, from the workers' "Worker started execution <id>" lines. */
export function executionsByWorker(workers: ServerProcess[]): Map<string, string[]> {
	const byWorker = new Map<string, string[]>();
	for (const worker of workers) {
		const ids: string[] = [];
		for (const line of worker.lines) {
			const match = /Worker started execution (\d+)/.exec(line);
			if (match) ids.push(match[1]);
		}
		byWorker.set(worker.name, ids);
	}
	return byWorker;
}

/** Executions a worker finished ("Worker finished execution <id>"). */
export function finishedByWorker(worker: ServerProcess): string[] {
	return worker.lines.map((line) => /Worker finished execution (\d+)/.exec(line)?.[1]).filter((id): id is string => id !== undefined);
}
