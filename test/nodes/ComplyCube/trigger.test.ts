import { readFileSync } from 'node:fs';
import path from 'node:path';

import { complyCubeSignature, startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { call } from '../../emulators/complycube/test-helpers';
import { FaultPlan, startFaultProxy, type FaultKind, type FaultProxy, type ProxiedRequest } from '../../faults/fault-proxy';
import { TriggerHarness } from '../../engine/trigger-harness';
import type { WorkflowJson } from '../../engine/run-workflow';
import { expectNoSecret } from '../../support/expect-no-secret';

const TRIGGER = 'ComplyCube Trigger';

function triggerWorkflow(parameters: Record<string, unknown> = {}): WorkflowJson {
	const workflow = JSON.parse(readFileSync(path.join(__dirname, 'trigger.workflow.json'), 'utf8')) as WorkflowJson;
	const trigger = workflow.nodes.find((node) => node.name === TRIGGER)!;
	trigger.parameters = { ...trigger.parameters, ...parameters } as typeof trigger.parameters;
	return workflow;
}

let emulator: ComplyCubeEmulator;
let harness: TriggerHarness | undefined;

async function startHarness(parameters: Record<string, unknown> = {}, workflow = triggerWorkflow(parameters), baseUrl = emulator.baseUrl) {
	harness = await TriggerHarness.start(workflow, { complyCubeApi: { apiKey: emulator.apiKey, baseUrl } });
	return harness;
}

/** A check created straight at the emulator's API, as another system would; it completes after the delay. */
async function createCheck(): Promise<string> {
	const clientId = emulator.addClient({ type: 'person', personDetails: { firstName: 'Jane', lastName: 'Doe', dob: '1990-01-01' } });
	const response = await fetch(`${emulator.baseUrl}/checks`, {
		method: 'POST',
		headers: { authorization: emulator.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ clientId, type: 'standard_screening_check' }),
	});
	const check = (await response.json()) as { id: string };
	expect(response.status).toBe(200);
	return check.id;
}

beforeEach(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 30, allowHttpWebhooks: true, deliveryRetryDelaysMs: [20, 20] });
});
let proxy: FaultProxy | undefined;
afterEach(async () => {
	await harness?.close();
	harness = undefined;
	await proxy?.close();
	proxy = undefined;
	await emulator.close();
});

test('activation registers the production URL for every event ("*") and keeps id and secret; a second activation reuses it', async () => {
	const trigger = await startHarness({ events: ['check.completed.clear', 'check.completed'] });
	await trigger.activate();
	const [webhook] = [...emulator.webhooks.values()];
	// The docs spell the check events two ways, so the node subscribes to ComplyCube's wildcard and picks on its side.
	expect(webhook).toMatchObject({ url: trigger.webhookUrl, enabled: true, events: ['*'] });
	expect(trigger.webhookUrl).toBe(`${trigger.origin}/webhook/3f2b9c1e-5d7a-4e8b-9c0d-1a2b3c4d5e6f/webhook`);
	expect(trigger.staticData()).toMatchObject({ webhookId: webhook.id, webhookSecret: webhook.secret });
	await trigger.activate();
	expect(emulator.webhooks.size).toBe(1);
});

test('a webhook an earlier version registered for named events is replaced by the wildcard one', async () => {
	const trigger = await startHarness({ events: ['check.completed'] });
	await trigger.activate();
	const first = [...emulator.webhooks.values()][0];
	first.events = ['check.completed'];
	await trigger.activate();
	expect(emulator.webhooks.has(first.id)).toBe(false);
	expect([...emulator.webhooks.values()].map((webhook) => webhook.events)).toEqual([['*']]);
});

describe.each([
	['check.completed.* (v1.7.3 page)', 'completed', 'check.completed'],
	['check.complete.* (v1.7.2 page)', 'complete', 'check.complete'],
] as const)('ComplyCube spelling the check events %s', (_family, eventNames, prefix) => {
	beforeEach(async () => {
		await emulator.close();
		emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 30, allowHttpWebhooks: true, deliveryRetryDelaysMs: [20, 20], eventNames });
	});

	test('"Check Completed: Clear" runs once, on the outcome event as ComplyCube names it', async () => {
		const trigger = await startHarness({ events: ['check.completed.clear'] });
		await trigger.activate();
		const checkId = await createCheck();
		const [run] = await trigger.waitForExecutions(1);
		await emulator.settle();
		expect(run.output('Received')[0].json).toMatchObject({ type: `${prefix}.clear`, payload: { id: checkId, outcome: 'clear' } });
		// pending, completed and completed.clear were all delivered and acknowledged; one started the workflow.
		expect(emulator.deliveries.map((delivery) => [delivery.eventType, delivery.status])).toEqual(
			expect.arrayContaining([
				['check.pending', 200],
				[prefix, 200],
				[`${prefix}.clear`, 200],
			]),
		);
		expect(trigger.executions).toHaveLength(1);
	});

	test('"Check Completed" (a saved workflow\'s value) runs on the any-outcome event only', async () => {
		const trigger = await startHarness({ events: ['check.completed'] });
		await trigger.activate();
		await createCheck();
		const [run] = await trigger.waitForExecutions(1);
		await emulator.settle();
		expect(run.output('Received')[0].json.type).toBe(prefix);
		expect(trigger.executions).toHaveLength(1);
	});
});

