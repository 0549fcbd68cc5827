import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ArgosIdentityTrigger } from '../../../nodes/ArgosIdentity/ArgosIdentityTrigger.node';
import { ARGOS_ADMIN_EMAIL, ARGOS_SEEDED_SUBMISSION_IDS, argosEncrypt, startArgosEmulator, type ArgosEmulator, type ArgosEncryptionModule } from '../../emulators/argos';
import type { WorkflowJson } from '../../engine/run-workflow';
import { TriggerHarness } from '../../engine/trigger-harness';
import { expectNoSecret } from '../../support/expect-no-secret';

const [APPROVED, REJECTED, PENDING] = ARGOS_SEEDED_SUBMISSION_IDS;
const TRIGGER = 'Argos Identity Trigger';
const TOKEN = 'webhook-token-5e1f0c';

function triggerWorkflow(parameters: Record<string, unknown> = {}): WorkflowJson {
	const workflow = JSON.parse(readFileSync(path.join(__dirname, 'trigger.workflow.json'), 'utf8')) as WorkflowJson;
	const trigger = workflow.nodes.find((node) => node.name === TRIGGER)!;
	trigger.parameters = { ...trigger.parameters, ...parameters } as typeof trigger.parameters;
	return workflow;
}

let emulator: ArgosEmulator;
let harness: TriggerHarness | undefined;

/** The trigger running, and the emulator's dashboard pointed at its URL (with ?token= when the credential has one). */
async function start(
	parameters: Record<string, unknown> = {},
	credentials: Record<string, string> = {},
	dashboard: { encrypted?: boolean; secretKey?: string; withToken?: boolean; module?: ArgosEncryptionModule } = {},
) {
	harness = await TriggerHarness.start(triggerWorkflow(parameters), { argosIdentityApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl, ...credentials } });
	await harness.activate();
	const url = dashboard.withToken === false || !credentials.webhookToken ? harness.webhookUrl : `${harness.webhookUrl}?token=${encodeURIComponent(credentials.webhookToken)}`;
	emulator.configureWebhook({ url, encrypted: dashboard.encrypted, secretKey: dashboard.secretKey, module: dashboard.module });
	return harness;
}

const approve = async (submissionId: string, kycStatus = 'approved') =>
	await fetch(`${emulator.baseUrl}/submission`, {
		method: 'PATCH',
		headers: { 'x-api-key': emulator.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ submissionId, admin: ARGOS_ADMIN_EMAIL, data: { kycStatus } }),
	});

beforeEach(async () => {
	emulator = await startArgosEmulator({ allowHttpWebhooks: true });
});
afterEach(async () => {
	await emulator.settle();
	await harness?.close();
	harness = undefined;
	await emulator.close();
});

test('the trigger has no webhook methods: its URL is set in the dashboard, so activation registers nothing', async () => {
	expect((new ArgosIdentityTrigger() as { webhookMethods?: unknown }).webhookMethods).toBeUndefined();
	const trigger = await start();
	expect(trigger.webhookUrl).toBe(`${trigger.origin}/webhook/b7e4c2a9-1d3f-4e5a-8b6c-7d8e9f0a1b2c/webhook`);
	await trigger.deactivate();
	expect(emulator.received).toHaveLength(0);
});

test('approving through the API: the `approved` event runs the workflow once; `updated` (not chosen) is answered and dropped', async () => {
	const trigger = await start();
	expect((await approve(PENDING)).status).toBe(200);
	await emulator.settle();
	const [run] = await trigger.waitForExecutions(1);
	expect(run.error).toBeUndefined();
	expect(run.output('Received')[0].json).toMatchObject({ webhook_trigger: 'approved', submission_id: PENDING, kyc_result: { status: 'approved', reviewer: ARGOS_ADMIN_EMAIL } });
	expect(trigger.executions).toHaveLength(1);
	expect(emulator.deliveries.map((delivery) => [delivery.event, delivery.status])).toEqual([
		['updated', 200],
		['approved', 200],
	]);
	expect(trigger.answers.map((answer) => JSON.parse(answer.body))).toEqual([{ received: true, ignored: true }, { received: true }]);
});

