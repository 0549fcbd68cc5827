import path from 'node:path';

import type { INodeParameters } from 'n8n-workflow';

import { MAX_PAGES, MAX_RECORDS } from '../../../nodes/shared/http/page-bounds';
import { startStubService, type StubService } from '../../bad-input/stub-service';
import type { EmulatorRequest, EmulatorResponse } from '../../emulators/emulator-server';
import { runWorkflow } from '../../engine/run-workflow';
import { loadWorkflow } from '../../engine/workflow-file';

/**
 * Return All against a service that never stops offering pages (a fault, or a list that grows as it is read):
 * the call ends with the ceiling's error after a bounded number of requests; a service that repeats a page
 * ends the walk with what was read.
 */
let stub: StubService;
beforeAll(async () => (stub = await startStubService()));
afterAll(async () => await stub.close());
beforeEach(() => void (stub.received.length = 0));

const hex24 = (seed: number) => seed.toString(16).padStart(24, '0');
const serve = (answer: (request: EmulatorRequest) => EmulatorResponse) => {
	stub.good = answer;
	stub.broken = answer;
};

interface Service {
	node: string;
	file: string;
	parameters: INodeParameters;
	credentials: () => Record<string, Record<string, unknown>>;
}
const COMPLYCUBE: Service = {
	node: 'ComplyCube',
	file: '../ComplyCube/operation.workflow.json',
	parameters: { resource: 'client', operation: 'getAll', returnAll: true },
	credentials: () => ({ complyCubeApi: { apiKey: 'test_stub_key_0123456789', baseUrl: `${stub.origin}/v1`, rateLimit: 'custom', requestsPerSecond: 0 } }),
};
const ARGOS: Service = {
	node: 'Argos Identity',
	file: '../ArgosIdentity/operation.workflow.json',
	parameters: { resource: 'submission', operation: 'getAll', searchBy: 'all', returnAll: true },
	credentials: () => ({ argosIdentityApi: { apiKey: 'argos_stub_key_0123456789', baseUrl: `${stub.origin}/v3` } }),
};
const CRAFTER: Service = {
	node: 'Crafter Profile',
	file: '../CrafterProfile/profiles.workflow.json',
	parameters: { resource: 'profile', operation: 'getAll', filterBy: 'tenant', tenantName: 'default', returnAll: true },
	credentials: () => ({ crafterProfileApi: { accessTokenId: 'crafter-stub-token-0123456789', baseUrl: `${stub.origin}/crafter-profile` } }),
};

async function run(service: Service, parameters: INodeParameters = {}) {
	const workflow = loadWorkflow(path.join(__dirname, service.file), [{ json: {} }], {
		[service.node]: { parameters: { ...service.parameters, ...parameters } },
	});
	const result = await runWorkflow(workflow, service.credentials() as never);
	return { ...result, items: result.error ? [] : result.output(service.node) };
}

const number = (request: EmulatorRequest, name: string, fallback: number) => Number(request.query.get(name) ?? fallback);

/** ComplyCube: every page full of new clients, and `pages` always far ahead. */
const complyCubeForever = (request: EmulatorRequest): EmulatorResponse => {
	const page = number(request, 'page', 1);
	const pageSize = number(request, 'pageSize', 100);
	const items = Array.from({ length: pageSize }, (_, index) => ({
		id: hex24((page - 1) * pageSize + index + 1),
		type: 'person',
		createdAt: '2025-01-01T00:00:00.000Z',
	}));
	return { status: 200, json: { page, pageSize, totalItems: 1e9, pages: 1e7, items } };
};
/** Argos: one new submission per page, and always a new cursor. */
const argosForever = (request: EmulatorRequest): EmulatorResponse => {
	const after = number(request, 'nextpage_id', 0);
	return {
		status: 200,
		json: {
			Items: [{ submission_id: String(after + 1), kyc: { result: 'pending' } }],
			nextpageKey: { id: String(after + 1), created_at: String(1_700_000_000_000 + after) },
		},
	};
};
/** Crafter: every page as long as asked, of new profiles. */
const crafterForever = (request: EmulatorRequest): EmulatorResponse => {
	const start = number(request, 'start', 0);
	const count = number(request, 'count', 100);
	return {
		status: 200,
		json: Array.from({ length: count }, (_, index) => ({ id: hex24(start + index + 1), username: `user${start + index}`, tenant: 'default' })),
	};
};

