import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { call } from '../../emulators/complycube/test-helpers';
import type { FixtureItem } from '../../engine/fixture-items.node';
import { expectNoSecret } from '../../support/expect-no-secret';
import { sampleBytes } from '../../support/sample-files';
import { runOperation } from './run-operation';

const UNKNOWN_ID = '5eb04fcd0f3e360008035eb1';
let emulator: ComplyCubeEmulator;
let clientId: string;

beforeAll(async () => {
	// Checks stay pending until a test completes them, so no assertion races the emulator's timer.
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 600_000 });
	clientId = emulator.addClient();
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
});

const check = (parameters: Record<string, unknown>, items?: FixtureItem[], settings?: { continueOnFail?: boolean }) =>
	runOperation(emulator, { resource: 'check', ...parameters }, items, settings);
const bodyOf = (index = 0) => JSON.parse(emulator.received[index].body.toString('utf8')) as Record<string, unknown>;
const randomId = () => Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('');

/** A passport with its front image, ready for a document-reading check. */
function passportWithImage(owner = clientId) {
	const id = emulator.addDocument(owner, 'passport');
	emulator.documents.get(id)!.images.front = {
		fileName: 'front.jpg',
		contentType: 'image/jpg',
		data: sampleBytes('jpeg', 40_000),
		createdAt: new Date().toISOString(),
	};
	return id;
}

function livePhotoOf(owner = clientId) {
	const id = randomId();
	emulator.livePhotos.set(id, {
		id,
		clientId: owner,
		performLivenessCheck: true,
		contentType: 'images/jpg',
		data: sampleBytes('jpeg', 40_000),
		createdAt: new Date().toISOString(),
	});
	return id;
}

