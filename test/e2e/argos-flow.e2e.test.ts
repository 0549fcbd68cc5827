import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { launchChromium } from '../../scripts/e2e/chromium';
import { startEditor, type RunningEditor } from '../../scripts/e2e/editor';
import { ARGOS_FLOW_WORKFLOWS, ARGOS_TRIGGER_WEBHOOK_ID, N8nRest, prepareLiveFlow, waitFor, type ExecutionDetail } from '../../scripts/e2e/live-flow';
import { N8nInstance } from '../../scripts/e2e/n8n-instance';
import { freePort } from '../../scripts/free-port';
import { startEmulators, type Emulators } from '../emulators/all';
import { ARGOS_PROJECT_ID, ARGOS_WORKLIST_ID } from '../emulators/argos';
import { localLiveformUrl } from '../emulators/argos/applicant';
import { expectNoSecret } from '../support/expect-no-secret';

/**
 * The Argos journey live in a real n8n (this jest project's cell: n8n version, its default binary data mode;
 * `n8n start`, this package installed as a community package): the approved → AML monitoring workflow
 * active, its production URL pasted into the emulator's dashboard with the credential's ?token=; the
 * verification-link workflow run with `n8n execute` registers a Private Mode token and e-mails the link;
 * Chromium opens that link on the emulator's hosted Liveform (the same page as form.argosidentity.com,
 * served locally), picks the ID type and uploads an ID and a selfie; a reviewer approves; Argos's
 * `approved` delivery starts the workflow in n8n, which reads the submission and puts it under AML
 * monitoring. Deliveries without the token, and a repeat of the approved one, start nothing; the used link
 * no longer opens; neither the token nor the API key reaches n8n's log or a stored execution. Screenshots go to SCREENSHOTS_DIR.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const screenshots = process.env.SCREENSHOTS_DIR ?? mkdtempSync(path.join(tmpdir(), 'identity-uploads-screens-'));
const argosFile = (name: string) => path.join(repoRoot, 'examples', 'files', 'argos', name);
const WEBHOOK_TOKEN = 'e2e-argos-webhook-token';
/** The example's link options: e-mail, user ID and cf1 in plain text; the allowed countries encrypted. */
const LINK = { email: 'jane.applicant@example.com', userid: 'customer-1001', cf1: 'onboarding-2026', allowedCountries: 'GBR,USA,KOR' };

let emulators: Emulators;
let n8n: N8nInstance;
let editor: RunningEditor;
let rest: N8nRest;
let triggerUrl: string;
let browser: Browser | undefined;
let page: Page;
/** What (b) made and (c) used: the link, its Token ID, and the submission the browser created. */
const journey: { url?: string; tokenId?: string; submissionId?: string } = {};
const timings: string[] = [];
const since = (started: number) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** The run data of one node in a stored execution (first run, main output 0). */
const nodeItems = (execution: ExecutionDetail, node: string) => execution.data.resultData.runData[node]?.[0]?.data?.main[0] ?? [];
const postToTrigger = async (query: string, body: string) => {
	const answer = await fetch(`${triggerUrl}${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
	return { status: answer.status, json: (await answer.json()) as Record<string, unknown> };
};

beforeAll(async () => {
	let started = Date.now();
	emulators = await startEmulators({ argosOptions: { allowHttpWebhooks: true } });
	// The example's project: Private Mode with token pre-registration (dashboard: Security Settings).
	emulators.argos.liveformSettings.privateMode = true;
	emulators.argos.liveformSettings.preRegistration = true;
	const credentials = { ...emulators.credentials, argosIdentityApi: { ...emulators.credentials.argosIdentityApi, webhookToken: WEBHOOK_TOKEN } };
	n8n = await N8nInstance.withExamples(repoRoot, credentials);
	const port = await freePort();
	const webhookUrl = `http://127.0.0.1:${port}/`;
	// n8n's production URL: N8N_WEBHOOK_URL + webhook/<the node's webhookId>/<the trigger's path>.
	triggerUrl = `${webhookUrl}webhook/${ARGOS_TRIGGER_WEBHOOK_ID}/webhook`;
	await prepareLiveFlow(n8n, repoRoot, webhookUrl, [ARGOS_FLOW_WORKFLOWS.approvedAml]);
	timings.push(`package installed, examples imported and published in ${since(started)}`);
	started = Date.now();
	editor = await startEditor(n8n, port);
	rest = await N8nRest.login(editor.url);
	// n8n answers /healthz before it has activated published workflows: until then the URL is 404. A
	// delivery without the token is refused (401) once the trigger listens, and starts nothing.
	await waitFor('the Argos Identity Trigger to listen', async () => (await postToTrigger('', '{}').catch(() => undefined))?.status === 401, 60_000).catch(
		(error: Error) => {
			throw new Error(`${error.message}\n${editor.log().slice(-4000)}`);
		},
	);
	// The dashboard's Webhook URL (Settings → General → Access Management), with the credential's token.
	emulators.argos.configureWebhook({ url: `${triggerUrl}?token=${WEBHOOK_TOKEN}` });
	timings.push(`n8n started, the trigger listening in ${since(started)}`);
	mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await editor?.stop();
	await emulators?.argos.settle();
	await emulators?.close();
	if (editor) {
		const logFile = path.join(n8n.userFolder, 'n8n-start.log');
		writeFileSync(logFile, editor.log());
		timings.push(`n8n's log: ${logFile}`);
	}
	console.log(timings.join('\n'));
});