test('"All Events" runs on every event, named in the list or not', async () => {
	const trigger = await startHarness({ events: ['*'] });
	await trigger.activate();
	const checkId = await createCheck();
	await trigger.waitForExecutions(3);
	await emulator.settle();
	expect(trigger.executions.map((run) => run.output('Received')[0].json.type)).toEqual(['check.pending', 'check.completed', 'check.completed.clear']);
	expect(trigger.executions.every((run) => (run.output('Received')[0].json.payload as { id: string }).id === checkId)).toBe(true);
});

test('"Check Updated", which the list did not offer before, runs when a check is updated', async () => {
	const trigger = await startHarness({ events: ['check.updated'] });
	await trigger.activate();
	const checkId = await createCheck();
	await emulator.settle();
	const response = await fetch(`${emulator.baseUrl}/checks/${checkId}`, {
		method: 'POST',
		headers: { authorization: emulator.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ enableMonitoring: true }),
	});
	expect(response.status).toBe(200);
	const [run] = await trigger.waitForExecutions(1);
	expect(run.output('Received')[0].json).toMatchObject({ type: 'check.updated', resourceType: 'check', payload: { id: checkId } });
});

test('a completed check delivers a signed event that runs the workflow once; Fetch Full Resource adds the check', async () => {
	const trigger = await startHarness({ options: { fetchFullResource: true } });
	await trigger.activate();
	const checkId = await createCheck();
	const [run] = await trigger.waitForExecutions(1);
	await emulator.settle();
	expect(run.error).toBeUndefined();
	const [item] = run.output('Received');
	expect(item.json).toMatchObject({ type: 'check.completed', resourceType: 'check', payload: { id: checkId, outcome: 'clear' } });
	expect(item.json.check).toMatchObject({ id: checkId, status: 'complete', result: { outcome: 'clear' } });
	// check.pending, check.completed and check.completed.clear: each acknowledged once, one run.
	expect(trigger.answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
	expect(emulator.deliveries.filter((delivery) => delivery.status === 200)).toHaveLength(3);
	expect(trigger.executions).toHaveLength(1);
	expectNoSecret(String(trigger.staticData().webhookSecret), run.run.data.resultData);
	expectNoSecret(emulator.apiKey, run.run.data.resultData);
});

test('the event types not chosen are acknowledged and start nothing', async () => {
	const trigger = await startHarness({ events: ['check.completed.attention'] });
	await trigger.activate();
	await createCheck();
	await new Promise((resolve) => setTimeout(resolve, 100));
	await emulator.settle();
	expect(trigger.executions).toHaveLength(0);
	expect(emulator.deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
	expect(trigger.answers.map((answer) => JSON.parse(answer.body) as unknown)).toEqual(Array(3).fill({ received: true, ignored: true }));
});

describe('deliveries that must start nothing', () => {
	let trigger: TriggerHarness;
	const event = {
		id: '65b2c0ffee00000000000e01',
		type: 'check.completed',
		resourceType: 'check',
		payload: { id: 'x', status: 'complete', outcome: 'clear' },
		createdAt: '2026-01-01T00:00:00.000Z',
	};
	const body = JSON.stringify(event);
	const post = async (headers: Record<string, string>, text = body) =>
		await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: text });

	beforeEach(async () => {
		trigger = await startHarness();
		await trigger.activate();
	});

	test.each([
		['no signature', {}],
		['a signature made with another secret', { 'ComplyCube-Signature': complyCubeSignature('not-the-secret', body) }],
		['a malformed signature', { 'ComplyCube-Signature': 'sha256=abc' }],
	])('%s: 401 and no execution', async (_case, headers) => {
		const response = await post(headers);
		expect(response.status).toBe(401);
		expect(await response.json()).toEqual({ message: 'Invalid or missing ComplyCube-Signature' });
		expect(trigger.executions).toHaveLength(0);
	});

	test('a body changed after signing: 401', async () => {
		const secret = String(trigger.staticData().webhookSecret);
		const response = await post({ 'ComplyCube-Signature': complyCubeSignature(secret, body) }, body.replace('clear', 'attention'));
		expect(response.status).toBe(401);
		expect(trigger.executions).toHaveLength(0);
	});

	test('the same event again (a retry or a replay) answers 200 and starts nothing', async () => {
		const headers = { 'ComplyCube-Signature': complyCubeSignature(String(trigger.staticData().webhookSecret), body) };
		expect((await post(headers)).status).toBe(200);
		await trigger.waitForExecutions(1);
		const again = await post(headers);
		expect(again.status).toBe(200);
		expect(await again.json()).toEqual({ received: true, duplicate: true });
		expect(trigger.executions).toHaveLength(1);
	});
});