describe('Create', () => {
	test('a standard screening check with monitoring: the body and the pending check', async () => {
		const result = await check({ operation: 'create', clientId, checkType: 'standard_screening_check', options: { enableMonitoring: true } });
		expect(result.error).toBeUndefined();
		expect(emulator.received).toHaveLength(1);
		expect(emulator.received[0]).toMatchObject({ method: 'POST', path: '/v1/checks', status: 200 });
		expect(bodyOf()).toEqual({ clientId, type: 'standard_screening_check', enableMonitoring: true });
		const [item] = result.items;
		expect(item.json).toMatchObject({ clientId, type: 'standard_screening_check', status: 'pending', enableMonitoring: true, entityName: 'John Doe' });
		expect(emulator.checks.has(item.json.id as string)).toBe(true);
	});

	test('an extensive screening check sends only the client and type when no option is set', async () => {
		const result = await check({ operation: 'create', clientId, checkType: 'extensive_screening_check' });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type: 'extensive_screening_check' });
	});

	test('a document check sends the document and its options object', async () => {
		const documentId = passportWithImage();
		const result = await check({
			operation: 'create',
			clientId,
			checkType: 'document_check',
			documentId,
			options: { analysisCoverage: ['mrz_analysis', 'forensic_analysis'], minimumPermittedAge: 21, clientDataValidation: true },
		});
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({
			clientId,
			type: 'document_check',
			documentId,
			options: { analysisCoverage: ['mrz_analysis', 'forensic_analysis'], minimumPermittedAge: 21, clientDataValidation: true },
		});
		expect(result.items[0].json).toMatchObject({ type: 'document_check', documentId, status: 'pending' });
	});

	test('options that belong to another check type are not sent', async () => {
		const result = await check({
			operation: 'create',
			clientId,
			checkType: 'standard_screening_check',
			options: { minimumPermittedAge: 21, clientConsent: true, analysisCoverage: ['mrz_analysis'] },
		});
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type: 'standard_screening_check' });
	});

	test('an identity check sends the document and the live photo', async () => {
		const documentId = passportWithImage();
		const livePhotoId = livePhotoOf();
		const result = await check({ operation: 'create', clientId, checkType: 'identity_check', documentId, livePhotoId });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type: 'identity_check', documentId, livePhotoId });
		expect(result.items[0].json).toMatchObject({ documentId, livePhotoId, status: 'pending' });
	});

	test.each(['face_authentication_check', 'age_estimation_check'])('a %s sends the live photo only', async (checkType) => {
		const livePhotoId = livePhotoOf();
		const result = await check({ operation: 'create', clientId, checkType, livePhotoId, documentId: 'ignored', addressId: 'ignored' });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type: checkType, livePhotoId });
	});

	test('a proof of address check on a utility bill sends the document and the address; the check completes', async () => {
		const documentId = emulator.addDocument(clientId, 'utility_bill');
		emulator.documents.get(documentId)!.images.front = {
			fileName: 'bill.jpg',
			contentType: 'image/jpg',
			data: sampleBytes('jpeg', 40_000),
			createdAt: new Date().toISOString(),
		};
		// The node has no address resource: the address is created straight at the emulator, over its API.
		const address = await call(emulator, 'POST', '/addresses', { clientId, line: '11 Something Avenue', city: 'London', country: 'GB' });
		expect(address.status).toBe(200);
		const addressId = String(address.json.id);
		emulator.received.length = 0;
		const result = await check({ operation: 'create', clientId, checkType: 'proof_of_address_check', documentId, addressId });
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path, status }) => ({ method, path, status }))).toEqual([{ method: 'POST', path: '/v1/checks', status: 200 }]);
		expect(bodyOf()).toEqual({ clientId, type: 'proof_of_address_check', documentId, addressId });
		const checkId = result.items[0].json.id as string;
		expect(result.items[0].json).toMatchObject({ type: 'proof_of_address_check', documentId, addressId, status: 'pending' });
		emulator.completeCheck(checkId);
		const done = await check({ operation: 'get', checkId });
		expect(done.items[0].json).toMatchObject({ id: checkId, addressId, status: 'complete', result: { outcome: 'clear' } });
	});

	test('a proof of address check with an address the service does not know: its 404', async () => {
		const result = await check({ operation: 'create', clientId, checkType: 'proof_of_address_check', documentId: passportWithImage(), addressId: UNKNOWN_ID });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid address id '${UNKNOWN_ID}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
	});

	test('an enhanced identity check sends the document and a live video the client recorded; the check completes', async () => {
		const documentId = passportWithImage();
		// Live videos are recorded only through ComplyCube's SDKs, so the emulator is seeded with one.
		const liveVideoId = emulator.addLiveVideo(clientId);
		const result = await check({ operation: 'create', clientId, checkType: 'enhanced_identity_check', documentId, liveVideoId });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type: 'enhanced_identity_check', documentId, liveVideoId });
		const checkId = result.items[0].json.id as string;
		expect(result.items[0].json).toMatchObject({ type: 'enhanced_identity_check', documentId, liveVideoId, status: 'pending' });
		emulator.completeCheck(checkId);
		expect(emulator.checks.get(checkId)).toMatchObject({ status: 'complete', result: { outcome: 'clear' } });
	});

	test('an enhanced identity check with a live video the service does not know: its 404', async () => {
		const liveVideoId = randomId();
		const result = await check({ operation: 'create', clientId, checkType: 'enhanced_identity_check', documentId: passportWithImage(), liveVideoId });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid live video id '${liveVideoId}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
	});

	test('a multi-bureau check sends the address it requires and the consent', async () => {
		const address = await call(emulator, 'POST', '/addresses', { clientId, line: '11 Something Avenue', city: 'London', country: 'GB' });
		emulator.received.length = 0;
		const addressId = String(address.json.id);
		const result = await check({ operation: 'create', clientId, checkType: 'multi_bureau_check', addressId, options: { clientConsent: true } });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type: 'multi_bureau_check', addressId, clientConsent: true });
		expect(result.items[0].json).toMatchObject({ type: 'multi_bureau_check', addressId, status: 'pending' });
	});

	test('an unknown address: the service refusal is surfaced, never the key', async () => {
		const result = await check({ operation: 'create', clientId, checkType: 'multi_bureau_check', addressId: '0123456789abcdef01234567' });
		expect(result.error?.message).toMatch(/^ComplyCube refused the request \(HTTP 404\): Invalid address id .+ \[item 0\]$/);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	describe('each type asks for the IDs it needs, and an empty one is refused before sending', () => {
		test.each([
			['document_check', { documentId: '={{ $json.missing }}' }, 'Document ID'],
			['identity_check', { documentId: '={{ $json.missing }}', livePhotoId: 'x' }, 'Document ID'],
			['identity_check', { documentId: 'x', livePhotoId: '={{ $json.missing }}' }, 'Live Photo ID'],
			['enhanced_identity_check', { documentId: 'x', liveVideoId: '={{ $json.missing }}' }, 'Live Video ID'],
			['proof_of_address_check', { documentId: '={{ $json.missing }}' }, 'Document ID'],
			['multi_bureau_check', { addressId: '={{ $json.missing }}' }, 'Address ID'],
			['identity_fraud_check', { addressId: '={{ $json.missing }}' }, 'Address ID'],
			['driving_license_check', { documentId: '={{ $json.missing }}' }, 'Document ID'],
			['face_authentication_check', { livePhotoId: '={{ $json.missing }}' }, 'Live Photo ID'],
			['age_estimation_check', { livePhotoId: '={{ $json.none }}' }, 'Live Photo ID'],
		])('%s with %o', async (checkType, ids, label) => {
			const result = await check({ operation: 'create', clientId, checkType, ...ids });
			expect(result.error?.message).toBe(`${label} is empty [item 0]`);
			expect(emulator.received).toHaveLength(0);
		});

		test('an empty Client ID', async () => {
			const result = await check({ operation: 'create', clientId: '={{ $json.missing }}', checkType: 'standard_screening_check' });
			expect(result.error?.message).toBe('Client ID is empty [item 0]');
			expect(emulator.received).toHaveLength(0);
		});

		test('a Minimum Permitted Age that is not a whole number', async () => {
			const result = await check({ operation: 'create', clientId, checkType: 'document_check', documentId: 'x', options: { minimumPermittedAge: 17.5 } });
			expect(result.error?.message).toBe("Minimum Permitted Age '17.5' is not a whole number of years [item 0]");
			expect(emulator.received).toHaveLength(0);
		});
	});

	describe('IDs the service does not know: its message and status, never the key', () => {
		test.each([
			['document_check', () => ({ documentId: UNKNOWN_ID }), `Invalid document id '${UNKNOWN_ID}'`],
			['identity_check', () => ({ documentId: passportWithImage(), livePhotoId: UNKNOWN_ID }), `Invalid live photo id '${UNKNOWN_ID}'`],
			['face_authentication_check', () => ({ livePhotoId: UNKNOWN_ID }), `Invalid live photo id '${UNKNOWN_ID}'`],
			['proof_of_address_check', () => ({ documentId: UNKNOWN_ID, addressId: UNKNOWN_ID }), `Invalid document id '${UNKNOWN_ID}'`],
		])('%s', async (checkType, ids, message) => {
			const result = await check({ operation: 'create', clientId, checkType, ...ids() });
			expect(emulator.received).toHaveLength(1);
			expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): ${message} [item 0]`);
			expect(result.error?.httpCode).toBe('404');
			expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
		});

		test('an unknown client', async () => {
			const result = await check({ operation: 'create', clientId: UNKNOWN_ID, checkType: 'standard_screening_check' });
			expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid client id '${UNKNOWN_ID}' [item 0]`);
			expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
		});
	});

	test('a one-sided driving licence: the 422 processing error, with its message', async () => {
		const documentId = emulator.addDocument(clientId, 'driving_license');
		emulator.documents.get(documentId)!.images.front = {
			fileName: 'front.jpg',
			contentType: 'image/jpg',
			data: sampleBytes('jpeg', 40_000),
			createdAt: new Date().toISOString(),
		};
		const result = await check({ operation: 'create', clientId, checkType: 'document_check', documentId });
		expect(result.error?.message).toBe('ComplyCube refused the request (HTTP 422): Both sides of the document are expected for this check. [item 0]');
		expect(result.error?.httpCode).toBe('422');
		expect(emulator.received).toHaveLength(1);
	});

	test('a type the service does not take: its 400', async () => {
		// With the type as an expression the editor shows every ID field, so each must be filled in.
		const ids = { documentId: 'd', livePhotoId: 'p', liveVideoId: 'v', addressId: 'a' };
		const result = await check({ operation: 'create', clientId, checkType: '={{ "invaid_check_type" }}', ...ids });
		expect(emulator.received).toHaveLength(1);
		expect(bodyOf()).toEqual({ clientId, type: 'invaid_check_type' });
		expect(result.error?.message).toMatch(/^ComplyCube refused the request \(HTTP 400\): "type" must be one of \[.*\] \[item 0\]$/);
		expect(result.error?.httpCode).toBe('400');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});
});

