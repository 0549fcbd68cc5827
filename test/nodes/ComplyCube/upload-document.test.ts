import path from 'node:path';

import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { runWorkflow } from '../../engine/run-workflow';
import { loadWorkflow, type NodeChanges } from '../../engine/workflow-file';
import type { FixtureItem } from '../../engine/fixture-items.node';
import { expectNoSecret } from '../../support/expect-no-secret';
import { SampleFolder, type SampleKind } from '../../support/sample-files';

const WORKFLOW = path.join(__dirname, 'upload-document.workflow.json');
const NODE = 'Upload Document Image';
const samples = new SampleFolder();
let emulator: ComplyCubeEmulator;
let clientId: string;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false });
	clientId = emulator.addClient();
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
	emulator.acceptedUploads.length = 0;
});

const credentials = (overrides: Record<string, string> = {}) => ({
	complyCubeApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl, ...overrides },
});

function documentItem(kind: SampleKind, size: number, fileName: string | undefined, side = 'front', documentId = emulator.addDocument(clientId)) {
	const file = samples.make(`${Math.random().toString(36).slice(2)}-${fileName ?? 'noname'}`, kind, size);
	const item: FixtureItem = { json: { documentId, side }, files: { data: { path: file.path, fileName, mimeType: 'image/jpeg' } } };
	return { item, file, documentId };
}

const run = async (items: FixtureItem[], changes: NodeChanges = {}, creds = credentials()) => await runWorkflow(loadWorkflow(WORKFLOW, items, changes), creds);

describe('uploads that ComplyCube accepts', () => {
	// contentType is the service's own label: the sandbox calls a JPEG 'image/jpg' (docs/complycube-api.md §4).
	test.each([
		['jpeg', 'front.jpg', 'image/jpg'],
		['png', 'front.png', 'image/png'],
		['pdf', 'statement.pdf', 'application/pdf'],
	] as const)('a %s side arrives byte-identical, with the raw key, at the document path', async (kind, fileName, contentType) => {
		const { item, file, documentId } = documentItem(kind, 60_000, fileName, 'back');
		const result = await run([item]);
		expect(result.error).toBeUndefined();
		const [output] = result.output(NODE);
		expect(output.json).toMatchObject({ fileName, documentSide: 'back', contentType, size: 60_000 });
		expect(output.pairedItem).toEqual({ item: 0 });
		expect(output.binary?.data?.fileName).toBe(fileName);
		expect(emulator.acceptedUploads).toHaveLength(1);
		expect(emulator.acceptedUploads[0].data.equals(file.bytes)).toBe(true);
		const request = emulator.received[0];
		expect(request.method).toBe('POST');
		expect(request.path).toBe(`/v1/documents/${documentId}/upload/back`);
		expect(request.headers.authorization).toBe(emulator.apiKey);
		expect(request.headers['content-type']).toContain('application/json');
	});

	test('the size window is inclusive at both ends', async () => {
		const smallest = documentItem('jpeg', 34_816, 'min.jpg');
		const largest = documentItem('jpeg', 4_000_000, 'max.jpg');
		const result = await run([smallest.item, largest.item]);
		expect(result.error).toBeUndefined();
		expect(emulator.acceptedUploads.map((upload) => upload.data.length)).toEqual([34_816, 4_000_000]);
	});

	test('a name that disagrees with the bytes is corrected, and a missing one made up', async () => {
		const misnamed = documentItem('jpeg', 40_000, 'scan.png');
		const unnamed = documentItem('png', 40_000, undefined);
		const result = await run([misnamed.item, unnamed.item]);
		expect(result.error).toBeUndefined();
		expect(emulator.acceptedUploads.map((upload) => upload.fileName)).toEqual(['scan.jpg', 'document.png']);
	});

	test('a File Name option that agrees with the bytes is sent as typed', async () => {
		const { item } = documentItem('jpeg', 40_000, 'IMG_0001.JPG');
		const result = await run([item], { [NODE]: { parameters: { options: { fileName: 'passport-front.jpeg' } } } });
		expect(result.error).toBeUndefined();
		expect(emulator.acceptedUploads[0].fileName).toBe('passport-front.jpeg');
	});

	test('the front upload keeps the binary, so the back can be uploaded next from the same item', async () => {
		const { item, documentId } = documentItem('jpeg', 40_000, 'front.jpg');
		const workflow = loadWorkflow(WORKFLOW, [item]);
		const back = { ...workflow.nodes[2], id: 'back', name: 'Upload Back', position: [660, 0] as [number, number] };
		back.parameters = { ...back.parameters, documentId: `={{ $('Files').item.json.documentId }}`, documentSide: 'back' };
		workflow.nodes.push(back);
		workflow.connections[NODE] = { main: [[{ node: 'Upload Back', type: 'main', index: 0 }]] };
		const result = await runWorkflow(workflow, credentials());
		expect(result.error).toBeUndefined();
		expect(emulator.documents.get(documentId)?.images.front).toBeDefined();
		expect(emulator.documents.get(documentId)?.images.back).toBeDefined();
		expect(result.output('Upload Back')[0].json.documentSide).toBe('back');
	});

	test('an ID that tries to climb the path stays one segment and reaches nothing else', async () => {
		const { item } = documentItem('jpeg', 40_000, 'front.jpg', 'front', 'a/../../clients');
		const result = await run([item]);
		expect(result.error?.message).toContain("Invalid document id 'a/../../clients'");
		expect(emulator.received).toHaveLength(1);
		expect(emulator.received[0].path).toBe('/v1/documents/a%2F%2E%2E%2F%2E%2E%2Fclients/upload/front');
	});

	test("a 429 is retried after the service's Retry-After, and the upload arrives exactly once", async () => {
		const { item, file } = documentItem('jpeg', 40_000, 'front.jpg');
		emulator.throttleNext(2, '1');
		const result = await run([item]);
		expect(result.error).toBeUndefined();
		expect(emulator.received.map((request) => request.status)).toEqual([429, 429, 200]);
		const [first, second, third] = emulator.received.map((request) => request.receivedAt);
		expect([second - first, third - second].every((gap) => gap >= 1_000)).toBe(true);
		expect(emulator.acceptedUploads).toHaveLength(1);
		expect(emulator.acceptedUploads[0].data.equals(file.bytes)).toBe(true);
	});
});

