import { sampleBytes } from '../../support/sample-files';
import { startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { call } from './test-helpers';

let emulator: ComplyCubeEmulator;
afterEach(async () => await emulator?.close());
const start = async (options = {}) => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 50, ...options }));

async function documentWithSides(clientId: string, type: string, sides: Array<['front' | 'back', Buffer]>) {
	const documentId = emulator.addDocument(clientId, type);
	for (const [side, data] of sides)
		await call(emulator, 'POST', `/documents/${documentId}/upload/${side}`, { fileName: `${side}.jpg`, data: data.toString('base64') });
	return documentId;
}
const jpeg = () => sampleBytes('jpeg', 40_000);

test('a check stays pending for checkDelayMs, then completes with the configured outcome and emits the events', async () => {
	await start({ checkDelayMs: 300, checkOutcome: 'attention' });
	const clientId = emulator.addClient();
	const created = await call(emulator, 'POST', '/checks', { clientId, type: 'standard_screening_check' });
	expect(created.json).toMatchObject({ clientId, type: 'standard_screening_check', status: 'pending', entityName: 'John Doe', enableMonitoring: false });
	const id = String(created.json.id);
	await new Promise((resolve) => setTimeout(resolve, 100));
	expect((await call(emulator, 'GET', `/checks/${id}`)).json.status).toBe('pending');
	await emulator.settle();
	const done = await call(emulator, 'GET', `/checks/${id}`);
	expect(done.json).toMatchObject({
		status: 'complete',
		result: { outcome: 'attention', breakdown: { matches: [expect.objectContaining({ id: expect.any(String) })] } },
	});
	expect(emulator.events.map((event) => event.type)).toEqual(['check.pending', 'check.completed', 'check.completed.attention']);
	expect(emulator.events[2]).toMatchObject({ resourceType: 'check', payload: { id, status: 'complete', outcome: 'attention' } });
});

test('completeCheck completes now (timer cleared); setCheckOutcome applies to later checks', async () => {
	await start({ checkDelayMs: 60_000 });
	const clientId = emulator.addClient();
	const first = String((await call(emulator, 'POST', '/checks', { clientId, type: 'extensive_screening_check' })).json.id);
	emulator.completeCheck(first, 'rejected');
	expect(emulator.checks.get(first)).toMatchObject({ status: 'complete', result: { outcome: 'rejected' } });
	emulator.setCheckOutcome('attention');
	const second = String((await call(emulator, 'POST', '/checks', { clientId, type: 'extensive_screening_check' })).json.id);
	emulator.completeCheck(second);
	expect(emulator.checks.get(second)?.result?.outcome).toBe('attention');
	await emulator.settle(); // nothing left: the 60 s timers were cleared
});

test('per-type resource ids: document_check needs documentId, identity_check also livePhotoId', async () => {
	await start();
	const clientId = emulator.addClient();
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'document_check' })).toMatchObject({
		status: 404,
		json: { type: 'resource_not_found', param: 'documentId' },
	});
	const documentId = await documentWithSides(clientId, 'passport', [['front', jpeg()]]);
	expect((await call(emulator, 'POST', '/checks', { clientId, type: 'document_check', documentId })).json).toMatchObject({ status: 'pending', documentId });
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'identity_check', documentId })).toMatchObject({
		status: 404,
		json: { param: 'livePhotoId' },
	});
	const livePhotoId = String((await call(emulator, 'POST', '/livePhotos', { clientId, data: jpeg().toString('base64') })).json.id);
	expect((await call(emulator, 'POST', '/checks', { clientId, type: 'identity_check', documentId, livePhotoId })).json).toMatchObject({
		status: 'pending',
		documentId,
		livePhotoId,
	});
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'invaid_check_type' })).toMatchObject({
		status: 400,
		json: { type: 'invalid_request', param: 'type' },
	});
	expect(await call(emulator, 'POST', '/checks', { clientId: '5eb04fcd0f3e360008035eb1', type: 'document_check' })).toMatchObject({
		status: 404,
		json: { param: 'clientId' },
	});
});

test('a PDF document fails 422 unsupported_document_format; one side of a two-sided type 422 two_sides_expected', async () => {
	await start();
	const clientId = emulator.addClient();
	const pdfDocument = emulator.addDocument(clientId, 'passport');
	await call(emulator, 'POST', `/documents/${pdfDocument}/upload/front`, { fileName: 'scan.pdf', data: sampleBytes('pdf', 40_000).toString('base64') });
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'document_check', documentId: pdfDocument })).toMatchObject({
		status: 422,
		json: { type: 'unsupported_document_format' },
	});
	const licence = await documentWithSides(clientId, 'national_identity_card', [['front', jpeg()]]);
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'document_check', documentId: licence })).toMatchObject({
		status: 422,
		json: { type: 'two_sides_expected' },
	});
	expect(emulator.checks.size).toBe(0);
});

