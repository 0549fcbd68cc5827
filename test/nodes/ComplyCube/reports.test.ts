import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import { startHttpEmulator, type EmulatorResponse, type RunningEmulator } from '../../emulators/emulator-server';
import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { expectNoSecret } from '../../support/expect-no-secret';
import { finishedSession, IDENTITY_TEMPLATE } from './hosted-page';
import { runOperation } from './run-operation';

let emulator: ComplyCubeEmulator;
let clientId: string;
let checkId: string;
let workflowSessionId: string;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 50 });
	clientId = emulator.addClient({ personDetails: { firstName: 'Report', lastName: 'Subject' } });
	checkId = String((await api('POST', '/checks', { clientId, type: 'standard_screening_check' })).id);
	workflowSessionId = (await finishedSession(emulator, IDENTITY_TEMPLATE.id, clientId)).workflowSessionId;
	await emulator.settle();
});
afterAll(async () => {
	jest.useRealTimers();
	await emulator.close();
});
beforeEach(() => {
	emulator.received.length = 0;
	// The emulator writes the time into each PDF: with the clock held still, two generations are byte-identical.
	jest.useFakeTimers({ now: new Date('2025-06-01T12:00:00.000Z'), doNotFake: FAKEABLE.filter((api) => api !== 'Date') });
});
afterEach(() => jest.useRealTimers());

const FAKEABLE = [
	'Date',
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
] as const;

async function api(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
	const response = await fetch(`${emulator.baseUrl}${path}`, {
		method,
		headers: { authorization: emulator.apiKey, 'content-type': 'application/json' },
		...(body ? { body: JSON.stringify(body) } : {}),
	});
	return (await response.json()) as Record<string, unknown>;
}

