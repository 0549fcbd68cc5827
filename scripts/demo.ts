import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { startEmulators, type Emulators } from '../test/emulators/all';
import { completeLiveform } from '../test/emulators/argos/applicant';
import { completeHostedPage } from '../test/emulators/complycube/applicant';
import { runWorkflow, type WorkflowJson, type WorkflowRun } from '../test/engine/run-workflow';
import { TriggerHarness } from '../test/engine/trigger-harness';
import { Applicant } from './demo/applicant';
import { printRun } from './demo/print-run';

/**
 * The main job: starts the local service emulators and runs every example workflow through n8n's
 * real engine (n8n-core WorkflowExecute, filesystem binary data), printing what each node sent and
 * what the service answered, refusals included. Workflows that start with the ComplyCube or Argos Trigger
 * are activated first (their webhooks registered at the emulator, or pasted into the Argos emulator's
 * dashboard), so the events that the other examples cause start them; the applicant's part (the form, the
 * hosted verification page, Argos's Liveform) is played with the files in examples/files.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const TRIGGER = 'n8n-nodes-identity-uploads.complyCubeTrigger';
const ARGOS_TRIGGER = 'n8n-nodes-identity-uploads.argosIdentityTrigger';
/** The Argos credential's Webhook Token in the demo: the Argos emulator's dashboard URL carries it as ?token=. */
const ARGOS_WEBHOOK_TOKEN = 'demo-argos-webhook-token';
const FORM_TRIGGER = 'n8n-nodes-base.formTrigger';

interface Example {
	file: string;
	workflow: WorkflowJson;
}

async function main() {
	process.chdir(repoRoot);
	const emulators = await startEmulators({ complyCubeOptions: { allowHttpWebhooks: true, checkDelayMs: 300 }, argosOptions: { allowHttpWebhooks: true } });
	emulators.credentials.argosIdentityApi = { ...emulators.credentials.argosIdentityApi, webhookToken: ARGOS_WEBHOOK_TOKEN };
	// The Argos example's project is in Private Mode with token pre-registration (dashboard: Security Settings).
	emulators.argos.liveformSettings.privateMode = true;
	emulators.argos.liveformSettings.preRegistration = true;
	const applicant = new Applicant('examples/files');
	const examples: Example[] = readdirSync('examples')
		.filter((name) => name.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(path.join('examples', file), 'utf8')) as WorkflowJson }));
	const startsWith = (example: Example, type: string) => example.workflow.nodes.some((node) => node.type === type);
	const isTriggered = (example: Example) => startsWith(example, TRIGGER) || startsWith(example, ARGOS_TRIGGER);
	const triggers: Array<{ example: Example; harness: TriggerHarness }> = [];
	let failures = 0;
	const startedAt = Date.now();
	try {
		for (const example of examples.filter(isTriggered)) {
			const harness = await TriggerHarness.start(example.workflow, emulators.credentials);
			await harness.activate();
			const events = (harness.trigger.parameters.events as string[]).join(', ');
			const argos = startsWith(example, ARGOS_TRIGGER);
			if (argos) emulators.argos.configureWebhook({ url: `${harness.webhookUrl}?token=${ARGOS_WEBHOOK_TOKEN}` });
			console.log(
				`\n⚡ ${example.workflow.name}  (examples/${example.file})\n  active: ${argos ? 'Argos' : 'ComplyCube'} sends ${events} to ${harness.webhookUrl}`,
			);
			triggers.push({ example, harness });
		}
		const links: string[] = [];
		const argosLinks: string[] = [];
		emulators.complyCube.setCheckOutcome('attention');
		for (const example of examples.filter((candidate) => !isTriggered(candidate))) {
			const result = await runExample(example, applicant, emulators.credentials);
			if (result.error) {
				failures++;
				console.log(`  ✗ the workflow stopped: ${result.error.message}`);
			}
			links.push(...verificationLinks(example.workflow, result));
			argosLinks.push(...argosVerificationLinks(example.workflow, result));
		}
		// The form intake's check comes back 'attention' (the decision's review branch); the hosted page's 'clear'.
		await settle(
			emulators,
			triggers.map(({ harness }) => harness),
		);
		emulators.complyCube.setCheckOutcome('clear');
		for (const link of links) {
			console.log(`\n👤 The applicant opens ${link}, ticks consent, uploads a driving licence and a selfie, and submits`);
			console.log(`  the page sends the browser on to ${await completeHostedPage(link, applicant.hostedPageFiles())}`);
		}
		for (const link of argosLinks) await playArgosApplicant(emulators, link);
		await settle(
			emulators,
			triggers.map(({ harness }) => harness),
		);
		for (const { example, harness } of triggers) {
			if (harness.executions.length === 0) {
				failures++;
				console.log(`\n✗ ${example.workflow.name}: no event reached it`);
			}
			for (const run of harness.executions) {
				console.log(`\n▶ ${example.workflow.name}  (started by ${startsWith(example, ARGOS_TRIGGER) ? "Argos's" : "ComplyCube's signed"} event)`);
				if (run.error) {
					failures++;
					console.log(`  ✗ the workflow stopped: ${run.error.message}`);
				}
				printRun(example.workflow, run);
			}
		}
		// Crafter sends its verification e-mails after answering (@Async): they reach the sink first.
		await emulators.crafter.mailsDelivered();
		printMail(emulators);
		printReports(startedAt);
		printCounts(emulators);
	} finally {
		for (const { example, harness } of triggers) {
			await harness.deactivate();
			await harness.close();
			console.log(`  ${example.workflow.name}: deactivated${startsWith(example, ARGOS_TRIGGER) ? '' : ', its webhook deleted at ComplyCube'}`);
		}
		await emulators.close();
	}
	if (failures > 0) {
		console.error(`\n${failures} example workflow(s) stopped with an error.`);
		process.exitCode = 1;
	}
}

