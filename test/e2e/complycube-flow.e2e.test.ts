import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { launchChromium } from '../../scripts/e2e/chromium';
import { EDITOR_OWNER, executionCanvas, startEditor, type RunningEditor } from '../../scripts/e2e/editor';
import { startHttpsStub, type HttpsStub } from '../../scripts/e2e/https-stub';
import { FLOW_WORKFLOWS, N8nRest, prepareLiveFlow, productionUrls, waitFor, waitForLiveFlow, type ExecutionDetail } from '../../scripts/e2e/live-flow';
import { N8nInstance } from '../../scripts/e2e/n8n-instance';
import { freePort } from '../../scripts/free-port';
import { startEmulators, type Emulators } from '../emulators/all';
import { complyCubeSignature, type ComplyCubeWorkflowSession } from '../emulators/complycube';

/**
 * The ComplyCube flow live in a real n8n (this jest project's cell: n8n version × binary data mode;
 * `n8n start`, this package installed as a community package): the intake form and both ComplyCube
 * Triggers marked active (2.x: published), so n8n activates them on start
 * and the triggers register their production webhook URLs with the emulator; the applicant's form
 * post runs the intake; the emulator's signed deliveries start the decision and session-outcome
 * workflows; forged and replayed deliveries start nothing; a real browser completes the hosted
 * verification page; deactivating removes the webhooks. Screenshots go to SCREENSHOTS_DIR.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const screenshots = process.env.SCREENSHOTS_DIR ?? mkdtempSync(path.join(tmpdir(), 'identity-uploads-screens-'));
const filesFolder = path.join(repoRoot, 'examples', 'files');
const fileBytes = (name: string) => readFileSync(path.join(filesFolder, name));
const applicant = JSON.parse(readFileSync(path.join(filesFolder, 'applicant.json'), 'utf8')) as {
	form: Record<string, string>;
	hostedPage: { documentType: string; idFront: string; idBack: string; selfie: string };
};
const mimeOf = (name: string) => (name.endsWith('.png') ? 'image/png' : 'image/jpeg');
const SUCCESS_URL = 'https://example.com/kyc/thank-you';

let emulators: Emulators;
let n8n: N8nInstance;
let editor: RunningEditor;
let rest: N8nRest;
let webhookUrl: string;
let urls: ReturnType<typeof productionUrls>;
let reports: string;
let stub: HttpsStub | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const writtenReports: string[] = [];
const timings: string[] = [];
const since = (started: number) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** The run data of one node in a stored execution (first run, main output 0). */
const nodeItems = (execution: ExecutionDetail, node: string, output = 0) => execution.data.resultData.runData[node]?.[0]?.data?.main[output] ?? [];

beforeAll(async () => {
	let started = Date.now();
	// Checks complete after 0.5 s (default 1.5 s) to keep the run short; retries soon, should n8n not answer.
	emulators = await startEmulators({ complyCubeOptions: { allowHttpWebhooks: true, checkDelayMs: 500, deliveryRetryDelaysMs: [500, 1000] } });
	n8n = await N8nInstance.withExamples(repoRoot, emulators.credentials);
	const port = await freePort();
	webhookUrl = `http://127.0.0.1:${port}/`;
	urls = productionUrls(webhookUrl);
	reports = await prepareLiveFlow(n8n, repoRoot, webhookUrl);
	timings.push(`package installed, examples imported and published in ${since(started)}`);
	started = Date.now();
	editor = await startEditor(n8n, port);
	rest = await N8nRest.login(editor.url);
	try {
		await waitForLiveFlow(emulators.complyCube.webhooks, webhookUrl);
	} catch (error) {
		throw new Error(`${(error as Error).message}\n${editor.log().slice(-4000)}`);
	}
	timings.push(`n8n started, workflows active in ${since(started)}`);
	mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
	await context?.close();
	await browser?.close();
	await stub?.close();
	await editor?.stop();
	await emulators?.close();
	for (const file of writtenReports) rmSync(file, { force: true });
	if (editor) {
		const logFile = path.join(n8n.userFolder, 'n8n-start.log');
		writeFileSync(logFile, editor.log());
		timings.push(`n8n's log: ${logFile}`);
	}
	console.log(timings.join('\n'));
});