/** The PDF ComplyCube makes for this request, fetched straight from the emulator (following a content URL). */
async function pdfFromComplyCube(query: string): Promise<Buffer> {
	const answer = await api('GET', `/reports?${query}`);
	expect(answer.contentType).toBe('application/pdf');
	const data = String(answer.data);
	if (/^https?:\/\//.test(data)) return Buffer.from(await (await fetch(data)).arrayBuffer());
	return Buffer.from(data, 'base64');
}

const bytesOf = async (binary: IBinaryData | undefined) => await Container.get(BinaryDataService).getAsBuffer(binary!);

describe('a report ComplyCube generates, as a PDF binary', () => {
	test.each([
		['client', 'clientId', 'client', () => clientId],
		['check', 'checkId', 'check', () => checkId],
		['workflowSession', 'workflowSessionId', 'workflow-session', () => workflowSessionId],
	] as const)('for a %s', async (reportFor, idName, fileWord, idOf) => {
		const id = idOf();
		const result = await runOperation(emulator, { resource: 'report', operation: 'generate', reportFor, [idName]: id, binaryPropertyName: 'data' });
		expect(result.error).toBeUndefined();
		const [item] = result.items;
		const fileName = `complycube-${fileWord}-report-${id}.pdf`;
		const expected = await pdfFromComplyCube(`${idName}=${id}`);
		expect(item.json).toEqual({ reportFor, [idName]: id, fileName, contentType: 'application/pdf', size: expected.length });
		expect(item.binary?.data).toMatchObject({ mimeType: 'application/pdf', fileName, fileExtension: 'pdf' });
		const bytes = await bytesOf(item.binary?.data);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(bytes.equals(expected)).toBe(true);
		const request = emulator.received[0];
		expect(request).toMatchObject({ method: 'GET', path: '/v1/reports', status: 200 });
		expect([...request.query.entries()]).toEqual([[idName, id]]);
		expect(request.headers.authorization).toBe(emulator.apiKey);
	});

	test("a workflow session's content URL is fetched without the API key", async () => {
		const result = await runOperation(emulator, {
			resource: 'report',
			operation: 'generate',
			reportFor: 'workflowSession',
			workflowSessionId,
			binaryPropertyName: 'data',
		});
		expect(result.error).toBeUndefined();
		expect(emulator.received.map((request) => request.path)).toEqual(['/v1/reports', expect.stringMatching(/^\/reports\/content\//)]);
		expect(emulator.received[1].headers.authorization).toBeUndefined();
		expectNoSecret(emulator.apiKey, result.items);
	});

	test('Put Output File in Field names the binary, and the input binary is kept', async () => {
		const result = await runOperation(
			emulator,
			{ resource: 'report', operation: 'generate', reportFor: 'client', clientId: '={{ $json.clientId }}', binaryPropertyName: 'report' },
			[{ json: { clientId }, files: { data: { path: __filename, fileName: 'input.txt', mimeType: 'text/plain' } } }],
		);
		expect(result.error).toBeUndefined();
		const binary = result.items[0].binary!;
		expect(Object.keys(binary).sort()).toEqual(['data', 'report']);
		expect(binary.report.mimeType).toBe('application/pdf');
		expect(binary.data.fileName).toBe('input.txt');
	});
});

describe('refusals', () => {
	test.each([
		['client', 'clientId', 'client'],
		['check', 'checkId', 'check'],
		['workflowSession', 'workflowSessionId', 'workflow session'],
	] as const)("an unknown %s: ComplyCube's message and 404, never the key", async (reportFor, idName, words) => {
		const id = '5eaecff4a675310007440c08';
		const result = await runOperation(emulator, { resource: 'report', operation: 'generate', reportFor, [idName]: id, binaryPropertyName: 'data' });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid ${words} id '${id}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an empty ID from an expression is refused before sending', async () => {
		const result = await runOperation(emulator, {
			resource: 'report',
			operation: 'generate',
			reportFor: 'check',
			checkId: '={{ $json.checkId }}',
			binaryPropertyName: 'data',
		});
		expect(result.error?.message).toBe('Check ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('an answer that is not a PDF is refused', () => {
	let stub: RunningEmulator;
	let answer: () => EmulatorResponse;
	beforeAll(async () => {
		stub = await startHttpEmulator((request) =>
			request.path.startsWith('/content') ? { status: 200, body: '<html><title>Sign in</title></html>', headers: { 'content-type': 'text/html' } } : answer(),
		);
	});
	afterAll(async () => await stub.close());

	const generate = async () =>
		await runOperation({ apiKey: emulator.apiKey, baseUrl: `${stub.origin}/v1` } as ComplyCubeEmulator, {
			resource: 'report',
			operation: 'generate',
			reportFor: 'client',
			clientId,
			binaryPropertyName: 'data',
		});

	test('base64 data that holds an HTML page', async () => {
		answer = () => ({ status: 200, json: { contentType: 'application/pdf', data: Buffer.from('<html>login</html>').toString('base64') } });
		const result = await generate();
		expect(result.error?.message).toMatch(/^ComplyCube answered HTTP 200 without a PDF file in data: .*\[item 0\]$/);
		expect(result.items).toHaveLength(0);
	});

	test('a content URL that answers an HTML page', async () => {
		answer = () => ({ status: 200, json: { contentType: 'application/pdf', data: `${stub.origin}/content/abc` } });
		const result = await generate();
		expect(result.error?.message).toMatch(/^ComplyCube answered HTTP 200 without a PDF file behind the content URL in data/);
	});

	test('an answer without data', async () => {
		answer = () => ({ status: 200, json: { contentType: 'application/pdf' } });
		const result = await generate();
		expect(result.error?.message).toMatch(/^ComplyCube answered HTTP 200 without a PDF report in data/);
	});

	test('a content URL that has expired: its status, and no key sent to it', async () => {
		answer = () => ({ status: 200, json: { contentType: 'application/pdf', data: `${emulator.origin}/reports/content/expired-token` } });
		const result = await generate();
		expect(result.error?.message).toMatch(
			/^ComplyCube refused the request \(HTTP 404\): the report's content link at http:\/\/127\.0\.0\.1:\d+ answered: Not found \[item 0\]$/,
		);
		expect(result.error?.message).not.toContain('expired-token');
		expect(emulator.received.at(-1)?.headers.authorization).toBeUndefined();
	});
});