test('(a) a delivery without the Webhook Token, or with another, is refused 401 and starts no execution', async () => {
	const event = JSON.stringify({ webhook_trigger: 'approved', submission_id: 'forged-submission-1' });
	expect(await postToTrigger('', event)).toEqual({ status: 401, json: { message: 'Invalid or missing token' } });
	expect(await postToTrigger('?token=not-the-token', event)).toEqual({ status: 401, json: { message: 'Invalid or missing token' } });
	await new Promise((resolve) => setTimeout(resolve, 1000));
	expect(await rest.executions(ARGOS_FLOW_WORKFLOWS.approvedAml)).toEqual([]);
});

test('(b) the verification-link workflow registers a Private Mode token and e-mails a Liveform link with the allowed countries encrypted', async () => {
	const started = Date.now();
	const { argos } = emulators;
	// `n8n execute` beside the running n8n (same database): its own task broker port.
	const result = await n8n.execute(ARGOS_FLOW_WORKFLOWS.verificationLink, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
	expect(result.run.data.resultData.error).toBeUndefined();
	const made = result.run.data.resultData.runData['Create verification link'][0].data!.main[0]![0].json as { url: string; tokenId: string; projectId: string };
	expect(made.projectId).toBe(ARGOS_PROJECT_ID);
	expect(argos.tokens.has(made.tokenId)).toBe(true);
	const link = new URL(made.url);
	expect(`${link.origin}${link.pathname}`).toBe('https://form.argosidentity.com/');
	expect(Object.fromEntries(link.searchParams)).toEqual({
		pid: ARGOS_PROJECT_ID,
		email: LINK.email,
		userid: LINK.userid,
		cf1: LINK.cf1,
		tokenId: made.tokenId,
		lang: 'en',
		encrypted: expect.any(String),
	});
	expect(made.url).not.toContain('GBR');
	const mail = await waitFor('the verification e-mail', () => emulators.mail.messages.find((message) => message.subject === 'Please verify your identity'));
	expect(mail.to).toEqual([LINK.email]);
	expect(mail.text).toContain(made.url);
	Object.assign(journey, { url: made.url, tokenId: made.tokenId });
	timings.push(`(b) link made and e-mailed (n8n execute) in ${since(started)}`);
});

test('(c) Chromium submits an ID and a selfie through the link; once approved, the Argos Trigger runs the workflow in n8n, which puts the submission under AML monitoring', async () => {
	let started = Date.now();
	const { argos } = emulators;
	expect(journey.url).toBeDefined();
	// Nothing may leave the machine: every name but loopback fails to resolve.
	browser = await launchChromium(['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1']);
	page = await browser.newPage({ viewport: { width: 820, height: 520 } });
	// The link names form.argosidentity.com; the emulator serves the same page on loopback.
	await page.goto(localLiveformUrl(journey.url!, argos.liveformUrl));
	expect(await page.title()).toBe('ARGOS ID Check');
	// What the Liveform read from the link, the decrypted allowed countries included.
	const shown = await page.locator('#params li').allTextContents();
	expect(shown).toEqual(
		expect.arrayContaining([
			`email: ${LINK.email}`,
			`userid: ${LINK.userid}`,
			`cf1: ${LINK.cf1}`,
			`tokenId: ${journey.tokenId}`,
			`allowedCountries: ${LINK.allowedCountries}`,
		]),
	);
	// Opening the link started its token's 3 minutes [QS-TOKEN].
	expect(argos.tokenFirstUse.has(journey.tokenId!)).toBe(true);
	await page.getByLabel('ID type').selectOption('passport');
	await page.getByLabel('ID document').setInputFiles(argosFile('idImage.jpg'));
	await page.getByLabel('Selfie').setInputFiles(argosFile('selfieImage.jpg'));
	await page.screenshot({ path: path.join(screenshots, 'argos-liveform.png'), fullPage: true });
	await page.getByRole('button', { name: 'Submit' }).click();
	const done = page.locator('#done');
	await done.waitFor({ timeout: 15_000 });
	const submissionId = (await done.getAttribute('data-submission-id'))!;
	journey.submissionId = submissionId;
	timings.push(`(c) Liveform completed in Chromium in ${since(started)}`);

	started = Date.now();
	// What the emulator stored from the browser's upload: the bytes as sent, and the link's fields.
	const submission = argos.submissions.get(submissionId)!;
	expect(submission).toMatchObject({ email: LINK.email, userid: LINK.userid, tokenId: journey.tokenId, cf: { cf1: LINK.cf1 }, idType: 'passport' });
	expect(submission.kyc?.result).toBe('pending');
	expect(submission.images.idImage?.equals(readFileSync(argosFile('idImage.jpg')))).toBe(true);
	expect(submission.images.selfieImage?.equals(readFileSync(argosFile('selfieImage.jpg')))).toBe(true);
	// created and submit went to n8n too: the trigger takes only approved, so each is acknowledged and starts nothing.
	await argos.settle();
	// (The emulator records deliveries in the order their answers came: the two may swap.)
	expect(argos.deliveries.map(({ event, status }) => `${event} ${status}`).sort()).toEqual(['created 200', 'submit 200']);
	expect(await rest.executions(ARGOS_FLOW_WORKFLOWS.approvedAml)).toEqual([]);

	// What Argos's OCR read from the passport (AML screening needs a name and a birth date); a reviewer approves.
	submission.data = { full_name: 'Jane Applicant', date_of_birth: '1991-02-03', nationality: 'GBR' };
	argos.review(submissionId, 'approved');
	await argos.settle();
	const approved = argos.deliveries.filter((delivery) => delivery.event === 'approved');
	expect(approved.map(({ submissionId: id, status }) => ({ id, status }))).toEqual([{ id: submissionId, status: 200 }]);

	const [run] = await rest.waitForExecutions(ARGOS_FLOW_WORKFLOWS.approvedAml, 1);
	expect(run).toMatchObject({ status: 'success', mode: 'webhook' });
	const execution = await rest.execution(run.id);
	expect(execution.data.resultData.error).toBeUndefined();
	expect(nodeItems(execution, 'Argos Identity Trigger')[0].json).toMatchObject({
		webhook_trigger: 'approved',
		submission_id: submissionId,
		tokenId: journey.tokenId,
	});
	expect(nodeItems(execution, 'Get the submission')[0].json).toMatchObject({ submission_id: submissionId, email: LINK.email, kyc: { result: 'approved' } });
	expect(nodeItems(execution, 'Add to AML monitoring')[0].json).toMatchObject({ worklistId: ARGOS_WORKLIST_ID, successCount: 1, failedCount: 0 });
	expect([...argos.worklists.get(ARGOS_WORKLIST_ID)!.records.values()].map((record) => record.submissionId)).toEqual([submissionId]);
	timings.push(`(c) approved, run in n8n, under AML monitoring in ${since(started)}`);

	// The submission has a KYC status: the same link no longer opens the form [QS-TOKEN].
	await page.goto(localLiveformUrl(journey.url!, argos.liveformUrl));
	expect(page.url()).toMatch(/\/form\/error-page\/used-token$/);
	await expect(page.locator('.error').getAttribute('data-code')).resolves.toBe('PV-40013');
	await page.screenshot({ path: path.join(screenshots, 'argos-liveform-used-link.png'), fullPage: true });
});

test('(d) the approved delivery sent again answers 200 and starts no second execution', async () => {
	const { argos } = emulators;
	const approved = argos.deliveries.find((delivery) => delivery.event === 'approved' && delivery.submissionId === journey.submissionId)!;
	expect(approved).toBeDefined();
	expect(await postToTrigger(`?token=${WEBHOOK_TOKEN}`, approved.body)).toEqual({ status: 200, json: { received: true, duplicate: true } });
	await new Promise((resolve) => setTimeout(resolve, 1500));
	expect(await rest.executions(ARGOS_FLOW_WORKFLOWS.approvedAml)).toHaveLength(1);
	expect(argos.worklists.get(ARGOS_WORKLIST_ID)!.records.size).toBe(1);
});

test("(e) neither the Webhook Token nor the API key is in n8n's log or in any stored execution; the log says where to paste the URL", async () => {
	const log = editor.log();
	expect(log).toContain(`paste ${triggerUrl}?token=<the Webhook Token of the credential>`);
	const [run] = await rest.executions(ARGOS_FLOW_WORKFLOWS.approvedAml);
	const execution = await rest.execution(run.id);
	for (const secret of [WEBHOOK_TOKEN, emulators.argos.apiKey]) expectNoSecret(secret, log, execution);
});