test('deactivation deletes the webhook at ComplyCube and forgets the secret', async () => {
	const trigger = await startHarness();
	await trigger.activate();
	expect(emulator.webhooks.size).toBe(1);
	await trigger.deactivate();
	expect(emulator.webhooks.size).toBe(0);
	expect(trigger.staticData().webhookSecret).toBeUndefined();
});

test('a webhook deleted or disabled at ComplyCube is registered again on activation', async () => {
	const trigger = await startHarness();
	await trigger.activate();
	const first = [...emulator.webhooks.values()][0];
	first.enabled = false;
	await trigger.activate();
	expect(emulator.webhooks.has(first.id)).toBe(false);
	expect([...emulator.webhooks.values()]).toHaveLength(1);
	emulator.webhooks.clear();
	await trigger.activate();
	expect(emulator.webhooks.size).toBe(1);
});

test('an http URL refused by ComplyCube says to set WEBHOOK_URL', async () => {
	await emulator.close();
	emulator = await startComplyCubeEmulator({ rateLimit: false });
	const trigger = await startHarness();
	await expect(trigger.activate()).rejects.toThrow(`ComplyCube accepts only https webhook URLs, and this workflow's URL is ${trigger.webhookUrl}`);
	await trigger.activate().catch((error: { description?: string }) => {
		expect(error.description).toContain("Set n8n's WEBHOOK_URL environment variable");
		expect(error.description).toContain('"url" must be a valid HTTPS URL');
	});
	expect(emulator.webhooks.size).toBe(0);
});

describe('repeats: the guard keys on a digest of the event id, and holds against deliveries in flight', () => {
	let trigger: TriggerHarness;
	const signed = (body: string) => ({
		'content-type': 'application/json',
		'ComplyCube-Signature': complyCubeSignature(String(trigger.staticData().webhookSecret), body),
	});
	const post = async (body: string) => await fetch(trigger.webhookUrl, { method: 'POST', headers: signed(body), body });
	const event = (id: string | undefined, outcome = 'clear') =>
		JSON.stringify({
			...(id === undefined ? {} : { id }),
			type: 'check.completed',
			resourceType: 'check',
			payload: { id: 'x', status: 'complete', outcome },
			createdAt: '2026-01-01T00:00:00.000Z',
		});

	test('two identical signed deliveries sent together run once', async () => {
		trigger = await startHarness();
		await trigger.activate();
		const body = event('65b2c0ffee00000000000e02');
		const answers = await Promise.all([post(body), post(body)]);
		expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
		const bodies = await Promise.all(answers.map(async (answer) => (await answer.json()) as Record<string, unknown>));
		expect(bodies).toEqual(expect.arrayContaining([{ received: true }, { received: true, duplicate: true }]));
		await trigger.waitForExecutions(1);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(trigger.executions).toHaveLength(1);
	});

	test('together, with Fetch Full Resource (an await between the check and the record): still once', async () => {
		trigger = await startHarness({ options: { fetchFullResource: true } });
		await trigger.activate();
		const checkId = await createCheck();
		await emulator.settle();
		const body = JSON.stringify({
			id: '65b2c0ffee00000000000e03',
			type: 'check.completed',
			resourceType: 'check',
			payload: { id: checkId },
			createdAt: '2026-01-01T00:00:00.000Z',
		});
		await Promise.all([post(body), post(body), post(body)]);
		await trigger.waitForExecutions(1);
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(trigger.executions.filter((run) => run.output('Received')[0].json.id === '65b2c0ffee00000000000e03')).toHaveLength(1);
	});

	test('five events with 1 MB ids: each runs once, and the stored static data stays tiny', async () => {
		trigger = await startHarness();
		await trigger.activate();
		const bodies = ['a', 'b', 'c', 'd', 'e'].map((letter) => event(letter.repeat(1024 * 1024)));
		for (const body of bodies) expect((await post(body)).status).toBe(200);
		await trigger.waitForExecutions(5);
		expect(await (await post(bodies[2])).json()).toEqual({ received: true, duplicate: true });
		expect(trigger.executions).toHaveLength(5);
		const seen = trigger.staticData().seenEvents as string[];
		expect(seen).toHaveLength(5);
		expect(seen.every((key) => /^[0-9a-f]{64}$/.test(key))).toBe(true);
		expect(trigger.staticDataBytes()).toBeLessThan(1024);
	});

	test('an event without an id is known by its signed body: the same bytes again start nothing, another body runs', async () => {
		trigger = await startHarness();
		await trigger.activate();
		expect(await (await post(event(undefined))).json()).toEqual({ received: true });
		expect(await (await post(event(undefined))).json()).toEqual({ received: true, duplicate: true });
		expect(await (await post(event(undefined, 'attention'))).json()).toEqual({ received: true });
		await trigger.waitForExecutions(2);
		expect(trigger.executions.map((run) => (run.output('Received')[0].json.payload as { outcome: string }).outcome)).toEqual(['clear', 'attention']);
	});

	test('a delivery whose Fetch Full Resource failed is neither remembered nor held: the retry is handled again, not answered as a duplicate', async () => {
		trigger = await startHarness({ options: { fetchFullResource: true } });
		await trigger.activate();
		const body = JSON.stringify({
			id: '65b2c0ffee00000000000e04',
			type: 'check.completed',
			resourceType: 'check',
			payload: { id: '65b2c0ffee0000000000dead' },
			createdAt: '2026-01-01T00:00:00.000Z',
		});
		expect((await post(body)).status).toBe(500);
		expect((await post(body)).status).toBe(500);
		expect(trigger.executions).toHaveLength(0);
		expect(trigger.staticData().seenEvents).toEqual([]);
	});
});

