import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { expectNoSecret } from '../../support/expect-no-secret';
import { sampleBytes } from '../../support/sample-files';
import { runOperation } from './run-operation';

const UNKNOWN_ID = '5eb04fcd0f3e360008035eb1';
let emulator: ComplyCubeEmulator;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 5 });
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
	emulator.redactions.length = 0;
});

const sent = () => emulator.received.map(({ method, path, body }) => ({ method, path, body: body.length ? JSON.parse(body.toString('utf8')) : undefined }));
const image = () => ({ fileName: 'front.jpg', contentType: 'image/jpg', data: sampleBytes('jpeg', 40_000), createdAt: new Date().toISOString() });

test('Document → Redact Images: sends {attributes:["images"]}; both sides are masked', async () => {
	const documentId = emulator.addDocument(emulator.addClient(), 'passport');
	const document = emulator.documents.get(documentId)!;
	document.images.front = image();
	document.images.back = image();
	const result = await runOperation(emulator, { resource: 'document', operation: 'redact', documentId });
	expect(result.error).toBeUndefined();
	expect(sent()).toEqual([{ method: 'POST', path: `/v1/documents/${documentId}/redact`, body: { attributes: ['images'] } }]);
	expect(result.items[0].json).toEqual({ id: documentId, redacted: true, attributes: ['images'] });
	expect(document.images.front.data.every((byte) => byte === 0) && document.images.back.data.every((byte) => byte === 0)).toBe(true);
});

test('Live Photo → Redact and Live Video → Redact: no body; recorded by the service', async () => {
	const clientId = emulator.addClient();
	const photoId = 'abcdefabcdefabcdefabcdef';
	emulator.livePhotos.set(photoId, {
		id: photoId,
		clientId,
		performLivenessCheck: true,
		contentType: 'images/jpg',
		data: sampleBytes('jpeg', 40_000),
		createdAt: new Date().toISOString(),
	});
	const videoId = emulator.addLiveVideo(clientId);
	const photo = await runOperation(emulator, { resource: 'livePhoto', operation: 'redact', livePhotoId: photoId });
	const video = await runOperation(emulator, { resource: 'liveVideo', operation: 'redact', liveVideoId: videoId });
	expect(photo.error).toBeUndefined();
	expect(video.error).toBeUndefined();
	expect(sent()).toEqual([
		{ method: 'POST', path: `/v1/livePhotos/${photoId}/redact`, body: undefined },
		{ method: 'POST', path: `/v1/liveVideos/${videoId}/redact`, body: undefined },
	]);
	expect([photo.items[0].json, video.items[0].json]).toEqual([
		{ id: photoId, redacted: true },
		{ id: videoId, redacted: true },
	]);
	expect(emulator.redactions.map(({ resource, id }) => `${resource} ${id}`)).toEqual([`livePhoto ${photoId}`, `liveVideo ${videoId}`]);
	expect(emulator.livePhotos.get(photoId)!.data.every((byte) => byte === 0)).toBe(true);
});

describe('Check → Redact Outcome', () => {
	async function documentCheck() {
		const clientId = emulator.addClient();
		const documentId = emulator.addDocument(clientId, 'passport');
		emulator.documents.get(documentId)!.images.front = image();
		const created = await runOperation(emulator, { resource: 'check', operation: 'create', clientId, checkType: 'document_check', documentId });
		emulator.received.length = 0;
		return String(created.items[0].json.id);
	}

	test('sends the chosen attributes and images', async () => {
		const checkId = await documentCheck();
		const result = await runOperation(emulator, {
			resource: 'check',
			operation: 'redact',
			checkId,
			attributes: ['documentNumber', 'personalNumber'],
			images: ['face'],
		});
		expect(result.error).toBeUndefined();
		const body = { attributes: ['documentNumber', 'personalNumber'], images: ['face'] };
		expect(sent()).toEqual([{ method: 'POST', path: `/v1/checks/${checkId}/redact`, body }]);
		expect(result.items[0].json).toEqual({ id: checkId, redacted: true, ...body });
		expect(emulator.redactions).toEqual([{ resource: 'check', id: checkId, body, redactedAt: expect.any(String) }]);
	});

	test('nothing chosen is refused before sending', async () => {
		const result = await runOperation(emulator, { resource: 'check', operation: 'redact', checkId: UNKNOWN_ID, attributes: [], images: [] });
		expect(result.error?.message).toBe('Nothing to redact [item 0]');
		expect(emulator.received).toHaveLength(0);
	});

	test("a check that is not a document check: the service's 400, never the key", async () => {
		const clientId = emulator.addClient();
		const screening = await runOperation(emulator, { resource: 'check', operation: 'create', clientId, checkType: 'standard_screening_check' });
		const result = await runOperation(emulator, { resource: 'check', operation: 'redact', checkId: String(screening.items[0].json.id), images: ['all'] });
		expect(result.error?.message).toBe('ComplyCube refused the request (HTTP 400): Only the outcome of a document_check can be redacted [item 0]');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});
});

test('an unknown live video: 404 with the service message', async () => {
	const result = await runOperation(emulator, { resource: 'liveVideo', operation: 'redact', liveVideoId: UNKNOWN_ID });
	expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid live video id '${UNKNOWN_ID}' [item 0]`);
});
