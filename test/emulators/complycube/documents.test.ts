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
	expect(answer).toMatchObject({
		status: 200,
		json: { id: expect.stringMatching(/^[0-9a-f]{24}$/), clientId: COMPLYCUBE_DEMO_CLIENT_ID, type: 'passport', issuingCountry: 'GB', images: [] },
	});
	expect(await call(emulator, 'POST', '/documents', { clientId: '5eb04fcd0f3e360008035eb1', type: 'passport' })).toMatchObject({
		status: 404,
		json: { type: 'resource_not_found', message: "Invalid client id '5eb04fcd0f3e360008035eb1'", param: 'clientId' },
	});
	expect(await call(emulator, 'POST', '/documents', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, type: 'INVALIDTYPE' })).toMatchObject({
		status: 400,
		json: { param: 'type' },
	});
	expect(await call(emulator, 'POST', '/documents', { clientId: COMPLYCUBE_DEMO_CLIENT_ID })).toMatchObject({ status: 400, json: { param: 'type' } });
	expect(await call(emulator, 'POST', '/documents', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, type: 'passport', issuingCountry: 'GBR' })).toMatchObject({
		status: 400,
		json: { param: 'issuingCountry' },
	});
});

test('every documented type is accepted, on create and on update; others are refused', async () => {
	const documented = [
		'passport',
		'driving_license',
		'national_insurance_number',
		'social_security_number',
		'utility_bill',
		'tax_identification_number',
		'national_identity_card',
		'visa',
		'polling_card',
		'residence_permit',
		'birth_certificate',
		'bank_statement',
		'change_of_name',
		'tax_document',
		'company_confirmation_statement',
		'company_annual_accounts',
		'company_statement_of_capital',
		'company_change_of_address',
		'company_incorporation',
		'company_change_of_officers',
		'company_change_of_beneficial_owners',
		'unknown',
		'other',
	];
	for (const type of documented) {
		const created = await call(emulator, 'POST', '/documents', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, type });
		expect({ type, status: created.status, answered: created.json.type }).toEqual({ type, status: 200, answered: type });
	}
	const id = String((await call(emulator, 'POST', '/documents', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, type: 'passport' })).json.id);
	expect((await call(emulator, 'POST', `/documents/${id}`, { type: 'bank_statement' })).json).toMatchObject({ id, type: 'bank_statement' });
	for (const type of ['PASSPORT', 'drivers_license', 'selfie', '']) {
		expect(await call(emulator, 'POST', '/documents', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, type })).toMatchObject({
			status: 400,
			json: { type: 'invalid_request', param: 'type' },
		});
	}
});

test('classification: the documented values are kept and filterable; others are refused', async () => {
	const clientId = emulator.addClient();
	for (const classification of ['proof_of_identity', 'source_of_wealth', 'source_of_funds', 'proof_of_address', 'company_filing', 'other']) {
		const created = await call(emulator, 'POST', '/documents', { clientId, type: 'utility_bill', classification });
		expect(created).toMatchObject({ status: 200, json: { type: 'utility_bill', classification } });
		expect((await call(emulator, 'GET', `/documents/${String(created.json.id)}`)).json.classification).toBe(classification);
	}
	expect(await call(emulator, 'POST', '/documents', { clientId, type: 'utility_bill', classification: 'proof_of_residence' })).toMatchObject({
		status: 400,
		json: { type: 'invalid_request', param: 'classification' },
	});
	const id = emulator.addDocument(clientId, 'bank_statement');
	expect((await call(emulator, 'POST', `/documents/${id}`, { classification: 'source_of_funds' })).json).toMatchObject({ classification: 'source_of_funds' });
	expect((await call(emulator, 'POST', `/documents/${id}`, { classification: 42 })).json).toMatchObject({ param: 'classification' });
	expect((await call(emulator, 'GET', `/documents?clientId=${clientId}&classification=proof_of_address`)).json.totalItems).toBe(1);
});