/** Loses ComplyCube's answer to the first POST /webhooks after ComplyCube stored the webhook; the rest go through. */
class LoseFirstWebhookCreate extends FaultPlan {
	private used = false;
	constructor(private readonly kind: FaultKind = 'forward-then-reset') {
		super(1, 0, [kind]);
	}
	override next(request?: ProxiedRequest): FaultKind | 'none' {
		if (this.used || request?.method !== 'POST' || !request.path.endsWith('/webhooks')) return 'none';
		this.used = true;
		return this.kind;
	}
}

describe('registration when an answer is lost (ComplyCube allows 20 webhooks)', () => {
	const hooksAt = (url: string) => [...emulator.webhooks.values()].filter((webhook) => webhook.url === url);

	test.each(['forward-then-reset', 'forward-then-503'] as const)(
		'the answer to POST /webhooks lost (%s): the webhook it made is found by URL and replaced, one webhook remains, and its deliveries verify',
		async (kind) => {
			proxy = await startFaultProxy(emulator.origin, new LoseFirstWebhookCreate(kind));
			const trigger = await startHarness({}, triggerWorkflow(), `${proxy.origin}/v1`);
			await trigger.activate();
			expect(proxy.log.map((entry) => `${entry.method} ${entry.path} ${entry.fault}`)).toEqual([
				'GET /v1/webhooks none',
				`POST /v1/webhooks ${kind}`,
				'GET /v1/webhooks none',
				expect.stringMatching(/^DELETE \/v1\/webhooks\/[0-9a-f]{24} none$/),
				'POST /v1/webhooks none',
			]);
			const [webhook] = hooksAt(trigger.webhookUrl);
			expect(emulator.webhooks.size).toBe(1);
			expect(trigger.staticData()).toMatchObject({ webhookId: webhook.id, webhookSecret: webhook.secret });
			await createCheck();
			const [run] = await trigger.waitForExecutions(1);
			expect(run.output('Received')[0].json.type).toBe('check.completed');
		},
	);

	test('activation with webhooks left at ComplyCube for this URL (their ids lost): they are removed, one is made', async () => {
		const trigger = await startHarness();
		const url = trigger.webhookUrl;
		for (let i = 0; i < 2; i++) expect((await call(emulator, 'POST', '/webhooks', { url, events: ['*'] })).status).toBe(200);
		const other = String((await call(emulator, 'POST', '/webhooks', { url: 'https://example.com/other', events: ['*'] })).json.id);
		await trigger.activate();
		expect(hooksAt(url).map((webhook) => webhook.id)).toEqual([trigger.staticData().webhookId]);
		expect(emulator.webhooks.has(other)).toBe(true);
	});

	test("deactivation removes every webhook with this workflow's URL, and no other", async () => {
		const trigger = await startHarness();
		await trigger.activate();
		const url = trigger.webhookUrl;
		await call(emulator, 'POST', '/webhooks', { url, events: ['check.completed'] });
		const other = String((await call(emulator, 'POST', '/webhooks', { url: 'https://example.com/other', events: ['*'] })).json.id);
		expect(hooksAt(url)).toHaveLength(2);
		await trigger.deactivate();
		expect(hooksAt(url)).toHaveLength(0);
		expect([...emulator.webhooks.keys()]).toEqual([other]);
		expect(trigger.staticData()).toEqual({});
	});
});
