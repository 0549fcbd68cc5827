import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { expectNoSecret } from '../../support/expect-no-secret';
import { finishedSession, IDENTITY_TEMPLATE, SCREENING_TEMPLATE, startedSession } from './hosted-page';
import { runOperation } from './run-operation';

let emulator: ComplyCubeEmulator;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 50 });
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
});

/** What a JSON answer of the session looks like (dates and all), for comparing with the node's output. */
const asAnswered = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

describe('get', () => {
	test('a session the client finished: status, outcome and related checks as ComplyCube answers them', async () => {
		const { clientId, workflowSessionId } = await finishedSession(emulator, IDENTITY_TEMPLATE.id);
		await emulator.settle();
		emulator.received.length = 0;
		const result = await runOperation(emulator, { resource: 'workflowSession', operation: 'get', workflowSessionId });
		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(item.json).toEqual(asAnswered(emulator.workflowSessions.get(workflowSessionId)));
		expect(item.json).toMatchObject({ id: workflowSessionId, clientId, workflowTemplateId: IDENTITY_TEMPLATE.id, status: 'complete', outcome: 'clear' });
		const related = item.json.allRelatedChecks as Array<{ checkId: string; type: string }>;
		expect(related.map((check) => check.type).sort()).toEqual([...IDENTITY_TEMPLATE.checkTypes].sort());
		for (const { checkId } of related) expect(emulator.checks.get(checkId)?.clientId).toBe(clientId);
		expect(emulator.received[0]).toMatchObject({ method: 'GET', path: `/v1/workflowSessions/${workflowSessionId}`, status: 200 });
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	test("an unknown session: ComplyCube's message and 404, never the key", async () => {
		const workflowSessionId = '5eb2b61e02df0a0008f1cf2b';
		const result = await runOperation(emulator, { resource: 'workflowSession', operation: 'get', workflowSessionId });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid workflow session id '${workflowSessionId}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an empty Workflow Session ID from an expression is refused before sending', async () => {
		const result = await runOperation(emulator, { resource: 'workflowSession', operation: 'get', workflowSessionId: '={{ $json.id }}' });
		expect(result.error?.message).toBe('Workflow Session ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('get many', () => {
	let alice: string;
	let started: string;
	let clear: string;
	let attention: string;

	beforeAll(async () => {
		alice = emulator.addClient();
		started = (await startedSession(emulator, SCREENING_TEMPLATE.id, alice)).workflowSessionId;
		clear = (await finishedSession(emulator, SCREENING_TEMPLATE.id, alice)).workflowSessionId;
		emulator.setCheckOutcome('attention');
		attention = (await finishedSession(emulator, IDENTITY_TEMPLATE.id, alice)).workflowSessionId;
		emulator.setCheckOutcome('clear');
		await emulator.settle();
	});

	const ids = async (filters: Record<string, string>) => {
		emulator.received.length = 0;
		const result = await runOperation(emulator, { resource: 'workflowSession', operation: 'getAll', returnAll: true, filters });
		expect(result.error).toBeUndefined();
		return result.items.map((item) => item.json.id);
	};

	test('by client, newest first', async () => {
		expect(await ids({ clientId: alice })).toEqual([attention, clear, started]);
		expect(emulator.received[0].query.get('clientId')).toBe(alice);
	});

	test('by client and template', async () => {
		expect(await ids({ clientId: alice, workflowTemplateId: SCREENING_TEMPLATE.id })).toEqual([clear, started]);
		expect(emulator.received[0].query.get('workflowTemplateId')).toBe(SCREENING_TEMPLATE.id);
	});

	test('by status', async () => {
		expect(await ids({ clientId: alice, status: 'started' })).toEqual([started]);
		expect(await ids({ clientId: alice, status: 'complete' })).toEqual([attention, clear]);
		expect(emulator.received[0].query.get('status')).toBe('complete');
	});

	test('by outcome', async () => {
		expect(await ids({ clientId: alice, outcome: 'attention' })).toEqual([attention]);
		expect(emulator.received[0].query.get('outcome')).toBe('attention');
		expect(await ids({ clientId: alice, outcome: 'rejected' })).toEqual([]);
	});

	test('each item keeps the status and outcome ComplyCube lists', async () => {
		const result = await runOperation(emulator, { resource: 'workflowSession', operation: 'getAll', returnAll: true, filters: { clientId: alice } });
		expect(result.items.map((item) => [item.json.status, item.json.outcome])).toEqual([
			['complete', 'attention'],
			['complete', 'clear'],
			['started', undefined],
		]);
	});

	test('Return All walks every page; a Limit stops early', async () => {
		const bob = emulator.addClient();
		for (let index = 0; index < 105; index++) await startedSession(emulator, SCREENING_TEMPLATE.id, bob);
		emulator.received.length = 0;
		const all = await runOperation(emulator, { resource: 'workflowSession', operation: 'getAll', returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.items).toHaveLength(emulator.workflowSessions.size);
		expect(new Set(all.items.map((item) => item.json.id)).size).toBe(emulator.workflowSessions.size);
		expect(emulator.received.map((request) => request.query.get('page'))).toEqual(['1', '2']);

		emulator.received.length = 0;
		const some = await runOperation(emulator, { resource: 'workflowSession', operation: 'getAll', returnAll: false, limit: 3 });
		expect(some.items.map((item) => item.json.id)).toEqual(all.items.slice(0, 3).map((item) => item.json.id));
		expect(emulator.received).toHaveLength(1);
		expect(emulator.received[0].query.get('pageSize')).toBe('3');
	});
});

describe('complete', () => {
	test('a started session moves to processing, then ComplyCube completes it', async () => {
		const { workflowSessionId } = await startedSession(emulator, SCREENING_TEMPLATE.id);
		emulator.received.length = 0;
		const result = await runOperation(emulator, { resource: 'workflowSession', operation: 'complete', workflowSessionId });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ id: workflowSessionId, status: 'processing' });
		expect(emulator.received).toHaveLength(1);
		expect(emulator.received[0]).toMatchObject({ method: 'POST', path: `/v1/workflowSessions/${workflowSessionId}/complete`, status: 200 });
		await emulator.settle();
		expect(emulator.workflowSessions.get(workflowSessionId)).toMatchObject({ status: 'complete', outcome: 'clear' });
	});

	test("a session that has already ended: ComplyCube's refusal, sent once", async () => {
		const { workflowSessionId } = await finishedSession(emulator, SCREENING_TEMPLATE.id);
		await emulator.settle();
		emulator.received.length = 0;
		const result = await runOperation(emulator, { resource: 'workflowSession', operation: 'complete', workflowSessionId });
		expect(result.error?.message).toMatch(/^ComplyCube refused the request \(HTTP 4\d\d\): .*complete.* \[item 0\]$/);
		expect(emulator.received).toHaveLength(1);
	});

	test('an unknown session: 404 with its message', async () => {
		const workflowSessionId = 'ffffffffffffffffffffffff';
		const result = await runOperation(emulator, { resource: 'workflowSession', operation: 'complete', workflowSessionId });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid workflow session id '${workflowSessionId}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
	});
});