test('"All Events" takes every event, e.g. `updated` and `submit`', async () => {
	const trigger = await start({ events: ['*'] });
	await approve(PENDING, 'rejected');
	emulator.sendWebhook(APPROVED, 'submit');
	await emulator.settle();
	const runs = await trigger.waitForExecutions(3);
	expect(runs.map((run) => run.output('Received')[0].json.webhook_trigger).sort()).toEqual(['rejected', 'submit', 'updated']);
});

test('Fetch Full Submission adds the submission as the API has it, under `submission`', async () => {
	const trigger = await start({ events: ['rejected'], options: { fetchFullSubmission: true } });
	emulator.review(REJECTED, 'rejected', { comment: ['Expired ID.'], commentCode: ['other'] });
	await emulator.settle();
	const [run] = await trigger.waitForExecutions(1);
	const [item] = run.output('Received');
	expect(item.json).toMatchObject({ webhook_trigger: 'rejected', submission_id: REJECTED });
	expect(item.json.submission).toMatchObject({ submission_id: REJECTED, email: 'john.roe@example.com', kyc: { result: 'rejected', comment: ['Expired ID.'] } });
	expect(emulator.received.map(({ method, path: urlPath }) => `${method} ${urlPath}`)).toEqual(['GET /v3/submission']);
	expectNoSecret(emulator.apiKey, run.run.data.resultData);
});

describe('Encrypted Payload', () => {
	test('an encrypted delivery is decrypted with sha256(API key) and runs the workflow', async () => {
		const trigger = await start({ encryptedPayload: true }, {}, { encrypted: true });
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		expect(Object.keys(JSON.parse(emulator.deliveries[0].body))).toEqual(['data']);
		const [run] = await trigger.waitForExecutions(1);
		expect(run.output('Received')[0].json).toMatchObject({ webhook_trigger: 'approved', submission_id: PENDING });
	});

	test('GCM-256: decrypted when the credential says GCM-256, refused when it says AES-256', async () => {
		const trigger = await start({ encryptedPayload: true }, { encryptionModule: 'gcm256' }, { encrypted: true, module: 'gcm256' });
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		const [run] = await trigger.waitForExecutions(1);
		expect(run.output('Received')[0].json).toMatchObject({ webhook_trigger: 'approved', submission_id: PENDING });
		const ecb = await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: argosEncrypt('{"webhook_trigger":"approved"}', emulator.apiKey) }) });
		expect(ecb.status).toBe(401);
		expect(trigger.executions).toHaveLength(1);
	});

	test("with the project's dedicated secretKey in the credential's Encryption Secret Key", async () => {
		const trigger = await start({ encryptedPayload: true }, { secretKey: 'project-secret-key' }, { encrypted: true, secretKey: 'project-secret-key' });
		emulator.review(PENDING, 'rejected');
		await emulator.settle();
		const [run] = await trigger.waitForExecutions(1);
		expect(run.output('Received')[0].json.webhook_trigger).toBe('rejected');
		expectNoSecret('project-secret-key', run.run.data.resultData);
	});

	test.each([
		['a plain JSON body', () => JSON.stringify({ webhook_trigger: 'approved', submission_id: APPROVED }), 'Expected an encrypted body ({"data": "…"}), as Encrypted Payload is on'],
		['a body encrypted with another key', () => JSON.stringify({ data: argosEncrypt(JSON.stringify({ webhook_trigger: 'approved', submission_id: APPROVED }), 'someone-else') }), "The body does not decrypt with the credential's key and Encryption Module"],
		['garbage in data', () => JSON.stringify({ data: 'bm90IGVuY3J5cHRlZA==' }), "The body does not decrypt with the credential's key and Encryption Module"],
	])('%s: 401 and no execution', async (_case, body, message) => {
		const trigger = await start({ encryptedPayload: true });
		const response = await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() });
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ message });
		expect(trigger.executions).toHaveLength(0);
	});

	test('off, an encrypted body that decrypts is still taken; one that does not is refused', async () => {
		const trigger = await start({}, {}, { encrypted: true });
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		await trigger.waitForExecutions(1);
		const forged = await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: argosEncrypt('{"webhook_trigger":"approved"}', 'x') }) });
		expect(forged.status).toBe(401);
		expect(trigger.executions).toHaveLength(1);
	});
});

