import { sampleBytes } from '../../support/sample-files';
import { COMPLYCUBE_DEMO_CLIENT_ID, startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { call } from './test-helpers';

let emulator: ComplyCubeEmulator;
beforeEach(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 10 })));
afterEach(async () => await emulator.close());

const upload = (documentId: string, side: string, fileName: string, data: Buffer) =>
	call(emulator, 'POST', `/documents/${documentId}/upload/${side}`, { fileName, data: data.toString('base64') });

test('create a document: 200 with the fields; unknown client 404, bad type 400', async () => {
	const answer = await call(emulator, 'POST', '/documents', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, type: 'passport', issuingCountry: 'GB' });
	expect(answer).toMatchObject({ status: 200, json: { id: expect.stringMatching(/^[0-9a-f]{24}$/), clientId: COMPLYCUBE_DEMO_CLIENT_ID, type: 'passport', issuingCountry: 'GB', images: [] } });
	expect(await call(emulator, 'POST', '/documents', { clientId: '5eb04fcd0f3e360008035eb1', type: 'passport' })).toMatchObject({
		status: 404, json: { type: 'resource_not_found', message: "Invalid client id '5eb04fcd0f3e360008035eb1'", param: 'clientId' },
	});
	expect(await call(emulator, 'POST', '/documents', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, type: 'INVALIDTYPE' })).toMatchObject({ status: 400, json: { param: 'type' } });
	expect(await call(emulator, 'POST', '/documents', { clientId: COMPLYCUBE_DEMO_CLIENT_ID })).toMatchObject({ status: 400, json: { param: 'type' } });
	expect(await call(emulator, 'POST', '/documents', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, type: 'passport', issuingCountry: 'GBR' })).toMatchObject({ status: 400, json: { param: 'issuingCountry' } });
});

test('get, update (type), delete; unknown ids 404', async () => {
	const id = String((await call(emulator, 'POST', '/documents', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, type: 'passport' })).json.id);
	expect((await call(emulator, 'GET', `/documents/${id}`)).json).toMatchObject({ id, type: 'passport' });
	expect((await call(emulator, 'POST', `/documents/${id}`, { type: 'driving_license' })).json).toMatchObject({ id, type: 'driving_license' });
	expect((await call(emulator, 'POST', `/documents/${id}`, { type: 'INVALIDTYPE' })).status).toBe(400);
	expect((await call(emulator, 'DELETE', `/documents/${id}`)).status).toBe(204);
	expect(await call(emulator, 'GET', `/documents/${id}`)).toMatchObject({ status: 404, json: { message: `Invalid document id '${id}'` } });
	expect((await call(emulator, 'DELETE', `/documents/${id}`)).status).toBe(404);
});

test('upload, then the document lists the image, download answers base64 JSON, delete removes it', async () => {
	const id = emulator.addDocument(COMPLYCUBE_DEMO_CLIENT_ID);
	const bytes = sampleBytes('jpeg', 40_000);
	const uploaded = await upload(id, 'front', 'front.jpg', bytes);
	expect(uploaded.status).toBe(200);
	// The documented link form, relative to /v1, stable for the stored image.
	expect(uploaded.json.downloadLink).toBe(`/documents/${id}/images/${String(uploaded.json.id)}/download`);
	expect((await call(emulator, 'GET', `/documents/${id}`)).json.images).toEqual([
		expect.objectContaining({ id: uploaded.json.id, documentSide: 'front', fileName: 'front.jpg', contentType: 'image/jpeg', size: 40_000, downloadLink: uploaded.json.downloadLink }),
	]);
	expect((await call(emulator, 'GET', String(uploaded.json.downloadLink))).json).toMatchObject({ fileName: 'front.jpg', data: bytes.toString('base64') });
	expect((await call(emulator, 'GET', `/documents/${id}/images/5eb04fcd0f3e360008035eb1/download`)).status).toBe(404);
	const download = await call(emulator, 'GET', `/documents/${id}/download/front`);
	expect(download.json).toEqual({ fileName: 'front.jpg', contentType: 'image/jpeg', data: bytes.toString('base64') });
	// As the PHP SDK's sandbox test expects: an unknown side answers the front image.
	expect((await call(emulator, 'GET', `/documents/${id}/download/INVALIDSIDE`)).json.fileName).toBe('front.jpg');
	expect((await call(emulator, 'GET', `/documents/${id}/download/back`)).status).toBe(404);
	expect((await call(emulator, 'DELETE', `/documents/${id}/front`)).status).toBe(204);
	expect((await call(emulator, 'GET', `/documents/${id}/download/front`)).status).toBe(404);
	expect((await call(emulator, 'DELETE', `/documents/${id}/front`)).status).toBe(404);
	expect((await call(emulator, 'DELETE', `/documents/5eb04fcd0f3e360008035eb1/front`)).status).toBe(404);
	expect((await upload(id, 'INVALIDSIDE', 'a.jpg', bytes)).json).toMatchObject({ type: 'invalid_request', param: 'side' });
	expect((await call(emulator, 'POST', `/documents/${id}/upload/front`, { data: bytes.toString('base64') })).json).toMatchObject({ param: 'fileName' });
	expect((await call(emulator, 'POST', `/documents/${id}/upload/front`, { fileName: 'a.jpg' })).json).toMatchObject({ param: 'data' });
});

