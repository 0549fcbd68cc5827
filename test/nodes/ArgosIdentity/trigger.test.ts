import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { ArgosIdentityTrigger } from '../../../nodes/ArgosIdentity/ArgosIdentityTrigger.node';
import { UNAUTHENTICATED_REFUSAL } from '../../../nodes/ArgosIdentity/trigger/delivery';
import {
	ARGOS_ADMIN_EMAIL,
	ARGOS_SEEDED_SUBMISSION_IDS,
	ARGOS_WORKLIST_ID,
	argosEncrypt,
	startArgosEmulator,
	type ArgosEmulator,
	type ArgosEncryptionModule,
} from '../../emulators/argos';
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
/** The URL typed into the emulator's dashboard: the trigger's, with ?token= when the credential has one. */
let dashboardUrl: string;

/**
 * The trigger running, and the emulator's dashboard pointed at its URL (with ?token= when the credential has
 * one). The credential has the Webhook Token TOKEN unless `credentials` says otherwise ({ webhookToken: '' }).
 */
async function start(
	parameters: Record<string, unknown> = {},
	credentials: Record<string, string> = {},
	dashboard: { encrypted?: boolean; secretKey?: string; withToken?: boolean; module?: ArgosEncryptionModule } = {},
) {
	const credential = { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl, webhookToken: TOKEN, ...credentials };
	harness = await TriggerHarness.start(triggerWorkflow(parameters), { argosIdentityApi: credential });
	await harness.activate();
	dashboardUrl =
		dashboard.withToken === false || !credential.webhookToken
			? harness.webhookUrl
			: `${harness.webhookUrl}?token=${encodeURIComponent(credential.webhookToken)}`;
	emulator.configureWebhook({ url: dashboardUrl, encrypted: dashboard.encrypted, secretKey: dashboard.secretKey, module: dashboard.module });
	return harness;
}

const NO_TOKEN = { webhookToken: '' };

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

describe('webhook lifecycle: Argos takes its Webhook URL in its dashboard only', () => {
	test('activation registers nothing at Argos: it records the URL to paste and logs it (never the token); deactivation forgets it', async () => {
		const methods = new ArgosIdentityTrigger().webhookMethods.default;
		expect(Object.keys(methods).sort()).toEqual(['checkExists', 'create', 'delete']);
		const info = jest.spyOn(Container.get(Logger), 'info');
		const trigger = await start();
		expect(trigger.webhookUrl).toBe(`${trigger.origin}/webhook/b7e4c2a9-1d3f-4e5a-8b6c-7d8e9f0a1b2c/webhook`);
		expect(trigger.staticData()).toEqual({ dashboardUrl: trigger.webhookUrl });
		const announced = info.mock.calls.map(([message]) => String(message)).filter((message) => message.includes('Argos dashboard'));
		expect(announced).toEqual([
			`Argos Identity Trigger "${TRIGGER}" is active. Argos sends only to the URL set in its dashboard: paste ${trigger.webhookUrl}?token=<the Webhook Token of the credential> in the Argos dashboard → Settings → General → Access Management → Webhook URL, and save.`,
		]);
		expect(JSON.stringify(info.mock.calls)).not.toContain(TOKEN);
		// n8n started again: the URL was handed over already, nothing new to say.
		await trigger.activate();
		expect(info.mock.calls.filter(([message]) => String(message).includes('is active'))).toHaveLength(1);
		await trigger.deactivate();
		expect(trigger.staticData().dashboardUrl).toBeUndefined();
		expect(emulator.received).toHaveLength(0);
		info.mockRestore();
	});

	test('activation without a token or encryption warns that deliveries will be refused', async () => {
		const warn = jest.spyOn(Container.get(Logger), 'warn');
		await start({}, NO_TOKEN);
		expect(warn.mock.calls.map(([message]) => String(message))).toContainEqual(expect.stringContaining('will refuse (403) every delivery'));
		warn.mockRestore();
	});
});