test('(a) on activation each ComplyCube Trigger registered its production webhook URL, for every event ("*"), and kept id and secret', async () => {
	expect((await rest.workflow(FLOW_WORKFLOWS.formIntake)).active).toBe(true);
	const hooks = [...emulators.complyCube.webhooks.values()];
	expect(hooks).toHaveLength(2);
	// n8n's production URL: N8N_WEBHOOK_URL + webhook/<the node's webhookId>/<the trigger's path> (that n8n answers there, (b) shows).
	const expected = [
		{ workflow: FLOW_WORKFLOWS.checkDecision, node: 'When a check completes', url: urls.checkDecisionWebhook, events: ['*'] },
		{ workflow: FLOW_WORKFLOWS.sessionOutcome, node: 'When a verification completes', url: urls.sessionOutcomeWebhook, events: ['*'] },
	];
	for (const { workflow, node, url, events } of expected) {
		const hook = hooks.find((candidate) => candidate.url === url);
		expect(hook).toMatchObject({ enabled: true, events, description: expect.stringContaining('n8n workflow') });
		const saved = await rest.workflow(workflow);
		expect(saved.active).toBe(true);
		// What the trigger kept in the workflow's static data: the webhook's id and the secret ComplyCube returned once.
		expect((saved.staticData as Record<string, unknown>)[`node:${node}`]).toMatchObject({ webhookId: hook!.id, webhookSecret: hook!.secret, seenEvents: [] });
	}
});

