import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { expectNoSecret } from '../../support/expect-no-secret';
import { runOperation } from './run-operation';

const UNKNOWN_ID = '5eb04fcd0f3e360008035eb1';
let emulator: ComplyCubeEmulator;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 20 });
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
});

const address = (parameters: Record<string, unknown>, settings?: { continueOnFail?: boolean }) =>
	runOperation(emulator, { resource: 'address', ...parameters }, undefined, settings);
const sent = () => emulator.received.map(({ method, path, body }) => ({ method, path, body: body.length ? JSON.parse(body.toString('utf8')) : undefined }));

/** An address stored directly in the emulator, as if created earlier. */
function storeAddress(clientId: string, fields: Record<string, string> = {}, createdAt = new Date().toISOString()) {
	const id = Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
	emulator.addresses.set(id, { id, clientId, type: 'main', line: 'Common street', city: 'Aldgate', country: 'GB', createdAt, updatedAt: createdAt, ...fields });
	return id;
}

describe('Create', () => {
	test('sends the documented body (required fields, trimmed additional ones) and answers the stored address', async () => {
		const clientId = emulator.addClient();
		const result = await address({
			operation: 'create',
			clientId,
			line: ' Common street ',
			city: 'Aldgate',
			country: 'GB',
			additionalFields: { type: 'alternative', propertyNumber: 'Flat 323', state: 'London', postalCode: 'W99 0RD', fromDate: '2007-09-01', buildingName: '' },
		});
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([
			{
				method: 'POST',
				path: '/v1/addresses',
				body: {
					clientId,
					line: 'Common street',
					city: 'Aldgate',
					country: 'GB',
					type: 'alternative',
					propertyNumber: 'Flat 323',
					state: 'London',
					postalCode: 'W99 0RD',
					fromDate: '2007-09-01',
				},
			},
		]);
		const id = String(result.items[0].json.id);
		expect(emulator.addresses.get(id)).toMatchObject({ clientId, line: 'Common street', type: 'alternative', postalCode: 'W99 0RD' });
		expect(result.items[0].json).toMatchObject({ id, clientId, city: 'Aldgate', country: 'GB', createdAt: expect.any(String) });
	});

	test.each([
		['a three-letter Country', { country: 'GBR' }, "Country 'GBR' is not a two-letter country code [item 0]"],
		[
			'a From Date that is not a date',
			{ additionalFields: { fromDate: '01/09/2007' } },
			"From Date '01/09/2007' is not a date in the form YYYY-MM-DD [item 0]",
		],
		['an empty Line', { line: '={{ $json.nothing }}' }, 'Line is empty [item 0]'],
	])('%s is refused before sending', async (_case, overrides, message) => {
		const result = await address({ operation: 'create', clientId: emulator.addClient(), line: 'Common street', city: 'Aldgate', country: 'GB', ...overrides });
		expect(result.error?.message).toBe(message);
		expect(emulator.received).toHaveLength(0);
	});

	test('an unknown client: the service 404, never the key', async () => {
		const result = await address({ operation: 'create', clientId: UNKNOWN_ID, line: 'Common street', city: 'Aldgate', country: 'GB' });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid client id '${UNKNOWN_ID}' [item 0]`);
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});
});

describe('Get, Update, Delete', () => {
	test('Get answers the address', async () => {
		const clientId = emulator.addClient();
		const id = storeAddress(clientId);
		const result = await address({ operation: 'get', addressId: id });
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([{ method: 'GET', path: `/v1/addresses/${id}`, body: undefined }]);
		expect(result.items[0].json).toMatchObject({ id, clientId, line: 'Common street' });
	});

	test('Update sends only the fields set; the others are kept', async () => {
		const id = storeAddress(emulator.addClient(), { postalCode: 'W10 11L' });
		const result = await address({ operation: 'update', addressId: id, updateFields: { city: 'London', toDate: '2020-01-01' } });
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([{ method: 'POST', path: `/v1/addresses/${id}`, body: { city: 'London', toDate: '2020-01-01' } }]);
		expect(result.items[0].json).toMatchObject({ id, city: 'London', toDate: '2020-01-01', postalCode: 'W10 11L', line: 'Common street' });
	});

	test('Update with no field is refused before sending', async () => {
		const result = await address({ operation: 'update', addressId: storeAddress(emulator.addClient()), updateFields: {} });
		expect(result.error?.message).toBe('No field to update [item 0]');
		expect(emulator.received).toHaveLength(0);
	});

	test('Delete: 204, then Get is 404 with the service message', async () => {
		const id = storeAddress(emulator.addClient());
		const result = await address({ operation: 'delete', addressId: id });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ id, deleted: true });
		expect(emulator.addresses.has(id)).toBe(false);
		const after = await address({ operation: 'get', addressId: id });
		expect(after.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid address id '${id}' [item 0]`);
		expect(after.error?.httpCode).toBe('404');
	});
});

