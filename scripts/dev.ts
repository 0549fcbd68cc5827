import path from 'node:path';

import { devSecrets } from './dev-secrets';
import { EDITOR_OWNER, startEditor } from './e2e/editor';
import { FLOW_WORKFLOWS, prepareLiveFlow, productionUrls, waitForLiveFlow } from './e2e/live-flow';
import { installN8n, N8nInstance } from './e2e/n8n-instance';
import { currentCell } from './e2e/n8n-lines';
import { startEmulators } from '../test/emulators/all';

/**
 * `npm run dev`: the three emulators and a local mail sink, and a real n8n editor with this package
 * installed as a community package, credentials pointing at the emulators, the example workflows
 * imported and the ComplyCube flow live: the intake form and both ComplyCube Triggers activated, so
 * a check or a verification that completes at the emulator reaches n8n as a signed webhook delivery.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const port = Number(process.env.N8N_DEV_PORT ?? 5678);
const PORTS = { complyCube: 5801, argos: 5802, crafter: 5803, mail: 5804 };

async function main() {
	console.log('Installing (or reusing) n8n 2.40.7: the first time takes about 5 minutes…');
	// n8n listens on http here, which the real ComplyCube refuses for webhooks: the emulator's local switch allows it.
	const emulators = await startEmulators({ ...PORTS, complyCubeOptions: { allowHttpWebhooks: true } });
	emulators.mail.onMessage = (mail) => {
		console.log(`\n[mail sink] to ${mail.to.join(', ')} from ${mail.from}\n  Subject: ${mail.subject}\n  ${mail.text.trim().split(/\r?\n/).join('\n  ')}\n`);
	};
	// As N8nInstance.withExamples, with this user folder's own encryption key set before n8n first runs in it.
	const cell = currentCell();
	const n8n = await N8nInstance.create(repoRoot, await installN8n(repoRoot, cell.line), cell);
	const { secrets, file: secretsFile, created } = devSecrets(n8n.userFolder);
	n8n.env.N8N_ENCRYPTION_KEY = secrets.encryptionKey;
	await n8n.installPackage();
	await n8n.importCredentials(emulators.credentials);
	await n8n.importWorkflows(path.join(repoRoot, 'examples'));
	const owner = { ...EDITOR_OWNER, password: secrets.ownerPassword };
	const webhookUrl = `http://localhost:${port}/`;
	const reports = await prepareLiveFlow(n8n, repoRoot, webhookUrl);
	console.log(`n8n user folder with this package, credentials and examples: ${n8n.userFolder}`);
	console.log('Starting n8n…');
	const editor = await startEditor(n8n, port, owner);
	await waitForLiveFlow(emulators.complyCube.webhooks, webhookUrl).catch((error: Error) =>
		console.error(`${error.message}. n8n's log:\n${editor.log().slice(-3000)}`),
	);
	const urls = productionUrls(webhookUrl);
	const hooks = [...emulators.complyCube.webhooks.values()].map((hook) => `    ${hook.events.join(', ')} → ${hook.url}`).join('\n');
	console.log(`
n8n is ready: ${editor.url}
  Sign in as ${owner.email} / ${owner.password}
  N8N_ENCRYPTION_KEY=${secrets.encryptionKey}
  (both ${created ? 'generated for' : 'reused from'} this user folder: ${secretsFile}, readable by you only)

ComplyCube flow (emulator at ${emulators.complyCube.origin}, webhooks over http allowed):
  1. The applicant form: ${urls.form}
     Fill it in with examples/files/licence-front.jpg, licence-back.png and selfie.jpg. It creates the
     client, document, images, live photo and an identity check; when the check completes (1.5 s) the
     emulator's signed delivery starts "ComplyCube: act on a check result" (${editor.url}/workflow/${FLOW_WORKFLOWS.checkDecision}/executions).
  2. Send a verification link: open ${editor.url}/workflow/${FLOW_WORKFLOWS.verificationLink}
     and click "Execute workflow". The e-mail with the link is printed below; open the link, tick consent,
     choose a document type, pick the files and submit. The verification's completion starts
     "ComplyCube: act on a verification result" (${editor.url}/workflow/${FLOW_WORKFLOWS.sessionOutcome}/executions).
  Webhooks the triggers registered at the emulator:
${hooks || "    (none: see n8n's log)"}
  E-mails go to the local mail sink (smtp://${emulators.mail.host}:${emulators.mail.port}); each one is printed here.
  PDF reports are written to ${reports}/

Other credentials: "ComplyCube (local emulator)", "Argos Identity (local emulator)" and
"Crafter Profile (local emulator)" point at the emulators on ports ${PORTS.complyCube}-${PORTS.crafter}; "Mail sink (local)" at port ${PORTS.mail}.
Ctrl-C stops n8n and the emulators.`);
	let stopping = false;
	const shutdown = async () => {
		if (stopping) return;
		stopping = true;
		console.log('Stopping n8n and the emulators…');
		await editor.stop();
		await emulators.close();
		process.exit(0);
	};
	process.once('SIGINT', () => void shutdown());
	process.once('SIGTERM', () => void shutdown());
	editor.process.once('exit', (code) => {
		if (stopping) return;
		console.error(`n8n exited (${code}).`);
		void emulators.close().then(() => process.exit(1));
	});
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