describe('Get', () => {
	test('a new check is pending; once ComplyCube completes it, Get shows the result', async () => {
		const created = await check({ operation: 'create', clientId, checkType: 'extensive_screening_check' });
		const checkId = created.items[0].json.id as string;
		emulator.received.length = 0;
		const pending = await check({ operation: 'get', checkId });
		expect(pending.error).toBeUndefined();
		expect(emulator.received.map(({ method, path }) => ({ method, path }))).toEqual([{ method: 'GET', path: `/v1/checks/${checkId}` }]);
		expect(pending.items[0].json).toMatchObject({ id: checkId, status: 'pending' });
		emulator.completeCheck(checkId);
		const complete = await check({ operation: 'get', checkId });
		expect(complete.items[0].json).toMatchObject({ id: checkId, status: 'complete', result: { outcome: 'clear' } });
	});

	test('an unknown check: 404 with the service message, never the key', async () => {
		const result = await check({ operation: 'get', checkId: UNKNOWN_ID });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid check id '${UNKNOWN_ID}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an empty Check ID is refused before sending', async () => {
		const result = await check({ operation: 'get', checkId: '={{ $json.missing }}' });
		expect(result.error?.message).toBe('Check ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Get Many', () => {
	let manyClient: string;
	const seeded: string[] = [];
	beforeAll(() => {
		manyClient = emulator.addClient();
		const start = Date.now() - 10_000_000;
		for (let index = 0; index < 110; index++) {
			const id = randomId();
			const createdAt = new Date(start + index * 1000).toISOString();
			const type = index % 10 === 0 ? 'document_check' : 'standard_screening_check';
			const status = index % 2 === 0 ? 'complete' : 'pending';
			emulator.checks.set(id, { id, clientId: manyClient, entityName: 'John Doe', type, status, enableMonitoring: false, createdAt, updatedAt: createdAt });
			seeded.push(id);
		}
	});

	test('Return All for a client walks both pages', async () => {
		const result = await check({ operation: 'getAll', clientId: manyClient, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual([...seeded].reverse());
		expect(emulator.received.map((request) => `${request.method} ${request.path}?${request.query.toString()}`)).toEqual([
			`GET /v1/checks?clientId=${manyClient}&page=1&pageSize=100`,
			`GET /v1/checks?clientId=${manyClient}&page=2&pageSize=100`,
		]);
	});

	test('a Limit stops there', async () => {
		const result = await check({ operation: 'getAll', clientId: manyClient, returnAll: false, limit: 5 });
		expect(result.items.map((item) => item.json.id)).toEqual(seeded.slice(-5).reverse());
		expect(emulator.received).toHaveLength(1);
	});

	test('the Type and Status filters are sent and honoured', async () => {
		const result = await check({ operation: 'getAll', clientId: manyClient, returnAll: true, filters: { type: 'document_check', status: 'complete' } });
		expect(result.error).toBeUndefined();
		const expected = seeded.filter((_id, index) => index % 10 === 0 && index % 2 === 0);
		expect(result.items.map((item) => item.json.id)).toEqual([...expected].reverse());
		expect(Object.fromEntries(emulator.received[0].query)).toEqual({
			clientId: manyClient,
			type: 'document_check',
			status: 'complete',
			page: '1',
			pageSize: '100',
		});
	});

	test('Outcome goes as result.outcome and the IDs as ComplyCube names them', async () => {
		const documentId = randomId();
		const [withDocument, other] = [randomId(), randomId()];
		const at = new Date().toISOString();
		emulator.checks.set(withDocument, {
			id: withDocument,
			clientId: manyClient,
			entityName: 'John Doe',
			type: 'document_check',
			status: 'complete',
			documentId,
			result: { outcome: 'attention', breakdown: {} },
			enableMonitoring: false,
			createdAt: at,
			updatedAt: at,
		} as never);
		emulator.checks.set(other, {
			id: other,
			clientId: manyClient,
			entityName: 'John Doe',
			type: 'document_check',
			status: 'complete',
			documentId,
			result: { outcome: 'clear', breakdown: {} },
			enableMonitoring: false,
			createdAt: at,
			updatedAt: at,
		} as never);
		const result = await check({ operation: 'getAll', clientId: manyClient, returnAll: true, filters: { outcome: 'attention', documentId } });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual([withDocument]);
		expect(Object.fromEntries(emulator.received[0].query)).toEqual({
			clientId: manyClient,
			'result.outcome': 'attention',
			documentId,
			page: '1',
			pageSize: '100',
		});
		emulator.checks.delete(withDocument);
		emulator.checks.delete(other);
	});

	test('without a Client ID it lists the checks of every client', async () => {
		const result = await check({ operation: 'getAll', clientId: '', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(emulator.received[0].query.has('clientId')).toBe(false);
		expect(result.items.length).toBeGreaterThanOrEqual(seeded.length);
		expect(new Set(result.items.map((item) => item.json.clientId)).size).toBeGreaterThan(1);
	});
});

describe('Validate', () => {
	async function completedCheck(checkType: string, outcome: 'clear' | 'attention' | 'rejected', ids: Record<string, string> = {}) {
		const created = await check({ operation: 'create', clientId, checkType, ...ids });
		expect(created.error).toBeUndefined();
		const checkId = created.items[0].json.id as string;
		emulator.completeCheck(checkId, outcome);
		emulator.received.length = 0;
		return checkId;
	}

	test('rejecting a document check sends outcome, reasons and comment; the check becomes rejected', async () => {
		const checkId = await completedCheck('document_check', 'attention', { documentId: passportWithImage() });
		const result = await check({
			operation: 'validate',
			checkId,
			outcome: 'rejected',
			additionalFields: { rejectionReasons: ['document_has_expired', 'document_misread'], comment: 'Expired in 2019' },
		});
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path }) => ({ method, path }))).toEqual([{ method: 'POST', path: `/v1/checks/${checkId}/validate` }]);
		expect(bodyOf()).toEqual({ outcome: 'rejected', rejectionReasons: ['document_has_expired', 'document_misread'], comment: 'Expired in 2019' });
		expect(result.items[0].json).toEqual({ checkId, outcome: 'rejected' });
		expect(emulator.checks.get(checkId)?.result?.outcome).toBe('rejected');
	});

	test('confirming a screening match sends its match ID; the check becomes match_confirmed', async () => {
		const checkId = await completedCheck('standard_screening_check', 'attention');
		const matches = emulator.checks.get(checkId)!.result!.breakdown.matches as Array<{ id: string }>;
		const result = await check({ operation: 'validate', checkId, outcome: 'confirmed', additionalFields: { matchId: matches[0].id } });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ outcome: 'confirmed', matchId: matches[0].id });
		expect(result.items[0].json).toEqual({ checkId, outcome: 'match_confirmed' });
	});

	test('a comment of exactly 4,000 characters is sent', async () => {
		const checkId = await completedCheck('document_check', 'attention', { documentId: passportWithImage() });
		const comment = 'x'.repeat(4000);
		const result = await check({ operation: 'validate', checkId, outcome: 'confirmed', additionalFields: { comment } });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ outcome: 'confirmed', comment });
		expect(result.items[0].json.outcome).toBe('clear');
	});

	test('a comment over 4,000 characters is refused before sending', async () => {
		const result = await check({ operation: 'validate', checkId: UNKNOWN_ID, outcome: 'confirmed', additionalFields: { comment: 'x'.repeat(4001) } });
		expect(result.error?.message).toBe('Comment is too long (4,001 characters) [item 0]');
		expect(result.error?.description).toContain('up to 4,000 characters');
		expect(emulator.received).toHaveLength(0);
	});

	test('a screening check without a match ID: the service 400 surfaced', async () => {
		const checkId = await completedCheck('standard_screening_check', 'attention');
		const result = await check({ operation: 'validate', checkId, outcome: 'rejected' });
		expect(result.error?.message).toBe('ComplyCube refused the request (HTTP 400): "matchId" is required for screening checks [item 0]');
		expect(result.error?.httpCode).toBe('400');
	});

	test('a check still pending: what the service answers is surfaced', async () => {
		const created = await check({ operation: 'create', clientId, checkType: 'document_check', documentId: passportWithImage() });
		const checkId = created.items[0].json.id as string;
		const result = await check({ operation: 'validate', checkId, outcome: 'confirmed' });
		expect(result.error?.message).toMatch(/^ComplyCube refused the request \(HTTP 422\): .+ \[item 0\]$/);
		expect(result.error?.httpCode).toBe('422');
	});

	test('an unknown check: 404, never the key', async () => {
		const result = await check({ operation: 'validate', checkId: UNKNOWN_ID, outcome: 'confirmed' });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid check id '${UNKNOWN_ID}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an outcome the service does not take: its 400', async () => {
		const checkId = await completedCheck('document_check', 'attention', { documentId: passportWithImage() });
		const result = await check({ operation: 'validate', checkId, outcome: '={{ "pending" }}' });
		expect(bodyOf()).toEqual({ outcome: 'pending' });
		expect(result.error?.message).toBe('ComplyCube refused the request (HTTP 400): "outcome" must be one of [confirmed, rejected, attention] [item 0]');
	});

	test('an empty Check ID is refused before sending', async () => {
		const result = await check({ operation: 'validate', checkId: '={{ $json.missing }}', outcome: 'confirmed' });
		expect(result.error?.message).toBe('Check ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});