test('screening needs the person names; a company needs its name', async () => {
	await start();
	const nameless = emulator.addClient({ personDetails: {} });
	expect(await call(emulator, 'POST', '/checks', { clientId: nameless, type: 'standard_screening_check' })).toMatchObject({
		status: 400,
		json: { type: 'invalid_request' },
	});
	const company = emulator.addClient({ type: 'company', companyDetails: { name: 'Acme Ltd' } });
	expect((await call(emulator, 'POST', '/checks', { clientId: company, type: 'standard_screening_check' })).json).toMatchObject({
		entityName: 'Acme Ltd',
		status: 'pending',
	});
});

test('update, validate (screening matches: all rejected -> clear), list by clientId and type', async () => {
	await start({ checkOutcome: 'attention' });
	const clientId = emulator.addClient();
	const id = String((await call(emulator, 'POST', '/checks', { clientId, type: 'standard_screening_check' })).json.id);
	expect(await call(emulator, 'POST', `/checks/${id}/validate`, { outcome: 'rejected', matchId: 'x' })).toMatchObject({ status: 422 });
	await emulator.settle();
	expect((await call(emulator, 'POST', `/checks/${id}`, { enableMonitoring: true })).json).toMatchObject({ id, enableMonitoring: true });
	expect((await call(emulator, 'POST', `/checks/${id}/validate`, { outcome: 'maybe' })).json).toMatchObject({ param: 'outcome' });
	expect((await call(emulator, 'POST', `/checks/${id}/validate`, { outcome: 'rejected' })).json).toMatchObject({ param: 'matchId' });
	const matchId = (emulator.checks.get(id)!.result!.breakdown.matches as Array<{ id: string }>)[0].id;
	expect((await call(emulator, 'POST', `/checks/${id}/validate`, { outcome: 'rejected', matchId })).json).toEqual({ outcome: 'clear' });
	expect((await call(emulator, 'GET', `/checks/${id}`)).json).toMatchObject({ result: { outcome: 'clear' } });
	await call(emulator, 'POST', '/checks', { clientId, type: 'extensive_screening_check' });
	await call(emulator, 'POST', '/checks', { clientId: emulator.addClient(), type: 'extensive_screening_check' });
	expect((await call(emulator, 'GET', `/checks?clientId=${clientId}`)).json.totalItems).toBe(2);
	expect((await call(emulator, 'GET', `/checks?clientId=${clientId}&type=extensive_screening_check`)).json.totalItems).toBe(1);
	expect((await call(emulator, 'GET', '/checks/5eb04fcd0f3e360008035eb1')).json).toEqual({
		type: 'resource_not_found',
		message: "Invalid check id '5eb04fcd0f3e360008035eb1'",
	});
});

const createAddress = async (clientId: string) =>
	String((await call(emulator, 'POST', '/addresses', { clientId, line: '11 Something Avenue', city: 'London', country: 'GB' })).json.id);

test('proof_of_address_check: documentId with a front image; an addressId is optional, checked and kept when given', async () => {
	await start();
	const clientId = emulator.addClient();
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'proof_of_address_check' })).toMatchObject({ status: 404, json: { param: 'documentId' } });
	const bare = emulator.addDocument(clientId, 'utility_bill');
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'proof_of_address_check', documentId: bare })).toMatchObject({
		status: 422,
		json: { type: 'document_image_missing' },
	});
	// A PDF statement is fine for a PoA check (only the document-reading checks refuse PDF).
	const statement = emulator.addDocument(clientId, 'bank_statement');
	await call(emulator, 'POST', `/documents/${statement}/upload/front`, { fileName: 'statement.pdf', data: sampleBytes('pdf', 40_000).toString('base64') });
	expect((await call(emulator, 'POST', '/checks', { clientId, type: 'proof_of_address_check', documentId: statement })).json).toMatchObject({
		status: 'pending',
		documentId: statement,
	});
	// As the PHP sandbox test testCreatePoACheck: a GB driving licence with its front only, plus an address.
	const licence = await documentWithSides(clientId, 'driving_license', [['front', jpeg()]]);
	expect(
		await call(emulator, 'POST', '/checks', { clientId, type: 'proof_of_address_check', documentId: licence, addressId: '5eb04fcd0f3e360008035eb1' }),
	).toMatchObject({
		status: 404,
		json: { type: 'resource_not_found', message: "Invalid address id '5eb04fcd0f3e360008035eb1'", param: 'addressId' },
	});
	const addressId = await createAddress(clientId);
	const created = await call(emulator, 'POST', '/checks', { clientId, type: 'proof_of_address_check', documentId: licence, addressId });
	expect(created).toMatchObject({ status: 200, json: { type: 'proof_of_address_check', clientId, documentId: licence, addressId, status: 'pending' } });
	await emulator.settle();
	expect((await call(emulator, 'GET', `/checks/${String(created.json.id)}`)).json).toMatchObject({
		status: 'complete',
		addressId,
		result: { outcome: 'clear' },
	});
});

