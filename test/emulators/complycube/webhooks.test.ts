import { createHmac, timingSafeEqual } from 'node:crypto';
import { startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { call, startReceiver } from './test-helpers';

let emulator: ComplyCubeEmulator;
const receivers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
	await emulator?.close();
	await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});
const start = async (options = {}) => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 20, ...options }));
const receiver = async (statuses?: number[]) => {
	const started = await startReceiver(statuses);
	receivers.push(started);
	return started;
};

test('the secret is returned at creation only; get, list and update never show it', async () => {
	await start();
	const created = await call(emulator, 'POST', '/webhooks', { url: 'https://example.com/hook', events: ['check.pending'] });
	expect(created.json).toMatchObject({
		id: expect.stringMatching(/^[0-9a-f]{24}$/),
		url: 'https://example.com/hook',
		enabled: true,
		events: ['check.pending'],
		description: null,
		secret: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
	});
	const id = String(created.json.id);
	expect((await call(emulator, 'GET', `/webhooks/${id}`)).json).not.toHaveProperty('secret');
	const list = await call(emulator, 'GET', '/webhooks');
	expect(list.json).toMatchObject({ totalItems: 1, items: [expect.not.objectContaining({ secret: expect.anything() })] });
	const updated = await call(emulator, 'POST', `/webhooks/${id}`, { enabled: false, description: 'off' });
	expect(updated.json).toMatchObject({ enabled: false, description: 'off' });
	expect(updated.json).not.toHaveProperty('secret');
	expect((await call(emulator, 'GET', '/webhooks?enabled=true')).json.totalItems).toBe(0);
	expect((await call(emulator, 'GET', '/webhooks?enabled=false&events=check.pending')).json.totalItems).toBe(1);
	expect((await call(emulator, 'GET', '/webhooks?events=client.created')).json.totalItems).toBe(0);
	expect((await call(emulator, 'DELETE', `/webhooks/${id}`)).status).toBe(204);
	expect((await call(emulator, 'GET', `/webhooks/${id}`)).status).toBe(404);
});

test('an http:// URL is refused as the real service refuses it, and accepted with allowHttpWebhooks', async () => {
	await start();
	const refused = await call(emulator, 'POST', '/webhooks', { url: 'http://example.com/hook', events: ['*'] });
	expect(refused).toMatchObject({ status: 400, json: { type: 'invalid_request', message: '"url" must be a valid HTTPS URL', param: 'url' } });
	const id = String((await call(emulator, 'POST', '/webhooks', { url: 'https://example.com/hook', events: ['*'] })).json.id);
	expect((await call(emulator, 'POST', `/webhooks/${id}`, { url: 'http://example.com/hook' })).status).toBe(400);
	await emulator.close();
	await start({ allowHttpWebhooks: true });
	expect((await call(emulator, 'POST', '/webhooks', { url: 'http://example.com/hook', events: ['*'] })).status).toBe(200);
	expect((await call(emulator, 'POST', '/webhooks', { url: 'ftp://example.com/hook', events: ['*'] })).status).toBe(400);
});

test('unknown event types are refused with the documented message form', async () => {
	await start();
	const answer = await call(emulator, 'POST', '/webhooks', { url: 'https://example.com/hook', events: ['check.created'] });
	expect(answer).toMatchObject({
		status: 400,
		json: { type: 'invalid_request', message: expect.stringMatching(/^'events' should be equal to one of the allowed values:/), param: 'type' },
	});
});

