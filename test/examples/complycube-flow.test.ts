import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { Applicant } from '../../scripts/demo/applicant';
import { startEmulators, type Emulators } from '../emulators/all';
import { completeHostedPage } from '../emulators/complycube/applicant';
import { runWorkflow, type WorkflowJson } from '../engine/run-workflow';
import { TriggerHarness } from '../engine/trigger-harness';
import { binaryBytes } from '../nodes/ComplyCube/binary-bytes';

/** The four examples of the whole ComplyCube flow, run as shipped in the engine, with triggers activated. */
const repoRoot = path.resolve(__dirname, '..', '..');
const example = (name: string) => JSON.parse(readFileSync(path.join(repoRoot, 'examples', name), 'utf8')) as WorkflowJson;
const fileBytes = (name: string) => readFileSync(path.join(repoRoot, 'examples', 'files', name));
const applicant = new Applicant(path.join(repoRoot, 'examples', 'files'));
let emulators: Emulators;
const harnesses: TriggerHarness[] = [];

beforeEach(async () => {
	process.chdir(repoRoot);
	emulators = await startEmulators({ complyCubeOptions: { rateLimit: false, allowHttpWebhooks: true, checkDelayMs: 30 } });
});
afterEach(async () => {
	for (const harness of harnesses.splice(0)) await harness.close();
	await emulators.close();
});

async function activate(file: string): Promise<TriggerHarness> {
	const harness = await TriggerHarness.start(example(file), emulators.credentials);
	await harness.activate();
	harnesses.push(harness);
	return harness;
}

async function submitIntakeForm() {
	const workflow = example('complycube-form-intake.json');
	const submission = applicant.formSubmission(['ID front', 'ID back', 'Selfie']);
	return await runWorkflow(workflow, emulators.credentials, { pinData: { 'Applicant form': [submission] }, startNode: 'Applicant form' });
}

test('form intake: client, driving licence with both sides byte-identical, selfie, and an identity check on them', async () => {
	const result = await submitIntakeForm();
	expect(result.error).toBeUndefined();
	const { complyCube } = emulators;
	const client = [...complyCube.clients.values()].find((candidate) => candidate.email === 'jane.applicant@example.com')!;
	expect(client).toMatchObject({ type: 'person', personDetails: { firstName: 'Jane', lastName: 'Applicant' } });
	const document = [...complyCube.documents.values()].find((candidate) => candidate.clientId === client.id)!;
	expect(document).toMatchObject({ type: 'driving_license', issuingCountry: 'GB' });
	expect(document.images.front?.data.equals(fileBytes('licence-front.jpg'))).toBe(true);
	expect(document.images.back?.data.equals(fileBytes('licence-back.png'))).toBe(true);
	const [photo] = [...complyCube.livePhotos.values()].filter((candidate) => candidate.clientId === client.id);
	expect(photo.data.equals(fileBytes('selfie.jpg'))).toBe(true);
	const [check] = [...complyCube.checks.values()];
	expect(check).toMatchObject({ type: 'identity_check', clientId: client.id, documentId: document.id, livePhotoId: photo.id });
	expect(complyCube.acceptedUploads).toHaveLength(3);
});

test('decision: a clear check marks the client verified, through the signed webhook', async () => {
	const decision = await activate('complycube-check-decision.json');
	await submitIntakeForm();
	const [run] = await decision.waitForExecutions(1);
	expect(run.error).toBeUndefined();
	const [check] = [...emulators.complyCube.checks.values()];
	expect(emulators.complyCube.clients.get(String(check.clientId))?.metadata).toEqual({ kycStatus: 'verified', kycCheckId: check.id });
	expect(emulators.mail.messages).toHaveLength(0);
});

test('decision: a check needing attention e-mails compliance and leaves the client unmarked', async () => {
	emulators.complyCube.setCheckOutcome('attention');
	const decision = await activate('complycube-check-decision.json');
	await submitIntakeForm();
	const [run] = await decision.waitForExecutions(1);
	expect(run.error).toBeUndefined();
	const [check] = [...emulators.complyCube.checks.values()];
	expect(emulators.complyCube.clients.get(String(check.clientId))?.metadata).toBeUndefined();
	const [mail] = emulators.mail.messages;
	expect(mail).toMatchObject({ to: ['compliance@example.com'], subject: `KYC review needed: identity_check ${check.id}` });
	expect(mail.text).toContain('completed with outcome "attention"');
});

test('verification link: the applicant gets an e-mail with the link, and the page behind it works', async () => {
	const result = await runWorkflow(example('complycube-verification-link.json'), emulators.credentials);
	expect(result.error).toBeUndefined();
	const [link] = result.output('Create verification link');
	const redirectUrl = String(link.json.redirectUrl);
	expect(redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/flow\//);
	const [mail] = emulators.mail.messages;
	expect(mail).toMatchObject({ from: 'onboarding@example.com', to: ['jane.applicant@example.com'], subject: 'Please verify your identity' });
	expect(mail.text).toContain(redirectUrl);
	expect(mail.text).toContain('Hello Jane,');
	expect(await completeHostedPage(redirectUrl, applicant.hostedPageFiles())).toBe('https://example.com/kyc/thank-you');
});

test('session outcome: a clear verification archives its PDF report on disk', async () => {
	const outcome = await activate('complycube-session-outcome.json');
	const result = await runWorkflow(example('complycube-verification-link.json'), emulators.credentials);
	await completeHostedPage(String(result.output('Create verification link')[0].json.redirectUrl), applicant.hostedPageFiles());
	const [run] = await outcome.waitForExecutions(1);
	expect(run.error).toBeUndefined();
	const [session] = run.output('Get workflow session');
	expect(session.json).toMatchObject({ status: 'complete', outcome: 'clear', workflowTemplateName: 'Identity verification' });
	const [archived] = run.output('Archive the report');
	const file = path.join(repoRoot, String(archived.json.fileName));
	try {
		const pdf = readFileSync(file);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.equals(await binaryBytes(run.output('Generate PDF report')[0].binary?.data))).toBe(true);
		expect(pdf.toString('latin1')).toContain(String(session.json.id));
	} finally {
		if (existsSync(file)) rmSync(file);
	}
});