test('(b) the production form, posted as the browser does: client, document images, live photo, identity check; the signed check.completed runs the decision workflow', async () => {
	const started = Date.now();
	const form = await fetch(urls.form);
	expect(form.status).toBe(200);
	const html = await form.text();
	// The field names n8n's form uses (field-0 … field-5), by their labels.
	const fieldOf = new Map([...html.matchAll(/<label[^>]*for='(field-\d+)'>([^<]+)<\/label>/g)].map(([, name, label]) => [label.trim(), name]));
	expect([...fieldOf.keys()]).toEqual(Object.keys(applicant.form));
	expect([...fieldOf.values()]).toEqual(['field-0', 'field-1', 'field-2', 'field-3', 'field-4', 'field-5']);
	const body = new FormData();
	for (const [label, value] of Object.entries(applicant.form)) {
		const name = fieldOf.get(label)!;
		if (/\.(jpe?g|png)$/.test(value)) body.append(name, new Blob([new Uint8Array(fileBytes(value))], { type: mimeOf(value) }), value);
		else body.append(name, value);
	}
	const submitted = await fetch(urls.form, { method: 'POST', body });
	expect(submitted.status).toBe(200);
	await submitted.text();

	const [intake] = await rest.waitForExecutions(FLOW_WORKFLOWS.formIntake, 1);
	expect(intake).toMatchObject({ status: 'success', mode: 'webhook' });
	const cc = emulators.complyCube;
	const clients = [...cc.clients.values()].filter((client) => client.email === applicant.form.Email);
	expect(clients).toHaveLength(1);
	const client = clients[0] as { id: string; personDetails: Record<string, string> };
	expect(client.personDetails).toMatchObject({ firstName: applicant.form['First name'], lastName: applicant.form['Last name'] });
	const [document] = [...cc.documents.values()].filter((candidate) => candidate.clientId === client.id);
	expect(document).toMatchObject({ type: 'driving_license', issuingCountry: 'GB' });
	expect(document.images.front?.data.equals(fileBytes(applicant.form['ID front']))).toBe(true);
	expect(document.images.front?.fileName).toBe(applicant.form['ID front']);
	expect(document.images.back?.data.equals(fileBytes(applicant.form['ID back']))).toBe(true);
	expect(document.images.back?.fileName).toBe(applicant.form['ID back']);
	const photos = [...cc.livePhotos.values()].filter((photo) => photo.clientId === client.id);
	expect(photos).toHaveLength(1);
	expect(photos[0].data.equals(fileBytes(applicant.form.Selfie))).toBe(true);
	expect(photos[0].performLivenessCheck).toBe(true);
	const checks = [...cc.checks.values()].filter((check) => check.clientId === client.id);
	expect(checks).toHaveLength(1);
	expect(checks[0]).toMatchObject({ type: 'identity_check', documentId: document.id, livePhotoId: photos[0].id });

	// The check completes at the emulator, which signs and delivers check.completed to n8n's production URL.
	await cc.settle();
	const check = cc.checks.get(checks[0].id)!;
	expect(check).toMatchObject({ status: 'complete', result: { outcome: 'clear' } });
	const hook = [...cc.webhooks.values()].find((candidate) => candidate.url === urls.checkDecisionWebhook)!;
	// The webhook takes every event (the trigger picks check.completed on its side): each is acknowledged at once.
	const toHook = cc.deliveries.filter((delivery) => delivery.webhookId === hook.id);
	expect(toHook.every(({ status, attempt }) => status === 200 && attempt === 1)).toBe(true);
	const deliveries = toHook.filter((delivery) => delivery.eventType === 'check.completed');
	expect(deliveries).toHaveLength(1);
	expect(deliveries[0].signature).toBe(complyCubeSignature(hook.secret, deliveries[0].body));
	expect((JSON.parse(deliveries[0].body) as { payload: { id: string } }).payload.id).toBe(check.id);

	const [decision] = await rest.waitForExecutions(FLOW_WORKFLOWS.checkDecision, 1);
	expect(decision).toMatchObject({ status: 'success', mode: 'webhook' });
	const run = await rest.execution(decision.id);
	expect(run.data.resultData.error).toBeUndefined();
	// Fetch Full Resource: the trigger's item carries the whole check, so the If node branches on its result.
	expect(nodeItems(run, 'When a check completes')[0].json).toMatchObject({ type: 'check.completed', check: { id: check.id, result: { outcome: 'clear' } } });
	expect(nodeItems(run, 'Mark client verified')).toHaveLength(1);
	expect(run.data.resultData.runData['Ask compliance to review']).toBeUndefined();
	expect(cc.clients.get(client.id)?.metadata).toEqual({ kycStatus: 'verified', kycCheckId: check.id });
	timings.push(`(b) form post to decision done in ${since(started)}`);
});

/** The check.completed delivery (b) caused: its body, signature and event id. */
function deliveredCheckEvent() {
	const cc = emulators.complyCube;
	const hook = [...cc.webhooks.values()].find((candidate) => candidate.url === urls.checkDecisionWebhook)!;
	return cc.deliveries.find((delivery) => delivery.webhookId === hook.id && delivery.status === 200 && delivery.eventType === 'check.completed')!;
}