describe('Get Many', () => {
	let clientId: string;
	const ids: string[] = [];
	beforeAll(() => {
		clientId = emulator.addClient();
		const start = Date.now() - 1_000_000;
		for (let index = 0; index < 105; index++) {
			ids.push(storeAddress(clientId, index % 2 ? { city: 'London' } : {}, new Date(start + index * 1000).toISOString()));
		}
		storeAddress(emulator.addClient());
	});

	test("Return All walks both pages of the client's addresses, newest first", async () => {
		const result = await address({ operation: 'getAll', clientId, returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual([...ids].reverse());
		expect(emulator.received.map((request) => Object.fromEntries(request.query))).toEqual([
			{ clientId, page: '1', pageSize: '100' },
			{ clientId, page: '2', pageSize: '100' },
		]);
	});

	test('a City filter and a Limit', async () => {
		const result = await address({ operation: 'getAll', clientId, returnAll: false, limit: 2, filters: { city: 'London' } });
		expect(result.items.map((item) => item.json.city)).toEqual(['London', 'London']);
		expect(emulator.received.map((request) => Object.fromEntries(request.query))).toEqual([{ city: 'London', clientId, page: '1', pageSize: '2' }]);
	});

	test('an empty Client ID is refused before sending', async () => {
		const result = await address({ operation: 'getAll', clientId: '={{ $json.missing }}', returnAll: true });
		expect(result.error?.message).toBe('Client ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Proof of Address check', () => {
	test('Check → Create sends the address and the document; the check completes against both', async () => {
		const clientId = emulator.addClient();
		const created = await address({ operation: 'create', clientId, line: 'Common street', city: 'Aldgate', country: 'GB' });
		const addressId = String(created.items[0].json.id);
		const documentId = emulator.addDocument(clientId, 'utility_bill');
		emulator.documents.get(documentId)!.images.front = {
			fileName: 'bill.jpg',
			contentType: 'image/jpg',
			data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
			createdAt: new Date().toISOString(),
		};
		emulator.received.length = 0;
		const check = await runOperation(emulator, {
			resource: 'check',
			operation: 'create',
			clientId,
			checkType: 'proof_of_address_check',
			documentId,
			addressId,
		});
		expect(check.error).toBeUndefined();
		expect(sent()).toEqual([{ method: 'POST', path: '/v1/checks', body: { clientId, type: 'proof_of_address_check', documentId, addressId } }]);
		const checkId = String(check.items[0].json.id);
		expect(emulator.checks.get(checkId)).toMatchObject({ type: 'proof_of_address_check', documentId, addressId });
	});

	test('an address that does not exist: the service 404 names it', async () => {
		const clientId = emulator.addClient();
		const documentId = emulator.addDocument(clientId, 'utility_bill');
		emulator.documents.get(documentId)!.images.front = {
			fileName: 'bill.jpg',
			contentType: 'image/jpg',
			data: Buffer.from([0xff, 0xd8]),
			createdAt: new Date().toISOString(),
		};
		const check = await runOperation(emulator, {
			resource: 'check',
			operation: 'create',
			clientId,
			checkType: 'proof_of_address_check',
			documentId,
			addressId: UNKNOWN_ID,
		});
		expect(check.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid address id '${UNKNOWN_ID}' [item 0]`);
	});
});

describe('Search (address lookup)', () => {
	test('sends line, postal code and country; one item per address found, ready for Address → Create', async () => {
		const result = await address({ operation: 'search', searchLine: '350 Fifth', searchPostalCode: '10118', searchCountry: 'US', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([{ method: 'POST', path: '/v1/lookup/addresses', body: { line: '350 Fifth', postalCode: '10118', country: 'US' } }]);
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ line: '350 Fifth Avenue', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' }),
			expect.objectContaining({ line: '350 Fifth Avenue Suite 5300' }),
		]);
		const limited = await address({ operation: 'search', searchLine: '350 Fifth', searchPostalCode: '10118', searchCountry: 'US', returnAll: false, limit: 1 });
		expect(limited.items).toHaveLength(1);
	});

	test('a country name instead of a code is refused before sending', async () => {
		const result = await address({ operation: 'search', searchLine: '350 Fifth', searchPostalCode: '10118', searchCountry: 'USA', returnAll: true });
		expect(result.error?.message).toBe("Country 'USA' is not a two-letter country code [item 0]");
		expect(emulator.received).toHaveLength(0);
	});
});
