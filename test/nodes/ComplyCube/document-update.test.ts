import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { expectNoSecret } from '../../support/expect-no-secret';
import { runOperation } from './run-operation';

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

const bodyOf = (index = 0) => JSON.parse(emulator.received[index].body.toString('utf8')) as Record<string, unknown>;

describe('Document Number', () => {
	test('Create sends the number, and ComplyCube keeps it with the document', async () => {
		const result = await runOperation(emulator, {
			resource: 'document',
			operation: 'create',
			clientId,
			documentType: 'driving_license',
			additionalFields: { issuingCountry: 'GB', documentNumber: ' MORGA753116SM9IJ ' },
		});
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type: 'driving_license', issuingCountry: 'GB', documentNumber: 'MORGA753116SM9IJ' });
		expect(emulator.documents.get(result.items[0].json.id as string)?.documentNumber).toBe('MORGA753116SM9IJ');
	});

	test.each([
		['a number with a character no issuer prints', 'MORGA753116SM9I$', "Document Number ending '…I$' is not a number ComplyCube takes [item 0]"],
		['a number of 51 characters', 'A'.repeat(51), "Document Number ending '…AA' is not a number ComplyCube takes [item 0]"],
		[
			'a short number with a space at its end inside an expression',
			'={{ "AB-" }}',
			'Document Number of 3 characters is not a number ComplyCube takes [item 0]',
		],
	])('%s is refused before sending, naming the field and not the number', async (_case, documentNumber, message) => {
		const result = await runOperation(emulator, {
			resource: 'document',
			operation: 'create',
			clientId,
			documentType: 'driving_license',
			additionalFields: { documentNumber },
		});
		expect(result.error?.message).toBe(message);
		expect(emulator.received).toHaveLength(0);
	});

	test('the emulator refuses such a number too (the node is not the only guard)', async () => {
		const response = await fetch(`${emulator.baseUrl}/documents`, {
			method: 'POST',
			headers: { authorization: emulator.apiKey, 'content-type': 'application/json' },
			body: JSON.stringify({ clientId, type: 'driving_license', documentNumber: 'MORGA$' }),
		});
		expect(response.status).toBe(400);
		const body = (await response.json()) as Record<string, unknown>;
		expect(body).toMatchObject({ type: 'invalid_request', param: 'documentNumber' });
		expect(JSON.stringify(body)).not.toContain('MORGA');
	});
});

describe('Update', () => {
	test('changes the type, country and number of a document in place, keeping its images', async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		emulator.documents.get(documentId)!.images.front = {
			fileName: 'front.jpg',
			contentType: 'image/jpg',
			data: Buffer.alloc(40_000, 1),
			createdAt: new Date().toISOString(),
		};
		const result = await runOperation(emulator, {
			resource: 'document',
			operation: 'update',
			documentId,
			updateFields: { documentType: 'driving_license', issuingCountry: 'GB', documentNumber: 'MORGA753116SM9IJ', classification: 'proof_of_identity' },
		});
		expect(result.error).toBeUndefined();
		expect(emulator.received[0]).toMatchObject({ method: 'POST', path: `/v1/documents/${documentId}`, status: 200 });
		expect(bodyOf()).toEqual({ type: 'driving_license', issuingCountry: 'GB', documentNumber: 'MORGA753116SM9IJ', classification: 'proof_of_identity' });
		expect(result.items[0].json).toMatchObject({ id: documentId, type: 'driving_license', issuingCountry: 'GB', documentNumber: 'MORGA753116SM9IJ' });
		expect(emulator.documents.get(documentId)!.images.front).toBeDefined();
	});

	test('sends only the fields set (ComplyCube keeps the others)', async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		const result = await runOperation(emulator, { resource: 'document', operation: 'update', documentId, updateFields: { issuingCountry: 'FR' } });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ issuingCountry: 'FR' });
		expect(result.items[0].json).toMatchObject({ type: 'passport', issuingCountry: 'FR' });
	});

	test('nothing to change, or a bad country, is refused before sending', async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		const empty = await runOperation(emulator, { resource: 'document', operation: 'update', documentId, updateFields: {} });
		expect(empty.error?.message).toBe('No field to update [item 0]');
		const country = await runOperation(emulator, { resource: 'document', operation: 'update', documentId, updateFields: { issuingCountry: 'gb' } });
		expect(country.error?.message).toBe("Issuing Country 'gb' is not a two-letter country code [item 0]");
		expect(emulator.received).toHaveLength(0);
	});

	test("an unknown document is ComplyCube's 404, with its message and status", async () => {
		const result = await runOperation(emulator, {
			resource: 'document',
			operation: 'update',
			documentId: '5eb04fcd0f3e360008035eb1',
			updateFields: { issuingCountry: 'GB' },
		});
		expect(result.error?.message).toBe("ComplyCube refused the request (HTTP 404): Invalid document id '5eb04fcd0f3e360008035eb1' [item 0]");
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('Update is a write: an AI agent needs Allow Changes (it is not among the read operations)', async () => {
		const { operations, readOperations } = await import('../../../nodes/ComplyCube/actions/document/Document.resource');
		expect(Object.keys(operations)).toContain('update');
		expect(readOperations).not.toContain('update');
	});
});

describe('the driving licence check needs the number', () => {
	test('without it ComplyCube refuses the check; after Document → Update adds it, the check runs', async () => {
		const documentId = emulator.addDocument(clientId, 'driving_license');
		const check = { resource: 'check', operation: 'create', clientId, checkType: 'driving_license_check', documentId };
		const refused = await runOperation(emulator, check);
		expect(refused.error?.message).toContain('HTTP 400');
		expect(refused.error?.message).toContain('documentNumber');
		await runOperation(emulator, { resource: 'document', operation: 'update', documentId, updateFields: { documentNumber: 'MORGA753116SM9IJ' } });
		const accepted = await runOperation(emulator, check);
		expect(accepted.error).toBeUndefined();
		expect(accepted.items[0].json).toMatchObject({ type: 'driving_license_check', documentId, status: 'pending' });
	});
});