test('PNG and PDF images keep their MIME types as contentType', async () => {
	const id = emulator.addDocument(COMPLYCUBE_DEMO_CLIENT_ID, 'bank_statement');
	expect((await upload(id, 'front', 'statement.pdf', sampleBytes('pdf', 40_000))).json.contentType).toBe('application/pdf');
	expect((await upload(id, 'back', 'back.png', sampleBytes('png', 40_000))).json.contentType).toBe('image/png');
	expect((await call(emulator, 'GET', `/documents/${id}`)).json.images).toEqual([
		expect.objectContaining({ documentSide: 'front', contentType: 'application/pdf' }),
		expect.objectContaining({ documentSide: 'back', contentType: 'image/png' }),
	]);
	expect((await call(emulator, 'GET', `/documents/${id}/download/back`)).json).toMatchObject({ fileName: 'back.png', contentType: 'image/png' });
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
	// The sandbox's label for a JPEG (PHP DocumentTest testUploadImageToDocument), not image/jpeg.
	expect(uploaded.json).toMatchObject({ fileName: 'front.jpg', documentSide: 'front', contentType: 'image/jpg', size: 40_000 });
	// The documented link form, relative to /v1, stable for the stored image.
	expect(uploaded.json.downloadLink).toBe(`/documents/${id}/images/${String(uploaded.json.id)}/download`);
	expect((await call(emulator, 'GET', `/documents/${id}`)).json.images).toEqual([
		expect.objectContaining({
			id: uploaded.json.id,
			documentSide: 'front',
			fileName: 'front.jpg',
			contentType: 'image/jpg',
			size: 40_000,
			downloadLink: uploaded.json.downloadLink,
		}),
	]);
	expect((await call(emulator, 'GET', String(uploaded.json.downloadLink))).json).toMatchObject({ fileName: 'front.jpg', data: bytes.toString('base64') });
	expect((await call(emulator, 'GET', `/documents/${id}/images/5eb04fcd0f3e360008035eb1/download`)).status).toBe(404);
	const download = await call(emulator, 'GET', `/documents/${id}/download/front`);
	expect(download.json).toEqual({ fileName: 'front.jpg', contentType: 'image/jpg', data: bytes.toString('base64') });
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
	expect(uploaded.json).toMatchObject({
		clientId,
		contentType: 'images/png',
		performLivenessCheck: false,
		size: 40_000,
		downloadLink: `/livePhotos/${String(uploaded.json.id)}/download`,
	});
	const id = String(uploaded.json.id);
	expect((await call(emulator, 'GET', `/livePhotos/${id}`)).json).toEqual(uploaded.json);
	expect((await call(emulator, 'GET', `/livePhotos/${id}/download`)).json).toMatchObject({
		fileName: `${id}.png`,
		contentType: 'images/png',
		data: bytes.toString('base64'),
	});
	// The sandbox's label for a JPEG live photo is 'images/jpg' (sic: PHP LivePhotoTest testDownloadLivePhoto).
	const jpegBytes = sampleBytes('jpeg', 40_000);
	const jpeg = await call(emulator, 'POST', '/livePhotos', { clientId, data: jpegBytes.toString('base64') });
	expect(jpeg.json).toMatchObject({ contentType: 'images/jpg', performLivenessCheck: true });
	expect((await call(emulator, 'GET', `/livePhotos/${String(jpeg.json.id)}/download`)).json).toEqual({
		fileName: `${String(jpeg.json.id)}.jpg`,
		contentType: 'images/jpg',
		data: jpegBytes.toString('base64'),
	});
	expect((await call(emulator, 'GET', `/livePhotos?clientId=${clientId}&pageSize=1`)).json).toMatchObject({ totalItems: 2, pages: 2 });
	expect(emulator.acceptedUploads.map((item) => item.kind)).toEqual(['livePhoto', 'livePhoto']);
	expect((await call(emulator, 'DELETE', `/livePhotos/${id}`)).status).toBe(204);
	expect((await call(emulator, 'GET', `/livePhotos/${id}`)).status).toBe(404);
	expect(await call(emulator, 'POST', '/livePhotos', { clientId, data: sampleBytes('jpeg', 100).toString('base64') })).toMatchObject({
		status: 400,
		json: { message: 'Image file size should be between 34KB and 4MB', param: 'data' },
	});
	expect((await call(emulator, 'POST', '/livePhotos', { clientId: 'nope', data: bytes.toString('base64') })).status).toBe(404);
	expect((await call(emulator, 'POST', '/livePhotos', { clientId, data: bytes.toString('base64'), performLivenessCheck: 'yes' })).json).toMatchObject({
		param: 'performLivenessCheck',
	});
});

test('a body over the request limit answers 413 before auth', async () => {
	const response = await fetch(`${emulator.baseUrl}/livePhotos`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: Buffer.alloc(8 * 1024 * 1024 + 10, 0x20),
	});
	expect(response.status).toBe(413);
	expect(await response.json()).toMatchObject({ type: 'request_too_large' });
});