test('approving through the API: the `approved` event runs the workflow once; `updated` (not chosen) is answered and dropped', async () => {
	const trigger = await start();
	expect((await approve(PENDING)).status).toBe(200);
	await emulator.settle();
	const [run] = await trigger.waitForExecutions(1);
	expect(run.error).toBeUndefined();
	expect(run.output('Received')[0].json).toMatchObject({
		webhook_trigger: 'approved',
		submission_id: PENDING,
		kyc_result: { status: 'approved', reviewer: ARGOS_ADMIN_EMAIL },
	});
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

test('adding an approved submission to AML monitoring: the `aml_monitor` event carries its record', async () => {
	const trigger = await start({ events: ['aml_monitor'] });
	const answer = await fetch(`${emulator.baseUrl}/submission/aml/monitor/${ARGOS_WORKLIST_ID}`, {
		method: 'POST',
		headers: { 'x-api-key': emulator.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ submissionIds: [APPROVED], admin: ARGOS_ADMIN_EMAIL }),
	});
	expect(answer.status).toBe(200);
	await emulator.settle();
	const [run] = await trigger.waitForExecutions(1);
	expect(run.output('Received')[0].json).toMatchObject({
		webhook_trigger: 'aml_monitor',
		submission_id: APPROVED,
		records: [{ worklistId: ARGOS_WORKLIST_ID, recordId: expect.stringContaining(APPROVED), status: 'screenedNoMatches' }],
	});
});

describe('Encrypted Payload', () => {
	test('an encrypted delivery is decrypted with sha256(API key) and runs the workflow', async () => {
		const trigger = await start({ encryptedPayload: true }, NO_TOKEN, { encrypted: true });
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		expect(Object.keys(JSON.parse(emulator.deliveries[0].body))).toEqual(['data']);
		const [run] = await trigger.waitForExecutions(1);
		expect(run.output('Received')[0].json).toMatchObject({ webhook_trigger: 'approved', submission_id: PENDING });
	});

	test('GCM-256: decrypted when the credential says GCM-256, refused when it says AES-256', async () => {
		const trigger = await start({ encryptedPayload: true }, { ...NO_TOKEN, encryptionModule: 'gcm256' }, { encrypted: true, module: 'gcm256' });
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		const [run] = await trigger.waitForExecutions(1);
		expect(run.output('Received')[0].json).toMatchObject({ webhook_trigger: 'approved', submission_id: PENDING });
		const ecb = await fetch(trigger.webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ data: argosEncrypt('{"webhook_trigger":"approved"}', emulator.apiKey) }),
		});
		expect(ecb.status).toBe(401);
		expect(trigger.executions).toHaveLength(1);
	});

	test("with the project's dedicated secretKey in the credential's Encryption Secret Key", async () => {
		const trigger = await start(
			{ encryptedPayload: true },
			{ ...NO_TOKEN, secretKey: 'project-secret-key' },
			{ encrypted: true, secretKey: 'project-secret-key' },
		);
		emulator.review(PENDING, 'rejected');
		await emulator.settle();
		const [run] = await trigger.waitForExecutions(1);
		expect(run.output('Received')[0].json.webhook_trigger).toBe('rejected');
		expectNoSecret('project-secret-key', run.run.data.resultData);
	});

	test.each([
		[
			'a plain JSON body',
			() => JSON.stringify({ webhook_trigger: 'approved', submission_id: APPROVED }),
			'Expected an encrypted body ({"data": "…"}), as Encrypted Payload is on',
		],
		[
			'a body encrypted with another key',
			() => JSON.stringify({ data: argosEncrypt(JSON.stringify({ webhook_trigger: 'approved', submission_id: APPROVED }), 'someone-else') }),
			"The body does not decrypt with the credential's key and Encryption Module",
		],
		['garbage in data', () => JSON.stringify({ data: 'bm90IGVuY3J5cHRlZA==' }), "The body does not decrypt with the credential's key and Encryption Module"],
	])('%s: 401 and no execution', async (_case, body, message) => {
		const trigger = await start({ encryptedPayload: true }, NO_TOKEN);
		const response = await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() });
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ message });
		expect(trigger.executions).toHaveLength(0);
	});

	test('off, an encrypted body that decrypts is still taken (the key authenticates it); one that does not is refused', async () => {
		const trigger = await start({}, NO_TOKEN, { encrypted: true });
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		await trigger.waitForExecutions(1);
		const forged = await fetch(trigger.webhookUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ data: argosEncrypt('{"webhook_trigger":"approved"}', 'x') }),
		});
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
		const response = await fetch(`${trigger.webhookUrl}${query}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ webhook_trigger: 'approved', submission_id: APPROVED }),
		});
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
	const response = await fetch(dashboardUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":"world"}' });
	expect(response.status).toBe(200);
	expect(await response.json()).toEqual({ received: true, ignored: true });
	expect(trigger.executions).toHaveLength(0);
});

test('Fetch Full Submission for a submission the API does not know: 500, nothing started', async () => {
	const trigger = await start({ options: { fetchFullSubmission: true } });
	const response = await fetch(dashboardUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ webhook_trigger: 'approved', submission_id: 'gone' }),
	});
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
		const again = await post(dashboardUrl, emulator.deliveries[0].body);
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual({ received: true, duplicate: true });
		expect(trigger.executions).toHaveLength(1);
		const [seen] = trigger.staticData().seenDeliveries as Array<{ key: string }>;
		expect(seen.key).toMatch(/^[0-9a-f]{64}$/);
	});

	test('encrypted with GCM-256, a redelivery is a new ciphertext of the same event: recognised once decrypted', async () => {
		const trigger = await start({ encryptedPayload: true }, { ...NO_TOKEN, encryptionModule: 'gcm256' }, { encrypted: true, module: 'gcm256' });
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		await trigger.waitForExecutions(1);
		const sealedAgain = JSON.stringify({ data: argosEncrypt(JSON.stringify(emulator.deliveries[0].payload), emulator.apiKey, 'gcm256') });
		expect(sealedAgain).not.toBe(emulator.deliveries[0].body);
		expect(await (await post(dashboardUrl, sealedAgain)).json()).toEqual({ received: true, duplicate: true });
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
		expect(await (await post(dashboardUrl, emulator.deliveries[0].body)).json()).toEqual({ received: true });
		await trigger.waitForExecutions(2);
		expect(trigger.staticData().seenDeliveries).toBeUndefined();
	});
});

describe('deliveries the trigger cannot authenticate (Argos signs nothing)', () => {
	const plain = JSON.stringify({ webhook_trigger: 'approved', submission_id: APPROVED });

	test('no Webhook Token and no encryption: a delivery from Argos is refused 403 and starts nothing; the refusal is logged', async () => {
		const warn = jest.spyOn(Container.get(Logger), 'warn');
		const trigger = await start({}, NO_TOKEN);
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		expect(emulator.deliveries.map((delivery) => delivery.status)).toEqual([403]);
		const forged = await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: plain });
		expect(forged.status).toBe(403);
		expect(await forged.json()).toEqual({ message: UNAUTHENTICATED_REFUSAL });
		expect(trigger.executions).toHaveLength(0);
		expect(warn.mock.calls.map(([message]) => String(message))).toContainEqual(expect.stringContaining('refused a delivery it cannot authenticate (403)'));
		warn.mockRestore();
	});

	test('Accept Unauthenticated Deliveries on: the same delivery runs', async () => {
		const trigger = await start({ acceptUnauthenticated: true }, NO_TOKEN);
		emulator.review(PENDING, 'approved');
		await emulator.settle();
		const [run] = await trigger.waitForExecutions(1);
		expect(run.output('Received')[0].json).toMatchObject({ webhook_trigger: 'approved', submission_id: PENDING });
		expect(emulator.deliveries.map((delivery) => delivery.status)).toEqual([200]);
	});

	test('Accept Unauthenticated Deliveries does not lift a Webhook Token the credential has', async () => {
		const trigger = await start({ acceptUnauthenticated: true }, {}, { withToken: false });
		const response = await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: plain });
		expect(response.status).toBe(401);
		expect(trigger.executions).toHaveLength(0);
	});
});

describe('the repeat guard keeps digests, never what the sender chose', () => {
	const post = async (body: string) => await fetch(dashboardUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

	test('five deliveries with 1 MB submission ids: each runs once, and the stored static data stays tiny', async () => {
		const trigger = await start();
		const bodies = ['a', 'b', 'c', 'd', 'e'].map((letter) => JSON.stringify({ webhook_trigger: 'approved', submission_id: letter.repeat(1024 * 1024) }));
		for (const body of bodies) expect((await post(body)).status).toBe(200);
		await trigger.waitForExecutions(5);
		expect(await (await post(bodies[0])).json()).toEqual({ received: true, duplicate: true });
		expect(trigger.executions).toHaveLength(5);
		const seen = trigger.staticData().seenDeliveries as Array<{ key: string; at: number }>;
		expect(seen.map((entry) => entry.key)).toEqual([
			expect.stringMatching(/^[0-9a-f]{64}$/),
			expect.anything(),
			expect.anything(),
			expect.anything(),
			expect.anything(),
		]);
		expect(new Set(seen.map((entry) => entry.key)).size).toBe(5);
		expect(trigger.staticDataBytes()).toBeLessThan(1024);
	});

	test('two identical deliveries that arrive together run once', async () => {
		const trigger = await start({ events: ['*'] });
		const body = JSON.stringify({
			webhook_trigger: 'approved',
			submission_id: APPROVED,
			kyc_result: { status: 'approved', updated_at: '2026-02-01T10:00:00Z' },
		});
		const answers = await Promise.all([post(body), post(body), post(body)]);
		expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
		const bodies = await Promise.all(answers.map(async (answer) => (await answer.json()) as Record<string, unknown>));
		expect(bodies.filter((answer) => answer.duplicate)).toHaveLength(2);
		await trigger.waitForExecutions(1);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(trigger.executions).toHaveLength(1);
	});

	test('a delivery whose Fetch Full Submission failed gives its claim back: the redelivery runs', async () => {
		const trigger = await start({ options: { fetchFullSubmission: true } });
		const body = JSON.stringify({ webhook_trigger: 'approved', submission_id: 'not-yet-there' });
		expect((await post(body)).status).toBe(500);
		emulator.addSubmission('not-yet-there');
		expect((await post(body)).status).toBe(200);
		await trigger.waitForExecutions(1);
	});
});
