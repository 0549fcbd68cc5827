import { spawn } from 'node:child_process';
import path from 'node:path';

import { startCrafterEmulator, type CrafterEmulator } from '../emulators/crafter';

/*
 * Crafter's upload reads each file from n8n's binary store (filesystem mode). A file opened and never
 * closed keeps its descriptor until the process ends, so hundreds of uploads under a low `ulimit -n` fail
 * with EMFILE. The child runs 300 uploads with 64 descriptors: every one must land.
 */
const UPLOADS = 300;
const LIMIT = 64;
let emulator: CrafterEmulator;

beforeAll(async () => (emulator = await startCrafterEmulator()));
afterAll(async () => await emulator.close());

function runChild(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
	const root = path.join(__dirname, '..', '..');
	const command = `ulimit -n ${LIMIT} && exec "${process.execPath}" -r ./test/faults/register-ts.cjs ./test/faults/fd-child.ts`;
	return new Promise((resolve) => {
		// A user folder of its own (run-workflow makes one when none is set).
		const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
		delete childEnv.N8N_USER_FOLDER;
		const child = spawn('bash', ['-c', command], { cwd: root, env: childEnv });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

test(`${UPLOADS} Crafter uploads in a process limited to ${LIMIT} open files: all land, no descriptor left behind`, async () => {
	const profiles = Array.from({ length: 10 }, () => emulator.addProfile());
	const { code, stdout, stderr } = await runChild({
		UPLOADS: String(UPLOADS),
		PROFILE_IDS: profiles.join(','),
		CRAFTER_BASE_URL: emulator.baseUrl,
		CRAFTER_TOKEN: emulator.accessToken,
	});
	const line = stdout.trim().split('\n').at(-1) ?? '';
	let result: Record<string, unknown>;
	try {
		result = JSON.parse(line) as Record<string, unknown>;
	} catch {
		throw new Error(`The child printed no result (exit ${code}): ${stdout.slice(-500)} ${stderr.slice(-1500)}`);
	}
	expect(result).toMatchObject({ items: UPLOADS, successes: UPLOADS, errors: 0 });
	expect(result.openFiles as number).toBeLessThan(LIMIT);
	expect(emulator.acceptedUploads).toHaveLength(UPLOADS);
}, 180_000);