const postDelivery = (body: string, headers: Record<string, string>) =>
	fetch(urls.checkDecisionWebhook, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

test('(c) a forged, missing or stale signature answers 401 and starts no execution', async () => {
	const delivered = deliveredCheckEvent();
	const before = (await rest.executions(FLOW_WORKFLOWS.checkDecision)).length;

	const forged = await postDelivery(delivered.body, { 'ComplyCube-Signature': complyCubeSignature('not-the-webhook-secret', delivered.body) });
	expect(forged.status).toBe(401);
	expect(await forged.json()).toEqual({ message: 'Invalid or missing ComplyCube-Signature' });
	const unsigned = await postDelivery(delivered.body, {});
	expect(unsigned.status).toBe(401);
	await unsigned.text();
	// Another event id in the body under the old signature: the signature covers the whole raw body.
	const tampered = await postDelivery(delivered.body.replace(delivered.eventId, 'ffffffffffffffffffffffff'), { 'ComplyCube-Signature': delivered.signature });
	expect(tampered.status).toBe(401);
	await tampered.text();

	// Nothing was started: give n8n time to have stored an execution, had it started one.
	await new Promise((resolve) => setTimeout(resolve, 1000));
	expect((await rest.executions(FLOW_WORKFLOWS.checkDecision)).length).toBe(before);
});

test('(c) a replayed valid delivery answers 200 and starts no execution', async () => {
	const delivered = deliveredCheckEvent();
	const before = (await rest.executions(FLOW_WORKFLOWS.checkDecision)).length;
	// ComplyCube's signature has no timestamp: a replay verifies, and only the remembered event id stops it.
	const replayed = await postDelivery(delivered.body, { 'ComplyCube-Signature': delivered.signature });
	expect(replayed.status).toBe(200);
	const replayAnswer = await replayed.text();

	await new Promise((resolve) => setTimeout(resolve, 1500));
	expect((await rest.executions(FLOW_WORKFLOWS.checkDecision)).length).toBe(before);
	expect(replayAnswer).toBe(JSON.stringify({ received: true, duplicate: true }));
	const saved = await rest.workflow(FLOW_WORKFLOWS.checkDecision);
	// Kept as the sha256 of the event id (nodes/ComplyCube/trigger/delivery.ts eventKey), never the id as sent.
	const digest = createHash('sha256').update(`id:${delivered.eventId}`).digest('hex');
	expect((saved.staticData as Record<string, { seenEvents: string[] }>)['node:When a check completes'].seenEvents).toEqual([digest]);
});

test('(d) Chromium completes the hosted page of the link the verification-link workflow sent; the session outcome workflow archives the PDF report', async () => {
	let started = Date.now();
	const cc = emulators.complyCube;
	const mailsBefore = emulators.mail.messages.length;
	const decisionsBefore = (await rest.executions(FLOW_WORKFLOWS.checkDecision)).length;
	// `n8n execute` beside the running n8n (same database): its own task broker port.
	const result = await n8n.execute(FLOW_WORKFLOWS.verificationLink, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) });
	expect(result.run.data.resultData.error).toBeUndefined();
	const runData = result.run.data.resultData.runData;
	const clientId = runData['Create client'][0].data!.main[0]![0].json.id as string;
	const redirectUrl = runData['Create verification link'][0].data!.main[0]![0].json.redirectUrl as string;
	const mail = await waitFor('the verification e-mail', () =>
		emulators.mail.messages.slice(mailsBefore).find((message) => message.subject === 'Please verify your identity'),
	);
	expect(mail.text).toContain(redirectUrl);
	const session = [...cc.flowSessions.values()].find((candidate) => candidate.redirectUrl === redirectUrl)!;
	expect(session).toMatchObject({ clientId, successUrl: SUCCESS_URL, used: false });
	timings.push(`(d) verification link sent (n8n execute) in ${since(started)}`);

	started = Date.now();
	// The success URL is on example.com: nothing may leave the machine. page.route catches the browser's
	// own requests there, but not a redirect's target (Playwright routes only a redirect chain's first
	// request), so Chromium resolves example.com to a local https stub as well.
	stub = await startHttpsStub('example.com', () => '<!doctype html><title>Thank you</title><h1>Thank you, your verification is being processed</h1>');
	browser = await launchChromium([`--host-resolver-rules=MAP example.com 127.0.0.1:${stub.port}, MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1`]);
	context = await browser.newContext({ viewport: { width: 820, height: 440 }, ignoreHTTPSErrors: true });
	page = await context.newPage();
	const routed: string[] = [];
	await page.route('https://example.com/**', async (route) => {
		routed.push(route.request().url());
		await route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><h1>Thank you (routed)</h1>' });
	});
	await page.goto(redirectUrl);
	const { hostedPage } = applicant;
	await page.getByLabel('I consent').check();
	await page.getByLabel('Document type').selectOption(hostedPage.documentType);
	await page.getByLabel('ID front').setInputFiles(path.join(filesFolder, hostedPage.idFront));
	await page.getByLabel('ID back').setInputFiles(path.join(filesFolder, hostedPage.idBack));
	await page.getByLabel('Selfie').setInputFiles(path.join(filesFolder, hostedPage.selfie));
	await page.screenshot({ path: path.join(screenshots, 'complycube-hosted-page.png'), fullPage: true });
	await Promise.all([page.waitForURL(SUCCESS_URL), page.getByRole('button', { name: 'Submit' }).click()]);
	expect(page.url()).toBe(SUCCESS_URL);
	await expect(page.locator('h1').textContent()).resolves.toContain('Thank you');
	expect(stub.requests).toEqual([{ method: 'GET', path: '/kyc/thank-you' }]);
	expect(routed).toEqual([]);
	timings.push(`(d) hosted page completed in Chromium in ${since(started)}`);

	started = Date.now();
	// What the emulator stored from the browser's upload.
	expect(cc.flowSessions.get(session.token)?.used).toBe(true);
	const [document] = [...cc.documents.values()].filter((candidate) => candidate.clientId === clientId);
	expect(document.type).toBe('driving_license');
	expect(document.images.front?.data.equals(fileBytes(hostedPage.idFront))).toBe(true);
	expect(document.images.back?.data.equals(fileBytes(hostedPage.idBack))).toBe(true);
	expect([...cc.livePhotos.values()].filter((photo) => photo.clientId === clientId).map((photo) => photo.data.equals(fileBytes(hostedPage.selfie)))).toEqual([
		true,
	]);

	// The session's checks complete; the session completes; workflowSession.completed is signed and delivered.
	await cc.settle();
	const workflowSession = cc.workflowSessions.get(cc.flowSessions.get(session.token)!.workflowSessionId!) as ComplyCubeWorkflowSession;
	expect(workflowSession).toMatchObject({ clientId, status: 'complete', outcome: 'clear' });
	const hook = [...cc.webhooks.values()].find((candidate) => candidate.url === urls.sessionOutcomeWebhook)!;
	const deliveries = cc.deliveries.filter((delivery) => delivery.webhookId === hook.id && delivery.eventType === 'workflowSession.completed');
	expect(deliveries.map(({ eventType, status }) => ({ eventType, status }))).toEqual([{ eventType: 'workflowSession.completed', status: 200 }]);

	const [outcome] = await rest.waitForExecutions(FLOW_WORKFLOWS.sessionOutcome, 1);
	expect(outcome).toMatchObject({ status: 'success', mode: 'webhook' });
	const run = await rest.execution(outcome.id);
	expect(nodeItems(run, 'When a verification completes')[0].json).toMatchObject({ type: 'workflowSession.completed', payload: { id: workflowSession.id } });
	expect(nodeItems(run, 'Get workflow session')[0].json).toMatchObject({
		id: workflowSession.id,
		clientId,
		status: 'complete',
		outcome: workflowSession.outcome,
	});
	expect(run.data.resultData.runData['Ask compliance to review']).toBeUndefined();
	const report = nodeItems(run, 'Archive the report')[0];
	const fileName = report.binary?.data?.fileName as string;
	expect(fileName).toContain(workflowSession.id);
	expect(report.json.fileName).toBe(`reports/${fileName}`);
	const written = path.join(reports, fileName);
	writtenReports.push(written);
	expect(existsSync(written)).toBe(true);
	const pdf = readFileSync(written);
	expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	expect(pdf.subarray(-8).toString('latin1')).toContain('%%EOF');
	// The hosted page's two checks (document and identity) reached the decision workflow too, and both runs succeeded.
	const decisions = await rest.waitForExecutions(FLOW_WORKFLOWS.checkDecision, decisionsBefore + 2);
	expect(decisions.slice(decisionsBefore).map((execution) => execution.status)).toEqual(['success', 'success']);
	expect(cc.clients.get(clientId)?.metadata).toMatchObject({ kycStatus: 'verified' });
	timings.push(`(d) session outcome run and report checked in ${since(started)}`);

	// The execution in the editor: the canvas, then the Get workflow session node's input (the trigger's output) and output.
	started = Date.now();
	const editorPage = await context.newPage();
	await editorPage.setViewportSize({ width: 1600, height: 1000 });
	expect(
		(await editorPage.request.post(`${editor.url}/rest/login`, { data: { emailOrLdapLoginId: EDITOR_OWNER.email, password: EDITOR_OWNER.password } })).status(),
	).toBe(200);
	await editorPage.goto(`${editor.url}/workflow/${FLOW_WORKFLOWS.sessionOutcome}/executions/${outcome.id}`);
	// The canvas is in the page (n8n 2) or in the workflow preview's iframe (n8n 1.x).
	const canvas = await executionCanvas(editorPage, 'Get workflow session');
	const node = canvas.locator('[data-test-id="canvas-node"][data-node-name="Get workflow session"]');
	await canvas.locator('[data-test-id="canvas-node-status-success"]').first().waitFor({ timeout: 30_000 });
	await editorPage.locator(`[data-test-id="execution-details-${outcome.id}"]`).waitFor({ timeout: 30_000 });
	// The canvas and the list fade in: wait for the page to settle, and finish any running animation for the shot.
	await editorPage.waitForLoadState('networkidle');
	await editorPage.screenshot({ path: path.join(screenshots, 'complycube-session-execution.png'), animations: 'disabled' });
	await node.dblclick();
	const output = canvas.locator('[data-test-id="output-panel"]');
	await output.waitFor({ timeout: 30_000 });
	await output.locator('[data-test-id="radio-button-schema"]').click();
	await output.getByText(workflowSession.id).first().waitFor({ timeout: 15_000 });
	// A key near the top of the schema: n8n 1.x renders only the rows in view (its schema list is virtual).
	await output.getByText('workflowTemplateName', { exact: true }).filter({ visible: true }).first().waitFor({ timeout: 15_000 });
	await canvas
		.locator('[data-test-id="ndv-input-panel"]')
		.getByText('workflowSession.completed')
		.filter({ visible: true })
		.first()
		.waitFor({ timeout: 15_000 });
	await editorPage.screenshot({ path: path.join(screenshots, 'complycube-session-execution-node.png'), animations: 'disabled' });
	await editorPage.close();
	timings.push(`(d) editor screenshots in ${since(started)}`);
});