/** Runs one example from its manual trigger, or from its form trigger with the applicant's submission. */
async function runExample(example: Example, applicant: Applicant, credentials: Emulators['credentials']): Promise<WorkflowRun> {
	const { workflow, file } = example;
	console.log(`\n▶ ${workflow.name}  (examples/${file})`);
	const form = workflow.nodes.find((node) => node.type === FORM_TRIGGER);
	if (!form) {
		const result = await runWorkflow(workflow, credentials);
		printRun(workflow, result);
		return result;
	}
	console.log("  (the emulator answers 'attention' for this applicant's check, to show the decision's review branch)");
	const fields = ((form.parameters.formFields as { values?: Array<{ fieldLabel: string; fieldType?: string }> })?.values ?? []).filter(
		(field) => field.fieldType === 'file',
	);
	const submission = applicant.formSubmission(fields.map((field) => field.fieldLabel));
	console.log(
		`  the applicant submits the form: ${Object.values(submission.binary ?? {})
			.map((binary) => binary.fileName)
			.join(', ')}`,
	);
	const result = await runWorkflow(workflow, credentials, { pinData: { [form.name]: [submission] }, startNode: form.name });
	printRun(workflow, result);
	return result;
}

function verificationLinks(workflow: WorkflowJson, result: WorkflowRun): string[] {
	return workflow.nodes
		.filter((node) => node.parameters.resource === 'flowSession' && node.parameters.operation === 'create')
		.flatMap((node) => result.output(node.name).map((item) => String(item.json.redirectUrl ?? '')))
		.filter(Boolean);
}

function argosVerificationLinks(workflow: WorkflowJson, result: WorkflowRun): string[] {
	return workflow.nodes
		.filter((node) => node.parameters.resource === 'verificationLink' && node.parameters.operation === 'create')
		.flatMap((node) => result.output(node.name).map((item) => String(item.json.url ?? '')))
		.filter(Boolean);
}

/**
 * The Argos applicant opens the link on the emulator's Liveform (the link names form.argosidentity.com; the
 * emulator serves the same page locally) and submits a passport and a selfie; a reviewer then approves the
 * submission in the dashboard, which sends the `approved` event.
 */
async function playArgosApplicant({ argos }: Emulators, link: string) {
	const file = (name: string) => ({ bytes: readFileSync(path.join('examples', 'files', 'argos', name)), fileName: name, mimeType: 'image/jpeg' });
	console.log(`\n👤 The Argos applicant opens ${link} on the local Liveform, uploads a passport and a selfie, and submits`);
	const submissionId = await completeLiveform(link, argos.liveformUrl, {
		idType: 'passport',
		idImage: file('idImage.jpg'),
		selfieImage: file('selfieImage.jpg'),
	});
	// What Argos's OCR would have read from the passport: AML monitoring needs a full name and a date of birth.
	argos.submissions.get(submissionId)!.data = {
		full_name: 'Jane Applicant',
		first_name: 'Jane',
		last_name: 'Applicant',
		date_of_birth: '1991-02-03',
		nationality: 'GBR',
	};
	console.log(`  submission ${submissionId} is pending; a reviewer approves it in the Argos dashboard`);
	argos.review(submissionId, 'approved');
}

/** Waits until the emulator has completed every check and session and delivered every event, and the workflows they started have finished. */
async function settle(emulators: Emulators, harnesses: TriggerHarness[]) {
	for (let round = 0; round < 10; round++) {
		const before = emulators.complyCube.deliveries.length;
		await emulators.complyCube.settle();
		await emulators.argos.settle();
		for (const harness of harnesses) await harness.waitForExecutions(0);
		if (emulators.complyCube.deliveries.length === before) return;
	}
}

function printMail({ mail }: Emulators) {
	console.log(`\nWhat the local mail sink received (${mail.messages.length}):`);
	for (const message of mail.messages) {
		console.log(`  ✉ to ${message.to.join(', ')}: ${message.subject}\n${message.text.replace(/\r/g, '').replace(/^/gm, '      ')}`);
	}
}

/** The PDF reports the examples archived in reports/ during this run. */
function printReports(since: number) {
	const written = existsSync('reports') ? readdirSync('reports').filter((name) => statSync(path.join('reports', name)).mtimeMs >= since) : [];
	console.log(`\nReports archived in reports/ (${written.length}):`);
	for (const name of written) console.log(`  📄 reports/${name} (${statSync(path.join('reports', name)).size} bytes)`);
}

function printCounts({ complyCube, argos, crafter }: Emulators) {
	const images = [...complyCube.documents.values()].reduce((sum, document) => sum + Object.keys(document.images).length, 0);
	console.log('\nWhat the emulators received:');
	console.log(
		`  ComplyCube      ${complyCube.received.length} requests, ${complyCube.acceptedUploads.length} images stored ` +
			`(${complyCube.clients.size} clients, ${complyCube.documents.size} documents with ${images} images, ${complyCube.livePhotos.size} live photos, ` +
			`${complyCube.checks.size} checks, ${complyCube.workflowSessions.size} workflow sessions, ${complyCube.deliveries.length} signed event deliveries)`,
	);
	console.log(`  Argos Identity  ${argos.received.length} requests, ${argos.acceptedUploads.length} uploads stored`);
	console.log(
		`  Crafter Profile ${crafter.received.length} requests, ${crafter.acceptedUploads.length} attachments stored, ${crafter.createdProfiles.length} profiles created`,
	);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