test('list by clientId and type, paged', async () => {
	const clientId = emulator.addClient();
	for (const type of ['passport', 'passport', 'driving_license']) await call(emulator, 'POST', '/documents', { clientId, type });
	const all = await call(emulator, 'GET', `/documents?clientId=${clientId}&pageSize=2`);
	expect(all.json).toMatchObject({ page: 1, pageSize: 2, totalItems: 3, pages: 2 });
	expect((all.json.items as unknown[]).length).toBe(2);
	const second = await call(emulator, 'GET', `/documents?clientId=${clientId}&pageSize=2&page=2`);
	expect((second.json.items as unknown[]).length).toBe(1);
	const passports = await call(emulator, 'GET', `/documents?clientId=${clientId}&type=passport`);
	expect(passports.json.totalItems).toBe(2);
});

test('live photos: upload, get, list, download, delete; documented refusals', async () => {
	const clientId = emulator.addClient();
	const bytes = sampleBytes('png', 40_000);
	const uploaded = await call(emulator, 'POST', '/livePhotos/', { clientId, data: bytes.toString('base64'), performLivenessCheck: false });
	expect(uploaded.json).toMatchObject({ clientId, contentType: 'image/png', performLivenessCheck: false, size: 40_000, downloadLink: `/livePhotos/${String(uploaded.json.id)}/download` });
	const id = String(uploaded.json.id);
	expect((await call(emulator, 'GET', `/livePhotos/${id}`)).json).toEqual(uploaded.json);
	expect((await call(emulator, 'GET', `/livePhotos/${id}/download`)).json).toMatchObject({ contentType: 'image/png', data: bytes.toString('base64') });
	await call(emulator, 'POST', '/livePhotos', { clientId, data: sampleBytes('jpeg', 40_000).toString('base64') });
	expect((await call(emulator, 'GET', `/livePhotos?clientId=${clientId}&pageSize=1`)).json).toMatchObject({ totalItems: 2, pages: 2 });
	expect(emulator.acceptedUploads.map((item) => item.kind)).toEqual(['livePhoto', 'livePhoto']);
	expect((await call(emulator, 'DELETE', `/livePhotos/${id}`)).status).toBe(204);
	expect((await call(emulator, 'GET', `/livePhotos/${id}`)).status).toBe(404);
	expect(await call(emulator, 'POST', '/livePhotos', { clientId, data: sampleBytes('jpeg', 100).toString('base64') })).toMatchObject({
		status: 400, json: { message: 'Image file size should be between 34KB and 4MB', param: 'data' },
	});
	expect((await call(emulator, 'POST', '/livePhotos', { clientId: 'nope', data: bytes.toString('base64') })).status).toBe(404);
	expect((await call(emulator, 'POST', '/livePhotos', { clientId, data: bytes.toString('base64'), performLivenessCheck: 'yes' })).json).toMatchObject({ param: 'performLivenessCheck' });
});

test('a body over the request limit answers 413 before auth', async () => {
	const response = await fetch(`${emulator.baseUrl}/livePhotos`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(8 * 1024 * 1024 + 10, 0x20) });
	expect(response.status).toBe(413);
	expect(await response.json()).toMatchObject({ type: 'request_too_large' });
});