describe('a service that offers pages forever: the call ends with the ceiling error, after bounded requests', () => {
	test.each([
		['ComplyCube (trusts `pages`)', COMPLYCUBE, complyCubeForever, MAX_RECORDS / 100, '10,000 records'],
		['Crafter Profile (stops only on a short page)', CRAFTER, crafterForever, MAX_RECORDS / 100, '10,000 records'],
		['Argos Identity (stops only on a repeated cursor), one submission per page', ARGOS, argosForever, MAX_PAGES, `${MAX_PAGES} pages`],
	] as const)(
		'%s',
		async (_name, service, answer, requests, limit) => {
			serve(answer);
			const result = await run(service);
			expect(result.error?.message).toBe(`Return All stopped at ${limit}, the most one call reads, and ${service.node} still offers more [item 0]`);
			expect(result.error?.description).toMatch(
				/^Nothing is output for this item, so a partial list is not taken for the whole\. Turn off Return All and set Limit to at most 10,000, or .+\.$/,
			);
			expect(stub.received).toHaveLength(requests);
		},
		120_000,
	);

	test('with a Limit above the ceiling, the same error (named for Get Many)', async () => {
		serve(crafterForever);
		const result = await run(CRAFTER, { returnAll: false, limit: 50_000 });
		expect(result.error?.message).toBe('Get Many stopped at 10,000 records, the most one call reads, and Crafter Profile still offers more [item 0]');
		expect(result.error?.description).toContain('Set Limit to at most 10,000');
		expect(stub.received).toHaveLength(100);
	}, 120_000);

	test('a Limit within the ceiling is served as before', async () => {
		serve(complyCubeForever);
		const result = await run(COMPLYCUBE, { returnAll: false, limit: 250 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(250);
		expect(stub.received).toHaveLength(3);
	}, 60_000);
});

describe('a page that brings nothing new ends the walk with what was read', () => {
	test('ComplyCube answering page 1 whatever page is asked for', async () => {
		serve((request) => complyCubeForever({ ...request, query: new URLSearchParams({ pageSize: request.query.get('pageSize') ?? '100' }) }));
		const result = await run(COMPLYCUBE);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(100);
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(100);
		expect(stub.received).toHaveLength(2);
	}, 60_000);

	test('Crafter answering the first profiles whatever start is asked for', async () => {
		serve((request) => crafterForever({ ...request, query: new URLSearchParams({ count: request.query.get('count') ?? '100' }) }));
		const result = await run(CRAFTER);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(100);
		expect(stub.received).toHaveLength(2);
	}, 60_000);

	test('Argos moving its cursor over the same submissions', async () => {
		let calls = 0;
		serve(() => ({
			status: 200,
			json: { Items: [{ submission_id: 'same-1' }, { submission_id: 'same-2' }], nextpageKey: { id: `cursor-${++calls}`, created_at: String(calls) } },
		}));
		const result = await run(ARGOS);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.submission_id)).toEqual(['same-1', 'same-2']);
		expect(stub.received).toHaveLength(2);
	}, 60_000);

	test('ComplyCube pages that overlap (a record added while reading shifts the next page): each record once', async () => {
		// Each page starts with the last record of the page before; the last page is 3.
		serve((request) => {
			const page = number(request, 'page', 1);
			const items = Array.from({ length: 100 }, (_, index) => ({ id: hex24((page - 1) * 99 + index + 1) }));
			return { status: 200, json: { page, pageSize: 100, totalItems: 300, pages: 3, items } };
		});
		const result = await run(COMPLYCUBE);
		const ids = result.items.map((item) => item.json.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toHaveLength(298);
	}, 60_000);
});