test('a completed check is delivered, signed with the webhook secret, to subscribed enabled webhooks only', async () => {
	await start({ allowHttpWebhooks: true });
	const all = await receiver();
	const clearOnly = await receiver();
	const other = await receiver();
	const disabled = await receiver();
	const secret = String((await call(emulator, 'POST', '/webhooks', { url: all.url, events: ['*'] })).json.secret);
	await call(emulator, 'POST', '/webhooks', { url: clearOnly.url, events: ['check.completed.clear'] });
	await call(emulator, 'POST', '/webhooks', { url: other.url, events: ['client.updated'] });
	await call(emulator, 'POST', '/webhooks', { url: disabled.url, events: ['*'], enabled: false });
	const clientId = emulator.addClient();
	const checkId = String((await call(emulator, 'POST', '/checks', { clientId, type: 'standard_screening_check' })).json.id);
	await emulator.settle();
	expect(all.received.map((request) => JSON.parse(request.body).type)).toEqual(['check.pending', 'check.completed', 'check.completed.clear']);
	expect(clearOnly.received).toHaveLength(1);
	expect(other.received).toHaveLength(0);
	expect(disabled.received).toHaveLength(0);
	for (const request of all.received) {
		const expected = createHmac('sha256', secret).update(request.body).digest();
		const given = Buffer.from(String(request.headers['complycube-signature']), 'hex');
		expect(given.length).toBe(expected.length);
		expect(timingSafeEqual(given, expected)).toBe(true);
		expect(request.headers['content-type']).toBe('application/json');
	}
	const event = JSON.parse(all.received[2].body);
	expect(Object.keys(event).sort()).toEqual(['createdAt', 'id', 'payload', 'resourceType', 'type']);
	expect(event).toMatchObject({ resourceType: 'check', payload: { id: checkId, status: 'complete', outcome: 'clear' } });
	expect(emulator.deliveries.filter((delivery) => delivery.url === all.url).map((delivery) => [delivery.eventType, delivery.attempt, delivery.status])).toEqual(
		[
			['check.pending', 1, 200],
			['check.completed', 1, 200],
			['check.completed.clear', 1, 200],
		],
	);
	expect(emulator.deliveries[0].signature).toBe(createHmac('sha256', secret).update(emulator.deliveries[0].body).digest('hex'));
});

test('a failing receiver is retried with deliveryRetryDelaysMs, then the webhook is disabled and delivery stops', async () => {
	await start({ allowHttpWebhooks: true, deliveryRetryDelaysMs: [30, 60] });
	const failing = await receiver([500, 503, 502]);
	const id = String((await call(emulator, 'POST', '/webhooks', { url: failing.url, events: ['client.created'] })).json.id);
	const began = Date.now();
	await call(emulator, 'POST', '/clients', { type: 'person', email: 'a@b.co', personDetails: { firstName: 'A', lastName: 'B' } });
	await emulator.settle();
	expect(Date.now() - began).toBeGreaterThanOrEqual(90);
	expect(emulator.deliveries.map((delivery) => [delivery.attempt, delivery.status])).toEqual([
		[1, 500],
		[2, 503],
		[3, 502],
	]);
	expect(new Set(emulator.deliveries.map((delivery) => delivery.eventId)).size).toBe(1);
	expect(new Set(failing.received.map((request) => request.body)).size).toBe(1);
	expect(emulator.webhooks.get(id)?.enabled).toBe(false);
	await call(emulator, 'POST', '/clients', { type: 'person', email: 'c@d.co', personDetails: { firstName: 'C', lastName: 'D' } });
	await emulator.settle();
	expect(failing.received).toHaveLength(3);
	expect(emulator.events).toHaveLength(2);
});

test('a receiver that recovers gets the event on a retry; a connection failure counts as a failed attempt', async () => {
	await start({ allowHttpWebhooks: true, deliveryRetryDelaysMs: [20, 20] });
	const flaky = await receiver([500, 200]);
	await call(emulator, 'POST', '/webhooks', { url: flaky.url, events: ['client.created'] });
	await call(emulator, 'POST', '/webhooks', { url: 'http://127.0.0.1:9/nothing-listens', events: ['client.created'] });
	await call(emulator, 'POST', '/clients', { type: 'person', email: 'a@b.co', personDetails: { firstName: 'A', lastName: 'B' } });
	await emulator.settle();
	expect(emulator.deliveries.filter((delivery) => delivery.url === flaky.url).map((delivery) => delivery.status)).toEqual([500, 200]);
	expect(emulator.deliveries.filter((delivery) => delivery.url !== flaky.url).map((delivery) => delivery.status)).toEqual([
		'network-error',
		'network-error',
		'network-error',
	]);
});