test('multi_bureau_check and identity_fraud_check need an address (the docs mark addressId Required)', async () => {
	await start();
	const clientId = emulator.addClient({ personDetails: { firstName: 'John', lastName: 'Doe', dob: '1990-01-01' } });
	const addressId = await createAddress(clientId);
	for (const type of ['multi_bureau_check', 'identity_fraud_check']) {
		expect(await call(emulator, 'POST', '/checks', { clientId, type })).toMatchObject({
			status: 404,
			json: { type: 'resource_not_found', param: 'addressId' },
		});
		expect((await call(emulator, 'POST', '/checks', { clientId, type, addressId: 'nope' })).json).toMatchObject({ param: 'addressId' });
		const created = await call(emulator, 'POST', '/checks', { clientId, type, addressId, options: { twoPlusTwo: true } });
		expect(created).toMatchObject({ status: 200, json: { type, clientId, addressId, status: 'pending' } });
	}
	// A deleted address no longer serves.
	await call(emulator, 'DELETE', `/addresses/${addressId}`);
	expect((await call(emulator, 'POST', '/checks', { clientId, type: 'multi_bureau_check', addressId })).status).toBe(404);
});

test('enhanced_identity_check: documentId and a live video (seeded, as only the SDKs record one)', async () => {
	await start();
	const clientId = emulator.addClient();
	const documentId = await documentWithSides(clientId, 'passport', [['front', jpeg()]]);
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'enhanced_identity_check', documentId })).toMatchObject({
		status: 404,
		json: { param: 'liveVideoId' },
	});
	expect(
		await call(emulator, 'POST', '/checks', { clientId, type: 'enhanced_identity_check', documentId, liveVideoId: '5eb04fcd0f3e360008035eb1' }),
	).toMatchObject({
		status: 404,
		json: { message: "Invalid live video id '5eb04fcd0f3e360008035eb1'", param: 'liveVideoId' },
	});
	const liveVideoId = emulator.addLiveVideo(clientId);
	const created = await call(emulator, 'POST', '/checks', { clientId, type: 'enhanced_identity_check', documentId, liveVideoId });
	expect(created).toMatchObject({ status: 200, json: { type: 'enhanced_identity_check', documentId, liveVideoId, status: 'pending' } });
	await emulator.settle();
	expect(emulator.checks.get(String(created.json.id))).toMatchObject({ status: 'complete', result: { outcome: 'clear' } });
});

test('checks on a person only refuse a company client; driving_license_check needs a driving_license document', async () => {
	await start();
	const company = emulator.addClient({ type: 'company', companyDetails: { name: 'Acme Ltd' } });
	const companyAddress = await createAddress(company);
	expect(await call(emulator, 'POST', '/checks', { clientId: company, type: 'multi_bureau_check', addressId: companyAddress })).toMatchObject({
		status: 400,
		json: { type: 'invalid_request', param: 'clientId' },
	});
	const clientId = emulator.addClient();
	const passport = emulator.addDocument(clientId, 'passport');
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'driving_license_check', documentId: passport })).toMatchObject({
		status: 400,
		json: { param: 'documentId' },
	});
	// The licence number is checked against the issuing authority, so no image is needed; the number is.
	const licence = emulator.addDocument(clientId, 'driving_license');
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'driving_license_check', documentId: licence })).toMatchObject({
		status: 400,
		json: { param: 'documentId' },
	});
	expect((await call(emulator, 'POST', `/documents/${licence}`, { documentNumber: 'MORGA753116SM9IJ' })).json).toMatchObject({
		documentNumber: 'MORGA753116SM9IJ',
	});
	expect((await call(emulator, 'POST', '/checks', { clientId, type: 'driving_license_check', documentId: licence })).json).toMatchObject({
		status: 'pending',
		documentId: licence,
	});
});

test('every documented check type is accepted; the ones with no documented resource need only the client', async () => {
	await start();
	const clientId = emulator.addClient();
	for (const type of ['eid_check', 'ssn_check', 'device_intelligence_check', 'email_intelligence_check', 'mobile_intelligence_check']) {
		expect((await call(emulator, 'POST', '/checks', { clientId, type })).json).toMatchObject({ type, status: 'pending' });
	}
	const refused = await call(emulator, 'POST', '/checks', { clientId, type: 'invaid_check_type' });
	expect(refused).toMatchObject({ status: 400, json: { param: 'type' } });
	for (const type of ['standard_screening_check', 'document_check', 'identity_fraud_check', 'driving_license_check', 'face_authentication_check']) {
		expect(String(refused.json.message)).toContain(type);
	}
});
