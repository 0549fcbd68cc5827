import { startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { call } from './test-helpers';

let emulator: ComplyCubeEmulator;
beforeEach(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 5 })));
afterEach(async () => await emulator.close());

const image = () => ({
	fileName: 'front.jpg',
	contentType: 'image/jpg',
	data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
	createdAt: new Date().toISOString(),
});

test('a document: {attributes:["images"]} overwrites both sides and answers {}; other attributes are refused', async () => {
	const documentId = emulator.addDocument(emulator.addClient(), 'passport');
	const document = emulator.documents.get(documentId)!;
	document.images.front = image();
	document.images.back = image();
	expect(await call(emulator, 'POST', `/documents/${documentId}/redact`, { attributes: ['face'] })).toMatchObject({
		status: 400,
		json: { param: 'attributes' },
	});
	expect(await call(emulator, 'POST', `/documents/${documentId}/redact`, {})).toMatchObject({ status: 400, json: { param: 'attributes' } });
	const answer = await call(emulator, 'POST', `/documents/${documentId}/redact`, { attributes: ['images'] });
	expect(answer).toMatchObject({ status: 200, json: {} });
	expect(document.images.front.data.every((byte) => byte === 0)).toBe(true);
	expect(document.images.back.data.every((byte) => byte === 0)).toBe(true);
	expect(emulator.redactions).toEqual([{ resource: 'document', id: documentId, body: { attributes: ['images'] }, redactedAt: expect.any(String) }]);
});

test('a live photo and a live video: no body, {} answered; unknown ids 404', async () => {
	const clientId = emulator.addClient();
	const videoId = emulator.addLiveVideo(clientId);
	expect(await call(emulator, 'POST', `/liveVideos/${videoId}/redact`)).toMatchObject({ status: 200, json: {} });
	expect(await call(emulator, 'POST', '/liveVideos/ffffffffffffffffffffffff/redact')).toMatchObject({
		status: 404,
		json: { message: "Invalid live video id 'ffffffffffffffffffffffff'" },
	});
	expect(await call(emulator, 'POST', '/livePhotos/ffffffffffffffffffffffff/redact')).toMatchObject({
		status: 404,
		json: { message: "Invalid live photo id 'ffffffffffffffffffffffff'" },
	});
	expect(emulator.redactions.map(({ resource, id }) => ({ resource, id }))).toEqual([{ resource: 'liveVideo', id: videoId }]);
});

test('a check outcome: only a document_check, with documented attributes and images', async () => {
	const clientId = emulator.addClient();
	const screening = await call(emulator, 'POST', '/checks', { clientId, type: 'standard_screening_check' });
	expect(await call(emulator, 'POST', `/checks/${String(screening.json.id)}/redact`, { attributes: ['dob'] })).toMatchObject({
		status: 400,
		json: { type: 'invalid_request' },
	});
	const documentId = emulator.addDocument(clientId, 'passport');
	emulator.documents.get(documentId)!.images.front = image();
	const check = await call(emulator, 'POST', '/checks', { clientId, type: 'document_check', documentId });
	const checkId = String(check.json.id);
	expect(await call(emulator, 'POST', `/checks/${checkId}/redact`, { attributes: ['shoeSize'] })).toMatchObject({ status: 400, json: { param: 'attributes' } });
	expect(await call(emulator, 'POST', `/checks/${checkId}/redact`, {})).toMatchObject({ status: 400, json: { param: 'attributes' } });
	const body = { attributes: ['documentNumber', 'personalNumber', 'issuingAuthority'], images: ['face'] };
	expect(await call(emulator, 'POST', `/checks/${checkId}/redact`, body)).toMatchObject({ status: 200, json: {} });
	expect(emulator.redactions).toEqual([{ resource: 'check', id: checkId, body, redactedAt: expect.any(String) }]);
});