describe('Webhook Token', () => {
	test('the dashboard URL with ?token= is taken', async () => {
		const trigger = await start({}, { webhookToken: TOKEN });
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		const [run] = await trigger.waitForExecutions(1);
		expect(run.output('Received')[0].json.submission_id).toBe(PENDING);
		expectNoSecret(TOKEN, run.run.data.resultData);
	});

	test.each([
		['no token', ''],
		['a wrong token', '?token=webhook-token-5e1f0d'],
		['a longer token', `?token=${TOKEN}x`],
		['the token under another name', `?secret=${TOKEN}`],
	])('%s: 401 and no execution', async (_case, query) => {
		const trigger = await start({}, { webhookToken: TOKEN }, { withToken: false });
		const response = await fetch(`${trigger.webhookUrl}${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhook_trigger: 'approved', submission_id: APPROVED }) });
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ message: 'Invalid or missing token' });
		expect(trigger.executions).toHaveLength(0);
	});

	test('a dashboard URL without the token: Argos delivers, the trigger refuses', async () => {
		const trigger = await start({}, { webhookToken: TOKEN }, { withToken: false });
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		expect(emulator.deliveries.map((delivery) => delivery.status)).toEqual([401]);
		expect(trigger.executions).toHaveLength(0);
	});
});

test('a body without webhook_trigger starts nothing', async () => {
	const trigger = await start({ events: ['*'] });
	const response = await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":"world"}' });
	expect(response.status).toBe(200);
	expect(await response.json()).toEqual({ received: true, ignored: true });
	expect(trigger.executions).toHaveLength(0);
});

test('Fetch Full Submission for a submission the API does not know: 500, nothing started', async () => {
	const trigger = await start({ options: { fetchFullSubmission: true } });
	const response = await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhook_trigger: 'approved', submission_id: 'gone' }) });
	expect(response.status).toBe(500);
	expect(((await response.json()) as { message: string }).message).toBe("Argos Identity has no submission 'gone'");
	expect(trigger.executions).toHaveLength(0);
});

describe('redeliveries and replays (Argos sends no event id: the key is trigger, submission and content)', () => {
	const post = async (url: string, body: string) => await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

	test('the same event posted again answers 200 duplicate and starts nothing', async () => {
		const trigger = await start();
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		await trigger.waitForExecutions(1);
		const again = await post(trigger.webhookUrl, emulator.deliveries[0].body);
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual({ received: true, duplicate: true });
		expect(trigger.executions).toHaveLength(1);
		const [seen] = trigger.staticData().seenDeliveries as Array<{ key: string }>;
		expect(seen.key).toMatch(new RegExp(`^approved:${PENDING}:[0-9a-f]{64}$`));
	});

	test('encrypted with GCM-256, a redelivery is a new ciphertext of the same event: recognised once decrypted', async () => {
		const trigger = await start({ encryptedPayload: true }, { encryptionModule: 'gcm256' }, { encrypted: true, module: 'gcm256' });
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		await trigger.waitForExecutions(1);
		const sealedAgain = JSON.stringify({ data: argosEncrypt(JSON.stringify(emulator.deliveries[0].payload), emulator.apiKey, 'gcm256') });
		expect(sealedAgain).not.toBe(emulator.deliveries[0].body);
		expect(await (await post(trigger.webhookUrl, sealedAgain)).json()).toEqual({ received: true, duplicate: true });
		expect(trigger.executions).toHaveLength(1);
	});

	test('a later event of the same kind on the same submission runs: its content differs', async () => {
		const trigger = await start({ events: ['updated'] });
		expect((await approve(PENDING)).status).toBe(200);
		const second = await fetch(`${emulator.baseUrl}/submission`, {
			method: 'PATCH',
			headers: { 'x-api-key': emulator.apiKey, 'content-type': 'application/json' },
			body: JSON.stringify({ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, data: { fullName: 'Mei Lin Tan' } }),
		});
		expect(second.status).toBe(200);
		await emulator.settle();
		const runs = await trigger.waitForExecutions(2);
		expect(runs.map((run) => (run.output('Received')[0].json.data as { update: string[] }).update)).toEqual([['kycStatus'], ['fullName']]);
	});

	test('Ignore Repeats Within 0: every delivery runs', async () => {
		const trigger = await start({ options: { repeatWindowMinutes: 0 } });
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		await trigger.waitForExecutions(1);
		expect(await (await post(trigger.webhookUrl, emulator.deliveries[0].body)).json()).toEqual({ received: true });
		await trigger.waitForExecutions(2);
		expect(trigger.staticData().seenDeliveries).toBeUndefined();
	});
});
