import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { COMPLYCUBE_DEMO_CUSTOM_LIST_ID, startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { runListSearch } from '../../engine/list-search';
import { loadWorkflow } from '../../engine/workflow-file';
import { IDENTITY_TEMPLATE, SCREENING_TEMPLATE, startedSession } from './hosted-page';
import { NODE, runOperation } from './run-operation';

/*
 * Client ID, Workflow Template ID and Custom List ID as n8n's resource locator: the From List searches
 * (methods/listSearch.ts) run as n8n's editor runs them, against the emulator; the operations read any shape.
 */
let emulator: ComplyCubeEmulator;
beforeAll(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 50 })));
afterAll(async () => await emulator.close());
beforeEach(() => void (emulator.received.length = 0));

const WORKFLOW = path.join(__dirname, 'operation.workflow.json');
const search = async (method: string, parameters: INodeParameters, filter?: string, token?: string) =>
	await runListSearch(
		loadWorkflow(WORKFLOW, [], { [NODE]: { parameters } }),
		NODE,
		method,
		{ complyCubeApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } },
		filter,
		token,
	);
const person = (firstName: string, lastName: string, email: string) => ({ type: 'person', email, personDetails: { firstName, lastName } });

describe('Client ID → From List', () => {
	test('the clients as "name (e-mail)"; text is matched in the name or e-mail, any case', async () => {
		const ada = emulator.addClient(person('Ada', 'Lovelace', 'ada@analytical.example.com'));
		const grace = emulator.addClient(person('Grace', 'Hopper', 'grace@navy.example.com'));
		const all = await search('searchClients', { resource: 'client', operation: 'get' });
		expect(all.results).toEqual(
			expect.arrayContaining([
				{ name: 'Ada Lovelace (ada@analytical.example.com)', value: ada },
				{ name: 'Grace Hopper (grace@navy.example.com)', value: grace },
			]),
		);
		expect(emulator.received[0]).toMatchObject({ method: 'GET', path: '/v1/clients' });
		expect(emulator.received[0].query.get('pageSize')).toBe('100');
		expect((await search('searchClients', { resource: 'client', operation: 'get' }, 'lOVELACE')).results).toEqual([
			{ name: 'Ada Lovelace (ada@analytical.example.com)', value: ada },
		]);
		expect((await search('searchClients', { resource: 'client', operation: 'get' }, 'navy')).results).toEqual([
			{ name: 'Grace Hopper (grace@navy.example.com)', value: grace },
		]);
	});

	test("a whole e-mail address goes as ComplyCube's email filter", async () => {
		const id = emulator.addClient(person('Alan', 'Turing', 'alan@bletchley.example.com'));
		const found = await search('searchClients', { resource: 'document', operation: 'getAll' }, 'alan@bletchley.example.com');
		expect(found.results).toEqual([{ name: 'Alan Turing (alan@bletchley.example.com)', value: id }]);
		expect(emulator.received[0].query.get('email')).toBe('alan@bletchley.example.com');
	});

	test('pages of 100: a full page gives the next page number', async () => {
		for (let index = 0; index < 120; index++) emulator.addClient(person('Bulk', `Client ${index}`, `bulk${index}@example.com`));
		const first = await search('searchClients', { resource: 'client', operation: 'get' });
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		await search('searchClients', { resource: 'client', operation: 'get' }, undefined, first.paginationToken);
		expect(emulator.received[1].query.get('page')).toBe('2');
	});

	test("a refused key is ComplyCube's own error", async () => {
		const workflow = loadWorkflow(WORKFLOW, [], { [NODE]: { parameters: { resource: 'client', operation: 'get' } } });
		await expect(runListSearch(workflow, NODE, 'searchClients', { complyCubeApi: { apiKey: 'test_wrong_key', baseUrl: emulator.baseUrl } })).rejects.toThrow(
			/HTTP 401/,
		);
	});
});

test('Custom List ID → From List: the custom lists by name', async () => {
	const lists = await search('searchCustomLists', { resource: 'customList', operation: 'get' });
	expect(lists.results).toContainEqual({ name: 'Blocked customers', value: COMPLYCUBE_DEMO_CUSTOM_LIST_ID });
	expect((await search('searchCustomLists', { resource: 'customList', operation: 'get' }, 'no such list')).results).toEqual([]);
	expect(emulator.received[0]).toMatchObject({ method: 'GET', path: '/v1/customLists' });
});

test('Workflow Template ID → From List: the templates workflow sessions were started from, each once, by name', async () => {
	await startedSession(emulator, IDENTITY_TEMPLATE.id);
	await startedSession(emulator, IDENTITY_TEMPLATE.id);
	await startedSession(emulator, SCREENING_TEMPLATE.id);
	emulator.received.length = 0;
	const templates = await search('searchWorkflowTemplates', { resource: 'flowSession', operation: 'create', mode: 'workflowTemplate' });
	expect(templates.results.sort((a, b) => a.name.localeCompare(b.name))).toEqual(
		[IDENTITY_TEMPLATE, SCREENING_TEMPLATE].map((template) => ({ name: template.name, value: template.id })).sort((a, b) => a.name.localeCompare(b.name)),
	);
	expect(emulator.received[0]).toMatchObject({ method: 'GET', path: '/v1/workflowSessions' });
	expect(
		(await search('searchWorkflowTemplates', { resource: 'flowSession', operation: 'create' }, IDENTITY_TEMPLATE.name.slice(0, 8).toUpperCase())).results,
	).toEqual([{ name: IDENTITY_TEMPLATE.name, value: IDENTITY_TEMPLATE.id }]);
});

describe('the value the operations read', () => {
	test.each([
		["a saved workflow's plain string", (id: string) => id],
		['From List', (id: string) => ({ __rl: true, mode: 'list', value: id, cachedResultName: 'Jane Sample' })],
		['By ID with an expression', () => ({ __rl: true, mode: 'id', value: '={{ $json.clientId }}' })],
	])('Client → Get with %s', async (_case, shape) => {
		const id = emulator.addClient(person('Jane', 'Sample', 'jane.sample@example.com'));
		const result = await runOperation(emulator, { resource: 'client', operation: 'get', clientId: shape(id) }, [{ json: { clientId: id } }]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id, email: 'jane.sample@example.com' });
		expect(emulator.received[0].path).toBe(`/v1/clients/${id}`);
	});

	test('Custom List → Get with From List', async () => {
		const result = await runOperation(emulator, {
			resource: 'customList',
			operation: 'get',
			customListId: { __rl: true, mode: 'list', value: COMPLYCUBE_DEMO_CUSTOM_LIST_ID },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: COMPLYCUBE_DEMO_CUSTOM_LIST_ID, name: 'Blocked customers' });
	});

	test('Verification Link with a template From List', async () => {
		const clientId = emulator.addClient(person('Mary', 'Jackson', 'mary@example.com'));
		const result = await runOperation(emulator, {
			resource: 'flowSession',
			operation: 'create',
			mode: 'workflowTemplate',
			clientId: { __rl: true, mode: 'list', value: clientId },
			workflowTemplateId: { __rl: true, mode: 'list', value: IDENTITY_TEMPLATE.id },
			successUrl: 'https://shop.example.com/done',
			cancelUrl: 'https://shop.example.com/cancel',
		});
		expect(result.error).toBeUndefined();
		expect(JSON.parse(emulator.received[0].body.toString('utf8'))).toMatchObject({ clientId, workflowTemplateId: IDENTITY_TEMPLATE.id });
	});
});
