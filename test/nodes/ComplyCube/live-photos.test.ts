import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import type { FixtureItem } from '../../engine/fixture-items.node';
import { expectNoSecret } from '../../support/expect-no-secret';
import { sampleBytes, SampleFolder } from '../../support/sample-files';
import { binaryBytes } from './binary-bytes';
import { runOperation } from './run-operation';

const UNKNOWN_ID = '5eb04fcd0f3e360008035eb1';
const samples = new SampleFolder();
let emulator: ComplyCubeEmulator;
let clientId: string;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 50 });
	clientId = emulator.addClient();
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
});

const livePhoto = (parameters: Record<string, unknown>, items?: FixtureItem[], settings?: { continueOnFail?: boolean }) =>
	runOperation(emulator, { resource: 'livePhoto', ...parameters }, items, settings);

/** A live photo stored directly in the emulator, as if uploaded earlier (labelled as the sandbox labels a JPEG selfie). */
function storePhoto(owner = clientId, bytes = sampleBytes('jpeg', 40_000), createdAt = new Date().toISOString()) {
	const id = Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
	emulator.livePhotos.set(id, { id, clientId: owner, performLivenessCheck: true, contentType: 'images/jpg', data: bytes, createdAt });
	return id;
}

async function uploadThroughNode(kind: 'jpeg' | 'png', size: number) {
	const file = samples.make(`${Math.random().toString(36).slice(2)}.${kind}`, kind, size);
	const result = await livePhoto({ operation: 'upload', clientId, binaryPropertyName: 'data', performLivenessCheck: false }, [
		{ json: {}, files: { data: { path: file.path, fileName: `selfie.${kind}`, mimeType: `image/${kind}` } } },
	]);
	expect(result.error).toBeUndefined();
	return { id: result.items[0].json.id as string, bytes: file.bytes };
}

describe('Download', () => {
	test.each([
		['jpeg', 'image/jpeg', 'jpg'],
		['png', 'image/png', 'png'],
	] as const)('a %s selfie uploaded through the node comes back byte-identical', async (kind, mimeType, extension) => {
		const { id, bytes } = await uploadThroughNode(kind, 52_001);
		emulator.received.length = 0;
		const result = await livePhoto({ operation: 'download', livePhotoId: id, binaryPropertyName: 'selfie' });
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path }) => ({ method, path }))).toEqual([{ method: 'GET', path: `/v1/livePhotos/${id}/download` }]);
		const [item] = result.items;
		expect(item.binary?.selfie).toMatchObject({ mimeType, fileName: `${id}.${extension}` });
		expect((await binaryBytes(item.binary?.selfie)).equals(bytes)).toBe(true);
		expect(item.json).toEqual({ fileName: `${id}.${extension}`, contentType: mimeType, size: 52_001 });
	});

	test("the sandbox's 'images/jpg' (sic) becomes image/jpeg, from the bytes", async () => {
		const id = storePhoto();
		expect(emulator.livePhotos.get(id)!.contentType).toBe('images/jpg');
		const result = await livePhoto({ operation: 'download', livePhotoId: id, binaryPropertyName: 'data' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary?.data?.mimeType).toBe('image/jpeg');
	});

	test('an unknown live photo: the service message and its 404, never the key', async () => {
		const result = await livePhoto({ operation: 'download', livePhotoId: UNKNOWN_ID, binaryPropertyName: 'data' });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid live photo id '${UNKNOWN_ID}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an empty Live Photo ID is refused before sending', async () => {
		const result = await livePhoto({ operation: 'download', livePhotoId: '={{ $json.nothing }}', binaryPropertyName: 'data' });
		expect(result.error?.message).toBe('Live Photo ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Get', () => {
	test('answers the live photo without its bytes', async () => {
		const id = storePhoto();
		const result = await livePhoto({ operation: 'get', livePhotoId: id });
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path }) => ({ method, path }))).toEqual([{ method: 'GET', path: `/v1/livePhotos/${id}` }]);
		// The service's own label, passed through as ComplyCube answers it (docs/complycube-api.md §5).
		expect(result.items[0].json).toMatchObject({ id, clientId, contentType: 'images/jpg', size: 40_000, performLivenessCheck: true });
		expect(result.items[0].json).not.toHaveProperty('data');
	});

	test('an unknown live photo: 404', async () => {
		const result = await livePhoto({ operation: 'get', livePhotoId: UNKNOWN_ID });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid live photo id '${UNKNOWN_ID}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test("an ID of '..' is refused before sending", async () => {
		const result = await livePhoto({ operation: 'get', livePhotoId: '..' });
		expect(result.error?.message).toBe("Live Photo ID '..' is not a valid ID [item 0]");
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Get Many', () => {
	let manyClient: string;
	const ids: string[] = [];
	beforeAll(() => {
		manyClient = emulator.addClient();
		const start = Date.now() - 1_000_000;
		for (let index = 0; index < 125; index++) ids.push(storePhoto(manyClient, sampleBytes('jpeg', 100), new Date(start + index * 1000).toISOString()));
		storePhoto(emulator.addClient());
	});

	test('Return All walks both pages of the client, newest first as the service lists them', async () => {
		const result = await livePhoto({ operation: 'getAll', clientId: manyClient, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual([...ids].reverse());
		expect(emulator.received.map((request) => Object.fromEntries(request.query))).toEqual([
			{ clientId: manyClient, page: '1', pageSize: '100' },
			{ clientId: manyClient, page: '2', pageSize: '100' },
		]);
		expect(emulator.received.every((request) => request.method === 'GET' && request.path === '/v1/livePhotos')).toBe(true);
	});

	test('a Limit returns that many in one request', async () => {
		const result = await livePhoto({ operation: 'getAll', clientId: manyClient, returnAll: false, limit: 3 });
		expect(result.items.map((item) => item.json.id)).toEqual(ids.slice(-3).reverse());
		expect(emulator.received).toHaveLength(1);
	});

	test('a client with no live photos gives no items', async () => {
		const result = await livePhoto({ operation: 'getAll', clientId: emulator.addClient(), returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	test('an empty Client ID is refused before sending', async () => {
		const result = await livePhoto({ operation: 'getAll', clientId: '={{ $json.missing }}', returnAll: true });
		expect(result.error?.message).toBe('Client ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Delete', () => {
	test('deletes the live photo; downloading it afterwards is 404', async () => {
		const id = storePhoto();
		const result = await livePhoto({ operation: 'delete', livePhotoId: id });
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
			{ method: 'DELETE', path: `/v1/livePhotos/${id}`, status: 204 },
		]);
		expect(result.items[0].json).toEqual({ id, deleted: true });
		expect(emulator.livePhotos.has(id)).toBe(false);
		const after = await livePhoto({ operation: 'download', livePhotoId: id, binaryPropertyName: 'data' });
		expect(after.error?.httpCode).toBe('404');
	});

	test('an unknown live photo: 404, never the key', async () => {
		const result = await livePhoto({ operation: 'delete', livePhotoId: UNKNOWN_ID });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid live photo id '${UNKNOWN_ID}' [item 0]`);
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an empty Live Photo ID is refused before sending', async () => {
		const result = await livePhoto({ operation: 'delete', livePhotoId: '={{ $json.missing }}' });
		expect(result.error?.message).toBe('Live Photo ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});
