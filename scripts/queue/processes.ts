import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

import { freePort } from '../free-port';

/**
 * A server the queue test starts (Postgres, Redis, an n8n main or worker): its own session and process
 * group (spawn's `detached` is setsid(2)), so stopping it reaches the children it starts (n8n's task
 * runners, Postgres' backends), and nothing it leaves behind outlives the test. Its output goes to a
 * log file and stays in memory, line by line, for the test to wait on and to read.
 */
export class ServerProcess {
	readonly lines: string[] = [];
	private readonly watchers: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
	private readonly log: WriteStream;
	private partial = '';
	readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	exit?: { code: number | null; signal: NodeJS.Signals | null };
	/** When it exited (ms since the epoch). */
	exitedAt?: number;

	private constructor(
		readonly name: string,
		readonly child: ChildProcess,
		readonly logFile: string,
	) {
		this.log = createWriteStream(logFile, { flags: 'a' });
		const take = (chunk: Buffer) => {
			this.log.write(chunk);
			const text = this.partial + chunk.toString('utf8');
			const parts = text.split('\n');
			this.partial = parts.pop() ?? '';
			for (const line of parts) this.addLine(line);
		};
		child.stdout?.on('data', take);
		child.stderr?.on('data', take);
		this.exited = new Promise((resolve) => {
			child.once('exit', (code, signal) => {
				if (this.partial) this.addLine(this.partial);
				this.exit = { code, signal };
				this.exitedAt = Date.now();
				running.delete(this);
				this.log.end();
				resolve(this.exit);
			});
		});
		running.add(this);
	}

	static start(name: string, command: string, args: string[], logFile: string, options: SpawnOptions = {}): ServerProcess {
		const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		if (child.pid === undefined) throw new Error(`${name}: could not start ${command}`);
		return new ServerProcess(name, child, logFile);
	}

	get pid(): number {
		return this.child.pid as number;
	}

	get running(): boolean {
		return this.exit === undefined;
	}

	private addLine(line: string) {
		// n8n colours its console lines; the patterns are matched against the plain text.
		// eslint-disable-next-line no-control-regex
		const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
		this.lines.push(plain);
		for (const watcher of [...this.watchers]) {
			if (watcher.pattern.test(plain)) {
				this.watchers.splice(this.watchers.indexOf(watcher), 1);
				watcher.resolve(plain);
			}
		}
	}

	/** Resolves with the first line (already printed or to come) that matches; rejects on exit or after `timeoutMs`. */
	async waitForLine(pattern: RegExp, timeoutMs: number): Promise<string> {
		const seen = this.lines.find((line) => pattern.test(line));
		if (seen) return seen;
		if (!this.running) throw new Error(`${this.name} exited (${JSON.stringify(this.exit)}) before printing ${pattern}:\n${this.tail()}`);
		return await new Promise<string>((resolve, reject) => {
			const watcher = { pattern, resolve: (line: string) => (clearTimeout(timer), resolve(line)) };
			const timer = setTimeout(() => {
				this.watchers.splice(this.watchers.indexOf(watcher), 1);
				reject(new Error(`${this.name} did not print ${pattern} within ${timeoutMs / 1000} s:\n${this.tail()}`));
			}, timeoutMs);
			this.watchers.push(watcher);
			void this.exited.then((exit) => {
				if (!this.watchers.includes(watcher)) return;
				this.watchers.splice(this.watchers.indexOf(watcher), 1);
				clearTimeout(timer);
				reject(new Error(`${this.name} exited (${JSON.stringify(exit)}) before printing ${pattern}:\n${this.tail()}`));
			});
		});
	}

	tail(count = 40): string {
		return this.lines.slice(-count).join('\n');
	}

	/** Sends a signal to the server's main process only (what `docker stop` or systemd does to n8n). */
	signal(signal: NodeJS.Signals): void {
		if (this.running) sendSignal(this.pid, signal);
	}

	/**
	 * Stops the whole process group: `signal` to the group, then SIGKILL to what is left after
	 * `graceMs`. Resolves once the main process has exited.
	 */
	async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 10_000): Promise<void> {
		if (this.running) sendSignal(-this.pid, signal);
		const killed = setTimeout(() => sendSignal(-this.pid, 'SIGKILL'), graceMs);
		await this.exited;
		clearTimeout(killed);
		// Children that ignored the signal (or outlived their parent) go with the group.
		sendSignal(-this.pid, 'SIGKILL');
	}
}

function sendSignal(pid: number, signal: NodeJS.Signals) {
	try {
		process.kill(pid, signal);
	} catch {
		// Already gone.
	}
}

/**
 * Servers still running: killed (their groups) if the test process exits without stopping them, or is
 * itself stopped by a signal (a CI timeout): they run in sessions of their own, so nothing else would.
 */
const running = new Set<ServerProcess>();
const killRunning = () => {
	for (const server of running) sendSignal(-server.pid, 'SIGKILL');
};
process.once('exit', killRunning);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
	process.once(signal, () => {
		killRunning();
		// Then die of the signal as the process would have.
		process.kill(process.pid, signal);
	});
}

/** Stops every server this process started that is still running, the given ones first (e.g. n8n before its database). */
export async function stopAll(first: ServerProcess[] = []): Promise<void> {
	await Promise.all(first.map((server) => server.stop()));
	await Promise.all([...running].map((server) => server.stop()));
}

/** Distinct free ports (a port is free until someone binds it: ask for all at once, bind soon). */
export async function freePorts(count: number): Promise<number[]> {
	const ports = new Set<number>();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

/** Runs a command to its end; rejects with its output when it fails. */
export async function runCommand(
	command: string,
	args: string[],
	options: SpawnOptions & { timeoutMs?: number } = {},
): Promise<{ stdout: string; stderr: string }> {
	return await new Promise((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
		child.once('error', reject);
		child.once('exit', (code, signal) => {
			if (timer) clearTimeout(timer);
			if (code === 0) resolve({ stdout, stderr });
			else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? code}):\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`));
		});
	});
}
