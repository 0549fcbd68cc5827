import { COMPLYCUBE_API_KEY, COMPLYCUBE_DEMO_CLIENT_ID, startComplyCubeEmulator, type ComplyCubeEmulator } from './complycube';
import { sampleBytes } from '../support/sample-files';

let emulator: ComplyCubeEmulator;
beforeEach(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 20 })));
afterEach(async () => await emulator.close());

async function call(method: string, path: string, body?: unknown, key: string | null = COMPLYCUBE_API_KEY) {
	const response = await fetch(`${emulator.baseUrl}${path}`, {
		method,
		headers: { 'content-type': 'application/json', ...(key ? { authorization: key } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json().catch(() => undefined)) as Record<string, unknown> };
}

const upload = (documentId: string, fileName: string, data: Buffer, side = 'front') =>
	call('POST', `/documents/${documentId}/upload/${side}`, { fileName, data: data.toString('base64') });

test('the raw key is required; Bearer or a wrong key answers 401', async () => {
	expect((await call('GET', '/clients', undefined, null)).status).toBe(401);
	expect((await call('GET', '/clients', undefined, `Bearer ${COMPLYCUBE_API_KEY}`)).status).toBe(401);
	expect((await call('GET', '/clients')).status).toBe(200);
});

test('a document image: accepted in the window, with the documented fields; trailing slash accepted', async () => {
	const documentId = emulator.addDocument(COMPLYCUBE_DEMO_CLIENT_ID);
	const answer = await call('POST', `/documents/${documentId}/upload/front/`, { fileName: 'a.png', data: sampleBytes('png', 34_816).toString('base64') });
	expect(answer.status).toBe(200);
	expect(Object.keys(answer.json).sort()).toEqual(['contentType', 'createdAt', 'documentSide', 'downloadLink', 'fileName', 'id', 'size', 'updatedAt']);
	expect(answer.json).toMatchObject({ contentType: 'image/png', size: 34_816, documentSide: 'front' });
});

test.each([
	['too small', 'a.jpg', sampleBytes('jpeg', 34_815), 400, 'Image file size should be between 34KB and 4MB'],
	['too large', 'a.jpg', sampleBytes('jpeg', 4_000_001), 400, 'Image file size should be between 34KB and 4MB'],
	['a name without an accepted extension', 'a.gif', sampleBytes('jpeg', 40_000), 400, '"fileName" must have a .jpg, .jpeg, .png or .pdf extension'],
	['bytes that are no JPG, PNG or PDF', 'a.jpg', sampleBytes('webp', 40_000), 400, 'Unsupported file format: JPG, PNG or PDF expected'],
])('a document image refused: %s', async (_case, fileName, data, status, message) => {
	const documentId = emulator.addDocument(COMPLYCUBE_DEMO_CLIENT_ID);
	const answer = await upload(documentId, fileName, data);
	expect(answer).toEqual({ status, json: expect.objectContaining({ type: 'invalid_request', message }) });
	expect(emulator.acceptedUploads).toHaveLength(0);
});

test('an unknown document answers 404 resource_not_found with the id', async () => {
	const answer = await upload('5eb04fcd0f3e360008035eb1', 'a.jpg', sampleBytes('jpeg', 40_000));
	expect(answer).toEqual({ status: 404, json: { type: 'resource_not_found', message: "Invalid document id '5eb04fcd0f3e360008035eb1'" } });
});

test('a live photo must be JPG or PNG: a PDF is refused', async () => {
	const answer = await call('POST', '/livePhotos', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, data: sampleBytes('pdf', 40_000).toString('base64') });
	expect(answer.status).toBe(400);
	expect(answer.json.message).toBe('Unsupported file format: JPG or PNG expected');
});

test('the sandbox rate limit: the sixth request within a second answers 429', async () => {
	const limited = await startComplyCubeEmulator();
	const statuses: number[] = [];
	for (let index = 0; index < 6; index++) {
		statuses.push((await fetch(`${limited.baseUrl}/clients`, { headers: { authorization: COMPLYCUBE_API_KEY } })).status);
	}
	await limited.close();
	expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
});

test('checks: a two-sided document with one side fails 422 two_sides_expected; with both, pending then complete', async () => {
	const documentId = emulator.addDocument(COMPLYCUBE_DEMO_CLIENT_ID, 'driving_license');
	await upload(documentId, 'front.jpg', sampleBytes('jpeg', 40_000));
	const oneSide = await call('POST', '/checks', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, type: 'document_check', documentId });
	expect(oneSide).toEqual({ status: 422, json: expect.objectContaining({ type: 'two_sides_expected' }) });
	await upload(documentId, 'back.jpg', sampleBytes('jpeg', 40_000), 'back');
	const created = await call('POST', '/checks', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, type: 'document_check', documentId });
	expect(created.json.status).toBe('pending');
	await emulator.settle();
	const read = await call('GET', `/checks/${String(created.json.id)}`);
	expect(read.json).toMatchObject({ status: 'complete', result: { outcome: 'clear' } });
});