describe('files refused before anything is sent', () => {
	test.each([
		['too small', 'jpeg', 34_815, 'tiny.jpg', /is too small \(34,815 bytes\): a ComplyCube document image must be between 34,816 bytes and 4,000,000 bytes/],
		['too large', 'png', 4_000_001, 'huge.png', /is too large \(4,000,001 bytes\)/],
		['not an image by its bytes', 'text', 40_000, 'passport.jpg', /'passport.jpg' in binary property 'data' is not a JPEG, PNG or PDF file/],
		['a WebP named .jpg', 'webp', 40_000, 'selfie.jpg', /is not a JPEG, PNG or PDF file/],
	] as const)('%s', async (_case, kind, size, fileName, message) => {
		const { item } = documentItem(kind, size, fileName);
		const result = await run([item]);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(result.error?.description).toContain('Nothing was sent');
		expect(emulator.received).toHaveLength(0);
	});

	test('a File Name whose extension disagrees with the bytes', async () => {
		const { item } = documentItem('jpeg', 40_000, 'front.jpg');
		const result = await run([item], { [NODE]: { parameters: { options: { fileName: 'front.png' } } } });
		expect(result.error?.message).toBe("The File Name 'front.png' ends in .png, which says PNG, but the file is a JPEG [item 0]");
		expect(result.error?.description).toContain('.jpg or .jpeg');
		expect(emulator.received).toHaveLength(0);
	});

	test('a missing binary property names the properties the item has', async () => {
		const { item } = documentItem('jpeg', 40_000, 'front.jpg');
		const result = await run([item], { [NODE]: { parameters: { binaryPropertyName: 'passport' } } });
		expect(result.error?.message).toBe("This item has no binary property 'passport' [item 0]");
		expect(result.error?.description).toContain("it has 'data'");
		expect(emulator.received).toHaveLength(0);
	});

	test('an empty Document ID from an expression', async () => {
		const { item } = documentItem('jpeg', 40_000, 'front.jpg', 'front', '');
		const result = await run([item]);
		expect(result.error?.message).toBe('Document ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe("the service's own refusals", () => {
	test('an unknown document: its message and 404, and never the key', async () => {
		const { item } = documentItem('jpeg', 40_000, 'front.jpg', 'front', '5eb04fcd0f3e360008035eb1');
		const result = await run([item]);
		expect(result.error?.message).toBe("ComplyCube refused the request (HTTP 404): Invalid document id '5eb04fcd0f3e360008035eb1' [item 0]");
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('a wrong key: 401 with advice, and the wrong key is not echoed', async () => {
		const { item } = documentItem('jpeg', 40_000, 'front.jpg');
		const wrongKey = 'test_wrong_key_0000000000';
		const result = await run([item], {}, credentials({ apiKey: wrongKey }));
		expect(result.error?.message).toContain('ComplyCube refused the request (HTTP 401)');
		expect(result.error?.description).toContain('Check the API key');
		expect(emulator.received[0].headers.authorization).toBe(wrongKey);
		expectNoSecret(wrongKey, result.error, result.run.data.resultData);
	});

	test('an unreachable service: a clear error, no retry storm, no key', async () => {
		const { item } = documentItem('jpeg', 40_000, 'front.jpg');
		const closed = await startComplyCubeEmulator();
		const baseUrl = closed.baseUrl;
		await closed.close();
		const result = await run([item], {}, credentials({ baseUrl }));
		expect(result.error?.message).toContain(`Could not reach ComplyCube at ${baseUrl}/documents/`);
		expect(result.error?.message).toContain('the connection was refused');
		expect(result.error?.description).toContain('Nothing reached the service');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});
});

test('five items, two bad, with continue on error: three uploads, two error items, in order and paired', async () => {
	const good = [0, 1, 2].map((index) => documentItem('jpeg', 40_000 + index, `good-${index}.jpg`));
	const tooSmall = documentItem('jpeg', 1_000, 'thumb.jpg');
	const unknown = documentItem('png', 40_000, 'front.png', 'front', 'ffffffffffffffffffffffff');
	const items = [good[0].item, tooSmall.item, good[1].item, unknown.item, good[2].item];
	const result = await run(items, { [NODE]: { onError: 'continueRegularOutput' } });
	expect(result.error).toBeUndefined();
	const output = result.output(NODE);
	expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	expect(output.map((item) => (item.json.error ? 'error' : item.json.fileName))).toEqual(['good-0.jpg', 'error', 'good-1.jpg', 'error', 'good-2.jpg']);
	expect(output[1].json.error).toMatch(/is too small \(1,000 bytes\).*\[item 1\]$/);
	expect(output[3].json).toMatchObject({ details: { httpCode: '404' } });
	expect(output[3].json.error).toContain("Invalid document id 'ffffffffffffffffffffffff' [item 3]");
	expect(output[1].binary?.data).toBeDefined();
	expect(emulator.acceptedUploads.map((upload) => upload.data.length)).toEqual([40_000, 40_001, 40_002]);
});
