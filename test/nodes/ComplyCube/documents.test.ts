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

const document = (parameters: Record<string, unknown>, items?: FixtureItem[], settings?: { continueOnFail?: boolean }) =>
	runOperation(emulator, { resource: 'document', ...parameters }, items, settings);
const bodyOf = (index = 0) => JSON.parse(emulator.received[index].body.toString('utf8')) as Record<string, unknown>;

/** Stores an image on a side directly in the emulator, as if it had been uploaded earlier (labelled as the sandbox labels a JPEG). */
function storeImage(documentId: string, side: 'front' | 'back', bytes = sampleBytes('jpeg', 40_000), fileName = `${side}.jpg`) {
	emulator.documents.get(documentId)!.images[side] = { fileName, contentType: 'image/jpg', data: bytes, createdAt: new Date().toISOString() };
	return bytes;
}

describe('Create', () => {
	test('sends the client, type, issuing country and classification, and answers the new document', async () => {
		const result = await document({
			operation: 'create',
			clientId,
			documentType: 'passport',
			additionalFields: { issuingCountry: 'GB', classification: 'proof_of_identity' },
		});
		expect(result.error).toBeUndefined();
		expect(emulator.received).toHaveLength(1);
		expect(emulator.received[0]).toMatchObject({ method: 'POST', path: '/v1/documents', status: 200 });
		expect(emulator.received[0].headers.authorization).toBe(emulator.apiKey);
		expect(bodyOf()).toEqual({ clientId, type: 'passport', issuingCountry: 'GB', classification: 'proof_of_identity' });
		const [item] = result.items;
		expect(item.json).toMatchObject({ clientId, type: 'passport', issuingCountry: 'GB', classification: 'proof_of_identity' });
		expect(item.json.id).toMatch(/^[0-9a-f]{24}$/);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(emulator.documents.get(item.json.id as string)).toMatchObject({ clientId, type: 'passport' });
	});

	test.each(['driving_license', 'national_identity_card', 'residence_permit'])('a %s with nothing else sends only client and type', async (type) => {
		const result = await document({ operation: 'create', clientId, documentType: type });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type });
		expect(result.items[0].json.type).toBe(type);
	});

	test.each(['bank_statement', 'visa', 'company_annual_accounts'])('a documented non-identity type (%s) is sent as chosen and created', async (type) => {
		const result = await document({ operation: 'create', clientId, documentType: type, additionalFields: { issuingCountry: 'FR' } });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type, issuingCountry: 'FR' });
		expect(result.items[0].json).toMatchObject({ clientId, type, issuingCountry: 'FR' });
	});

	test('a utility bill for proof of address: created with its classification, then listed by type', async () => {
		const owner = emulator.addClient();
		const result = await document({
			operation: 'create',
			clientId: owner,
			documentType: 'utility_bill',
			additionalFields: { issuingCountry: 'GB', classification: 'proof_of_address' },
		});
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path, status }) => ({ method, path, status }))).toEqual([{ method: 'POST', path: '/v1/documents', status: 200 }]);
		expect(bodyOf()).toEqual({ clientId: owner, type: 'utility_bill', issuingCountry: 'GB', classification: 'proof_of_address' });
		const id = result.items[0].json.id as string;
		expect(result.items[0].json).toMatchObject({
			id,
			clientId: owner,
			type: 'utility_bill',
			issuingCountry: 'GB',
			classification: 'proof_of_address',
			images: [],
		});
		expect(emulator.documents.get(id)).toMatchObject({ type: 'utility_bill', classification: 'proof_of_address' });
		const listed = await document({ operation: 'getAll', clientId: owner, returnAll: true, filters: { type: 'utility_bill' } });
		expect(listed.items.map((item) => item.json.id)).toEqual([id]);
	});

	test('a classification the service does not take: its 400', async () => {
		const result = await document({ operation: 'create', clientId, documentType: 'utility_bill', additionalFields: { classification: 'proof_of_residence' } });
		expect(bodyOf()).toEqual({ clientId, type: 'utility_bill', classification: 'proof_of_residence' });
		expect(result.error?.message).toMatch(/^ComplyCube refused the request \(HTTP 400\): "classification" must be one of \[.*proof_of_address.*\] \[item 0\]$/);
		expect(result.error?.httpCode).toBe('400');
	});

	test('the client ID can come from the item, one document per item', async () => {
		const other = emulator.addClient();
		const result = await document({ operation: 'create', clientId: '={{ $json.clientId }}', documentType: 'passport' }, [
			{ json: { clientId } },
			{ json: { clientId: other } },
		]);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.clientId)).toEqual([clientId, other]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test.each([
		['a country name', 'United Kingdom'],
		['a lower-case code', 'gb'],
		['an alpha-3 code', 'GBR'],
	])('an Issuing Country that is %s is refused before sending', async (_case, issuingCountry) => {
		const result = await document({ operation: 'create', clientId, documentType: 'passport', additionalFields: { issuingCountry } });
		expect(result.error?.message).toBe(`Issuing Country '${issuingCountry}' is not a two-letter country code [item 0]`);
		expect(result.error?.description).toContain('ISO 3166-1 alpha-2');
		expect(result.error?.description).toContain('Nothing was sent');
		expect(emulator.received).toHaveLength(0);
	});

	test('an empty Client ID is refused before sending', async () => {
		const result = await document({ operation: 'create', clientId: '={{ $json.missing }}', documentType: 'passport' });
		expect(result.error?.message).toBe('Client ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});

	test('an unknown client: the service message and its 404, never the key', async () => {
		const result = await document({ operation: 'create', clientId: UNKNOWN_ID, documentType: 'passport' });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid client id '${UNKNOWN_ID}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('a type the service does not take: its message and its 400', async () => {
		const result = await document({ operation: 'create', clientId, documentType: '={{ "INVALIDTYPE" }}' });
		expect(emulator.received).toHaveLength(1);
		expect(bodyOf()).toEqual({ clientId, type: 'INVALIDTYPE' });
		expect(result.error?.message).toMatch(/^ComplyCube refused the request \(HTTP 400\): "type" must be one of \[.*passport.*\] \[item 0\]$/);
		expect(result.error?.httpCode).toBe('400');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});
});

describe('Get', () => {
	test('answers the document with its images', async () => {
		const documentId = emulator.addDocument(clientId, 'driving_license');
		storeImage(documentId, 'front');
		const result = await document({ operation: 'get', documentId });
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path }) => ({ method, path }))).toEqual([{ method: 'GET', path: `/v1/documents/${documentId}` }]);
		expect(result.items[0].json).toMatchObject({ id: documentId, clientId, type: 'driving_license' });
		expect(result.items[0].json.images).toEqual([expect.objectContaining({ documentSide: 'front', fileName: 'front.jpg' })]);
	});

	test('a 429 with a Retry-After is retried and the document still comes back', async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		emulator.throttleNext(1, '0');
		const result = await document({ operation: 'get', documentId });
		expect(result.error).toBeUndefined();
		expect(emulator.received.map((request) => request.status)).toEqual([429, 200]);
		expect(result.items[0].json.id).toBe(documentId);
	});

	test('an unknown document: 404 with the service message', async () => {
		const result = await document({ operation: 'get', documentId: UNKNOWN_ID });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid document id '${UNKNOWN_ID}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an empty Document ID is refused before sending', async () => {
		const result = await document({ operation: 'get', documentId: '={{ $json.missing }}' });
		expect(result.error?.message).toBe('Document ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Get Many', () => {
	let manyClient: string;
	const passports: string[] = [];
	const licences: string[] = [];
	beforeAll(() => {
		manyClient = emulator.addClient();
		for (let index = 0; index < 130; index++) passports.push(emulator.addDocument(manyClient, 'passport'));
		for (let index = 0; index < 3; index++) licences.push(emulator.addDocument(manyClient, 'driving_license'));
		// Another client's documents must not appear.
		emulator.addDocument(emulator.addClient(), 'passport');
	});

	test('Return All walks every page of the client, one item per document', async () => {
		const result = await document({ operation: 'getAll', clientId: manyClient, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(133);
		expect(new Set(result.items.map((item) => item.json.id))).toEqual(new Set([...passports, ...licences]));
		expect(result.items.every((item) => item.json.clientId === manyClient)).toBe(true);
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(true);
		expect(emulator.received.map((request) => request.path)).toEqual(['/v1/documents', '/v1/documents']);
		expect(emulator.received.map((request) => Object.fromEntries(request.query))).toEqual([
			{ clientId: manyClient, page: '1', pageSize: '100' },
			{ clientId: manyClient, page: '2', pageSize: '100' },
		]);
	});

	test('a Limit stops at that many, in one request', async () => {
		const result = await document({ operation: 'getAll', clientId: manyClient, returnAll: false, limit: 7 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(7);
		expect(emulator.received).toHaveLength(1);
		expect(Object.fromEntries(emulator.received[0].query)).toEqual({ clientId: manyClient, page: '1', pageSize: '7' });
	});

	test('a Limit above one page takes what it needs from the second', async () => {
		const result = await document({ operation: 'getAll', clientId: manyClient, returnAll: false, limit: 120 });
		expect(result.items).toHaveLength(120);
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(120);
		expect(emulator.received).toHaveLength(2);
	});

	test('the Type filter is sent and honoured', async () => {
		const result = await document({ operation: 'getAll', clientId: manyClient, returnAll: true, filters: { type: 'driving_license' } });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id).sort()).toEqual([...licences].sort());
		expect(emulator.received[0].query.get('type')).toBe('driving_license');
	});

	test('Classification and Issuing Country are sent and honoured', async () => {
		const owner = emulator.addClient();
		const created = await document({
			operation: 'create',
			clientId: owner,
			documentType: 'passport',
			additionalFields: { classification: 'proof_of_identity', issuingCountry: 'FR' },
		});
		expect(created.error).toBeUndefined();
		await document({
			operation: 'create',
			clientId: owner,
			documentType: 'passport',
			additionalFields: { classification: 'proof_of_identity', issuingCountry: 'GB' },
		});
		emulator.received.length = 0;
		const result = await document({
			operation: 'getAll',
			clientId: owner,
			returnAll: true,
			filters: { classification: 'proof_of_identity', issuingCountry: 'FR' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual([created.items[0].json.id]);
		expect(Object.fromEntries(emulator.received[0].query)).toEqual({
			clientId: owner,
			classification: 'proof_of_identity',
			issuingCountry: 'FR',
			page: '1',
			pageSize: '100',
		});
	});

	test('an Issuing Country that is no two-letter code is refused before sending', async () => {
		const result = await document({ operation: 'getAll', clientId: manyClient, returnAll: true, filters: { issuingCountry: 'France' } });
		expect(result.error?.message).toBe("Issuing Country 'France' is not a two-letter country code [item 0]");
		expect(emulator.received).toHaveLength(0);
	});

	test('an empty Client ID is refused before sending', async () => {
		const result = await document({ operation: 'getAll', clientId: ' ', returnAll: true });
		expect(result.error?.message).toBe('Client ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Download Image', () => {
	test('a side uploaded through the node comes back byte-identical, with its name and type', async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		const file = samples.make('front-upload.jpg', 'jpeg', 61_234);
		const upload = await document({ operation: 'uploadImage', documentId, documentSide: 'back', binaryPropertyName: 'data' }, [
			{ json: {}, files: { data: { path: file.path, fileName: 'back.jpg', mimeType: 'image/jpeg' } } },
		]);
		expect(upload.error).toBeUndefined();
		emulator.received.length = 0;

		const result = await document({ operation: 'downloadImage', documentId, documentSide: 'back', binaryPropertyName: 'scan' });
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path }) => ({ method, path }))).toEqual([{ method: 'GET', path: `/v1/documents/${documentId}/download/back` }]);
		const [item] = result.items;
		expect(item.binary?.scan).toMatchObject({ fileName: 'back.jpg', mimeType: 'image/jpeg' });
		expect((await binaryBytes(item.binary?.scan)).equals(file.bytes)).toBe(true);
		// The service labels it 'image/jpg'; the node's contentType is the MIME type of the bytes.
		expect(item.json).toEqual({ fileName: 'back.jpg', contentType: 'image/jpeg', size: 61_234 });
		expect(item.json).not.toHaveProperty('data');
	});

	test('a PDF side stored in the service keeps its type, into the default field', async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		const bytes = sampleBytes('pdf', 50_000);
		emulator.documents.get(documentId)!.images.front = {
			fileName: 'statement.pdf',
			contentType: 'application/pdf',
			data: bytes,
			createdAt: new Date().toISOString(),
		};
		const result = await document({ operation: 'downloadImage', documentId, documentSide: 'front', binaryPropertyName: 'data' });
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary?.data).toMatchObject({ fileName: 'statement.pdf', mimeType: 'application/pdf' });
		expect((await binaryBytes(result.items[0].binary?.data)).equals(bytes)).toBe(true);
	});

	test("the sandbox's 'image/jpg' becomes the real MIME type of the bytes", async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		const bytes = storeImage(documentId, 'front');
		emulator.documents.get(documentId)!.images.front!.contentType = 'image/jpg';
		const result = await document({ operation: 'downloadImage', documentId, documentSide: 'front', binaryPropertyName: 'data' });
		expect(result.items[0].binary?.data).toMatchObject({ fileName: 'front.jpg', mimeType: 'image/jpeg' });
		expect(result.items[0].json.contentType).toBe('image/jpeg');
		expect((await binaryBytes(result.items[0].binary?.data)).equals(bytes)).toBe(true);
	});

	test('the input binaries are kept beside the download', async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		storeImage(documentId, 'front');
		const file = samples.make('kept.png', 'png', 1_000);
		const result = await document({ operation: 'downloadImage', documentId, documentSide: 'front', binaryPropertyName: 'front' }, [
			{ json: {}, files: { data: { path: file.path, fileName: 'kept.png', mimeType: 'image/png' } } },
		]);
		expect(Object.keys(result.items[0].binary ?? {}).sort()).toEqual(['data', 'front']);
	});

	test('a side with no image: the service message and its 404', async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		storeImage(documentId, 'front');
		const result = await document({ operation: 'downloadImage', documentId, documentSide: 'back', binaryPropertyName: 'data' });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid document id '${documentId}' or side 'back' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an unknown document: 404', async () => {
		const result = await document({ operation: 'downloadImage', documentId: UNKNOWN_ID, documentSide: 'front', binaryPropertyName: 'data' });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid document id '${UNKNOWN_ID}' [item 0]`);
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an empty output field or Document ID is refused before sending', async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		const noField = await document({ operation: 'downloadImage', documentId, documentSide: 'front', binaryPropertyName: '={{ $json.missing }}' });
		expect(noField.error?.message).toBe('Put Output File in Field is empty [item 0]');
		const noId = await document({ operation: 'downloadImage', documentId: '={{ $json.missing }}', documentSide: 'front', binaryPropertyName: 'data' });
		expect(noId.error?.message).toBe('Document ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Delete Image', () => {
	test('deletes one side with DELETE /documents/{id}/{side}; the other side and the document stay', async () => {
		const documentId = emulator.addDocument(clientId, 'driving_license');
		storeImage(documentId, 'front');
		storeImage(documentId, 'back');
		const result = await document({ operation: 'deleteImage', documentId, documentSide: 'front' });
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
			{ method: 'DELETE', path: `/v1/documents/${documentId}/front`, status: 204 },
		]);
		expect(result.items[0].json).toEqual({ id: documentId, documentSide: 'front', deleted: true });
		expect(emulator.documents.get(documentId)?.images.front).toBeUndefined();
		expect(emulator.documents.get(documentId)?.images.back).toBeDefined();
	});

	test('a side that holds no image: the service answer surfaced', async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		const result = await document({ operation: 'deleteImage', documentId, documentSide: 'back' });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid document id '${documentId}' or side 'back' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
	});

	test('an unknown document: 404, never the key', async () => {
		const result = await document({ operation: 'deleteImage', documentId: UNKNOWN_ID, documentSide: 'front' });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid document id '${UNKNOWN_ID}' [item 0]`);
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an empty Document ID is refused before sending', async () => {
		const result = await document({ operation: 'deleteImage', documentId: '={{ $json.missing }}', documentSide: 'front' });
		expect(result.error?.message).toBe('Document ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Delete', () => {
	test('deletes the document; a Get afterwards is 404', async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		const result = await document({ operation: 'delete', documentId });
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
			{ method: 'DELETE', path: `/v1/documents/${documentId}`, status: 204 },
		]);
		expect(result.items[0].json).toEqual({ id: documentId, deleted: true });
		expect(emulator.documents.has(documentId)).toBe(false);
		const after = await document({ operation: 'get', documentId });
		expect(after.error?.httpCode).toBe('404');
	});

	test('an unknown document: 404 with the service message, never the key', async () => {
		const result = await document({ operation: 'delete', documentId: UNKNOWN_ID });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid document id '${UNKNOWN_ID}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('with continue on error, an unknown document becomes an error item and the others are deleted', async () => {
		const first = emulator.addDocument(clientId, 'passport');
		const last = emulator.addDocument(clientId, 'passport');
		const result = await document(
			{ operation: 'delete', documentId: '={{ $json.id }}' },
			[{ json: { id: first } }, { json: { id: UNKNOWN_ID } }, { json: { id: last } }],
			{
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => (item.json.error ? 'error' : item.json.id))).toEqual([first, 'error', last]);
		expect(result.items[1].json.details).toMatchObject({ httpCode: '404' });
		expect(emulator.documents.has(first) || emulator.documents.has(last)).toBe(false);
	});

	test('an empty Document ID is refused before sending', async () => {
		const result = await document({ operation: 'delete', documentId: '={{ "" }}' });
		expect(result.error?.message).toBe('Document ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});
