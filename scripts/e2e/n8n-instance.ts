import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { freePort } from '../free-port';
import { EXAMPLE_CREDENTIALS } from './example-credentials';
import { binaryModeEnv, currentCell, type E2eCell, type N8nLine } from './n8n-lines';

const run = promisify(execFile);
export const PACKAGE_NAME = 'n8n-nodes-identity-uploads';
const BIG_OUTPUT = 64 * 1024 * 1024;

export interface ExecuteResult {
	exitCode: number;
	/** The run as `n8n execute --rawOutput` prints it (resultData.runData per node). */
	run: { data: { resultData: { runData: Record<string, Array<NodeRun>>; error?: { message: string } } }; status?: string };
	output: string;
}

export interface NodeRun {
	data?: { main: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, Record<string, unknown>> }> | null> };
	error?: { message: string };
}

/** Installs (or reuses) a real n8n of the given line (by default the current cell's: scripts/e2e/n8n-lines.ts); answers the path of its binary. */
export async function installN8n(repoRoot: string, line: N8nLine = currentCell().line): Promise<string> {
	const overrides = Object.entries(line.overrides).map(([name, version]) => `${name}=${version}`);
	const { stdout } = await run('bash', [path.join(repoRoot, 'scripts/e2e/install-n8n.sh'), line.version, ...overrides], {
		maxBuffer: BIG_OUTPUT,
		timeout: 20 * 60_000,
	});
	return stdout.trim().split('\n').pop()!;
}

/**
 * A real n8n with its own user folder, this package installed in it as a community package exactly
 * as n8n installs one (npm, from the packed tarball), the example credentials and workflows imported.
 */
export class N8nInstance {
	readonly userFolder = mkdtempSync(path.join(tmpdir(), 'identity-uploads-e2e-n8n-'));

	private constructor(
		private readonly n8nBin: string,
		private readonly repoRoot: string,
		readonly env: NodeJS.ProcessEnv,
		/** The n8n version and binary data mode this instance runs. */
		readonly cell: E2eCell,
	) {}

	/**
	 * The usual set-up: n8n of the cell's line installed or reused, this package in it, the example
	 * credentials and workflows imported. The cell is the jest project's (or N8N_E2E_VERSION and
	 * N8N_E2E_BINARY_MODE; by default the first line, 2.x, in its default mode).
	 */
	static async withExamples(
		repoRoot: string,
		credentials: Record<string, Record<string, string | number | boolean>>,
		cell: E2eCell = currentCell(),
	): Promise<N8nInstance> {
		const instance = await N8nInstance.create(repoRoot, await installN8n(repoRoot, cell.line), cell);
		await instance.installPackage();
		await instance.importCredentials(credentials);
		await instance.importWorkflows(path.join(repoRoot, 'examples'));
		return instance;
	}

	static async create(repoRoot: string, n8nBin: string, cell: E2eCell = currentCell()): Promise<N8nInstance> {
		const env: NodeJS.ProcessEnv = {
			...process.env,
			// Under jest NODE_ENV is 'test', which silences n8n's logger, and with it the run's JSON.
			NODE_ENV: 'production',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENCRYPTION_KEY: 'identity-uploads-e2e',
			// The examples read their files from here; n8n 2 refuses any other folder by default.
			N8N_RESTRICT_FILE_ACCESS_TO: realpathSync(path.join(repoRoot, 'examples/files')),
			// Each n8n process starts a task broker; a free port keeps runs apart.
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			// The cell's binary data mode, set explicitly (n8n 1.x keeps binaries in memory by default, 2.x on the filesystem).
			...binaryModeEnv(cell),
		};
		const instance = new N8nInstance(n8nBin, repoRoot, env, cell);
		instance.env.N8N_USER_FOLDER = instance.userFolder;
		return instance;
	}

	/** The installed `n8n` package's folder (its package.json: version, engines). */
	get n8nPackageFolder(): string {
		return path.join(path.dirname(this.n8nBin), '..', 'n8n');
	}

	async n8n(args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> {
		return await run(this.n8nBin, args, { cwd: this.repoRoot, env: { ...this.env, ...extraEnv }, maxBuffer: BIG_OUTPUT, timeout: 120_000 });
	}

	/** npm pack, then npm install of the tarball in ~/.n8n/nodes, as Settings → Community Nodes does. */
	async installPackage(): Promise<void> {
		const packDir = mkdtempSync(path.join(tmpdir(), 'identity-uploads-pack-'));
		await run('npm', ['pack', '--pack-destination', packDir], { cwd: this.repoRoot });
		const tarball = path.join(
			packDir,
			readdirSync(packDir).find((name) => name.endsWith('.tgz'))!,
		);
		const nodesFolder = path.join(this.userFolder, '.n8n', 'nodes');
		mkdirSync(nodesFolder, { recursive: true });
		writeFileSync(path.join(nodesFolder, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
		await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', tarball], {
			cwd: nodesFolder,
			maxBuffer: BIG_OUTPUT,
		});
	}

	/** Imports the example credentials, pointed at the given credential data (e.g. the emulators'). */
	async importCredentials(data: Record<string, Record<string, string | number | boolean>>): Promise<void> {
		const credentials = Object.entries(EXAMPLE_CREDENTIALS).map(([type, { id, name }]) => ({ id, name, type, data: data[type] }));
		const file = path.join(this.userFolder, 'credentials.json');
		writeFileSync(file, JSON.stringify(credentials));
		await this.n8n(['import:credentials', `--input=${file}`]);
	}

	/** Imports every workflow JSON in a folder, keeping their ids, in one n8n start-up. */
	async importWorkflows(folder: string): Promise<void> {
		await this.n8n(['import:workflow', '--separate', `--input=${folder}`]);
	}

	/**
	 * `n8n execute --id --rawOutput`. Its stdout has log lines around the run's JSON. n8n 2's default
	 * expression engine sometimes crashes on exit (139) after printing the whole run: a complete run is kept.
	 * While `n8n start` runs on the same user folder, give `extraEnv` its own N8N_RUNNERS_BROKER_PORT.
	 */
	async execute(workflowId: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<ExecuteResult> {
		let output: string;
		let errors = '';
		let exitCode = 0;
		try {
			({ stdout: output, stderr: errors } = await this.n8n(['execute', `--id=${workflowId}`, '--rawOutput'], extraEnv));
		} catch (error) {
			const failed = error as { stdout?: string; stderr?: string; code?: number; signal?: string };
			output = `${failed.stdout ?? ''}\n${failed.stderr ?? ''}`;
			exitCode = failed.code ?? (failed.signal ? 139 : 1);
		}
		const json = printedRun(output);
		if (!json) throw new Error(`n8n execute printed no run (exit ${exitCode}):\n${output.slice(-3000)}\n${errors.slice(-3000)}`);
		return { exitCode, run: JSON.parse(json) as ExecuteResult['run'], output };
	}

	/** `n8n start`: the editor and API on the given port. */
	start(port: number): ChildProcess {
		return spawn(this.n8nBin, ['start'], {
			cwd: this.repoRoot,
			env: { ...this.env, N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_HOST: 'localhost' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
	}
}

/** The run `n8n execute --rawOutput` printed among its log lines, as JSON text; undefined when it printed no whole run. */
export function printedRun(output: string): string | undefined {
	const lines = output.split('\n');
	const start = lines.indexOf('{');
	const end = start < 0 ? -1 : lines.indexOf('}', start);
	return end < 0 ? undefined : lines.slice(start, end + 1).join('\n');
}