test('(e) deactivating the trigger workflows deletes their webhooks at ComplyCube; their URLs then answer 404', async () => {
	const started = Date.now();
	for (const id of [FLOW_WORKFLOWS.checkDecision, FLOW_WORKFLOWS.sessionOutcome]) await rest.deactivate(id);
	// n8n 2.40 unpublishes through its publication outbox: the triggers' delete hooks run shortly after the answer.
	await waitFor('the webhooks to be deleted', () => emulators.complyCube.webhooks.size === 0, 15_000);
	timings.push(`(e) webhooks deleted ${since(started)} after the deactivation requests`);
	for (const [id, node] of [
		[FLOW_WORKFLOWS.checkDecision, 'When a check completes'],
		[FLOW_WORKFLOWS.sessionOutcome, 'When a verification completes'],
	]) {
		const saved = await rest.workflow(id);
		expect(saved.active).toBe(false);
		expect((saved.staticData as Record<string, Record<string, unknown>> | null)?.[`node:${node}`] ?? {}).not.toHaveProperty('webhookId');
	}
	const gone = await fetch(urls.checkDecisionWebhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	expect(gone.status).toBe(404);
	await gone.text();
	// The form workflow stays active.
	expect((await rest.workflow(FLOW_WORKFLOWS.formIntake)).active).toBe(true);
});
