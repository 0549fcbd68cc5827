import path from 'node:path';

import { EDITOR_OWNER, startEditor } from './e2e/editor';
import { N8nInstance } from './e2e/n8n-instance';
import { startEmulators } from '../test/emulators/all';

/**
 * `npm run dev`: the three emulators, and a real n8n editor with this package installed as a
 * community package, credentials pointing at the emulators and the example workflows imported.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const port = Number(process.env.N8N_DEV_PORT ?? 5678);

async function main() {
	console.log('Installing (or reusing) n8n 2.40.7: the first time takes about 5 minutes…');
	const emulators = await startEmulators({ complyCube: 5801, argos: 5802, crafter: 5803 });
	const n8n = await N8nInstance.withExamples(repoRoot, emulators.credentials);
	console.log(`n8n user folder with this package, credentials and examples: ${n8n.userFolder}`);
	console.log('Starting n8n…');
	const editor = await startEditor(n8n, port);
	console.log(`
n8n is ready: ${editor.url}
  Sign in as ${EDITOR_OWNER.email} / ${EDITOR_OWNER.password}
  Open a workflow in the Overview (e.g. "ComplyCube: KYC intake"), click "Execute workflow",
  then open a ComplyCube, Argos Identity or Crafter Profile node to see what it sent and received.
  Credentials "ComplyCube (local emulator)", "Argos Identity (local emulator)" and
  "Crafter Profile (local emulator)" point at the emulators on ports 5801-5803.
Ctrl-C stops n8n and the emulators.`);
	const shutdown = async () => {
		await editor.stop();
		await emulators.close();
		process.exit(0);
	};
	process.once('SIGINT', () => void shutdown());
	process.once('SIGTERM', () => void shutdown());
	editor.process.once('exit', (code) => {
		console.error(`n8n exited (${code}).`);
		void emulators.close().then(() => process.exit(1));
	});
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
