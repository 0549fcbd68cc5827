import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { expectNoSecret } from '../../support/expect-no-secret';
import { runOperation } from './run-operation';

let emulator: ComplyCubeEmulator;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 50 });
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
});

const bodyOf = (index = 0) => JSON.parse(emulator.received[index].body.toString('utf8')) as Record<string, unknown>;
const unique = () => Math.random().toString(36).slice(2, 10);

describe('create', () => {
	test('a person: details nested as ComplyCube takes them, metadata as an object, the client kept', async () => {
		const email = `jane.${unique()}@example.com`;
		const result = await runOperation(emulator, {
			resource: 'client',
			operation: 'create',
			clientType: 'person',
			email,
			firstName: 'Jane',
			lastName: 'Doe',
			additionalFields: { dob: '1990-04-25', nationality: 'GB', mobile: '+447700900123', externalId: 'cust-42' },
			metadata: { entry: [{ key: 'source', value: 'n8n' }] },
		});
		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(item.json).toMatchObject({
			type: 'person',
			email,
			entityName: 'Jane Doe',
			mobile: '+447700900123',
			externalId: 'cust-42',
			personDetails: { firstName: 'Jane', lastName: 'Doe', dob: '1990-04-25', nationality: 'GB' },
			metadata: { source: 'n8n' },
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(emulator.clients.get(String(item.json.id))).toMatchObject({ email });
		const request = emulator.received[0];
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/v1/clients');
		expect(request.headers.authorization).toBe(emulator.apiKey);
		expect(bodyOf()).toEqual({
			type: 'person',
			email,
			mobile: '+447700900123',
			externalId: 'cust-42',
			personDetails: { firstName: 'Jane', lastName: 'Doe', dob: '1990-04-25', nationality: 'GB' },
			metadata: { source: 'n8n' },
		});
	});

	test('a company: only the company name, no person details', async () => {
		const result = await runOperation(emulator, {
			resource: 'client',
			operation: 'create',
			clientType: 'company',
			email: 'kyb@acme.example',
			companyName: 'Acme Ltd',
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ type: 'company', entityName: 'Acme Ltd', companyDetails: { name: 'Acme Ltd' } });
		expect(bodyOf()).toEqual({ type: 'company', email: 'kyb@acme.example', companyDetails: { name: 'Acme Ltd' } });
	});

	test.each([
		[
			'a date of birth that is no date',
			{ additionalFields: { dob: '1990-02-30' } },
			"Date of Birth '1990-02-30' is not a date in the form YYYY-MM-DD [item 0]",
		],
		[
			'a nationality that is not a two-letter code',
			{ additionalFields: { nationality: 'GBR' } },
			"Nationality 'GBR' is not a two-letter country code [item 0]",
		],
		['a lower-case nationality', { additionalFields: { nationality: 'gb' } }, "Nationality 'gb' is not a two-letter country code [item 0]"],
		['an e-mail that is not one', { email: 'jane.example.com' }, "Email 'jane.example.com' is not an e-mail address [item 0]"],
		['an empty e-mail from an expression', { email: '={{ $json.missing }}' }, 'Email is empty [item 0]'],
		['an empty last name', { lastName: '  ' }, 'Last Name is empty [item 0]'],
	])('%s is refused before sending, naming the field', async (_case, change, message) => {
		const result = await runOperation(emulator, {
			resource: 'client',
			operation: 'create',
			clientType: 'person',
			email: 'jane@example.com',
			firstName: 'Jane',
			lastName: 'Doe',
			...change,
		});
		expect(result.error?.message).toBe(message);
		expect(emulator.received).toHaveLength(0);
	});
});

describe('get, update, delete, risk profile', () => {
	test('get answers the client as ComplyCube holds it', async () => {
		const clientId = emulator.addClient({ email: 'get.me@example.com' });
		const result = await runOperation(emulator, { resource: 'client', operation: 'get', clientId });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual(emulator.clients.get(clientId));
		expect(emulator.received[0].path).toBe(`/v1/clients/${clientId}`);
	});

	test('update sends only the changed fields with POST, and ComplyCube keeps the rest', async () => {
		const clientId = emulator.addClient({ email: 'old@example.com' });
		const result = await runOperation(emulator, {
			resource: 'client',
			operation: 'update',
			clientId,
			updateFields: { email: 'new@example.com', nationality: 'FR' },
		});
		expect(result.error).toBeUndefined();
		expect(emulator.received[0].method).toBe('POST');
		expect(emulator.received[0].path).toBe(`/v1/clients/${clientId}`);
		expect(bodyOf()).toEqual({ email: 'new@example.com', personDetails: { nationality: 'FR' } });
		expect(result.items[0].json).toMatchObject({ email: 'new@example.com', personDetails: { firstName: 'John', lastName: 'Doe', nationality: 'FR' } });
		expect(emulator.clients.get(clientId)).toMatchObject({ email: 'new@example.com' });
	});

	test('update with nothing to change is refused before sending', async () => {
		const clientId = emulator.addClient();
		const result = await runOperation(emulator, { resource: 'client', operation: 'update', clientId, updateFields: {} });
		expect(result.error?.message).toBe('No field to update [item 0]');
		expect(emulator.received).toHaveLength(0);
	});

	test('delete removes the client and says so', async () => {
		const clientId = emulator.addClient();
		const result = await runOperation(emulator, { resource: 'client', operation: 'delete', clientId });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({ id: clientId, deleted: true });
		expect(emulator.received[0]).toMatchObject({ method: 'DELETE', path: `/v1/clients/${clientId}`, status: 204 });
		expect(emulator.clients.has(clientId)).toBe(false);
	});

	test('get risk profile answers the five risks with the client ID', async () => {
		const clientId = emulator.addClient();
		const result = await runOperation(emulator, { resource: 'client', operation: 'getRiskProfile', clientId });
		expect(result.error).toBeUndefined();
		expect(emulator.received[0].path).toBe(`/v1/clients/${clientId}/riskProfile`);
		const json = result.items[0].json;
		expect(json.clientId).toBe(clientId);
		for (const key of ['overall', 'countryRisk', 'politicalExposureRisk', 'occupationRisk', 'watchlistRisk']) expect(json[key]).toBeDefined();
	});

	test.each(['get', 'update', 'delete', 'getRiskProfile'])("%s of an unknown client: ComplyCube's message and 404, never the key", async (operation) => {
		const clientId = '5eb04fcd0f3e360008035eb1';
		const result = await runOperation(emulator, { resource: 'client', operation, clientId, updateFields: { email: 'x@example.com' } });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid client id '${clientId}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an empty Client ID from an expression is refused before sending', async () => {
		const result = await runOperation(emulator, { resource: 'client', operation: 'get', clientId: '={{ $json.clientId }}' }, [{ json: {} }]);
		expect(result.error?.message).toBe('Client ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('get many', () => {
	test('the documented filters go as ComplyCube names them: person and company details nested, metadata per key', async () => {
		const lastName = `Filterson${unique()}`;
		const wanted = emulator.addClient({
			type: 'person',
			email: 'f@example.com',
			personDetails: { firstName: 'Ada', lastName, nationality: 'GB' },
			metadata: { tier: 'gold' },
		});
		emulator.addClient({
			type: 'person',
			email: 'f@example.com',
			personDetails: { firstName: 'Ada', lastName, nationality: 'GB' },
			metadata: { tier: 'silver' },
		});
		emulator.addClient({
			type: 'person',
			email: 'f@example.com',
			personDetails: { firstName: 'Bob', lastName, nationality: 'GB' },
			metadata: { tier: 'gold' },
		});
		const result = await runOperation(emulator, {
			resource: 'client',
			operation: 'getAll',
			returnAll: true,
			filters: { type: 'person', firstName: ' Ada ', lastName, nationality: 'GB', metadata: { entry: [{ key: 'tier', value: 'gold' }] } },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual([wanted]);
		expect(Object.fromEntries(emulator.received[0].query)).toEqual({
			type: 'person',
			'personDetails.firstName': 'Ada',
			'personDetails.lastName': lastName,
			'personDetails.nationality': 'GB',
			'metadata.tier': 'gold',
			page: '1',
			pageSize: '100',
		});
	});

	test('External ID, which ComplyCube cannot filter on, is matched by the node on the answers and never sent', async () => {
		const externalId = `ext-${unique()}`;
		const email = `filter.${unique()}@acme.example`;
		const wanted = emulator.addClient({ type: 'company', email, externalId, companyDetails: { name: 'Filter Co' } });
		emulator.addClient({ type: 'company', email, externalId: 'someone-else', companyDetails: { name: 'Other Co' } });
		emulator.addClient({ type: 'person', email, externalId });
		const result = await runOperation(emulator, {
			resource: 'client',
			operation: 'getAll',
			returnAll: false,
			limit: 1,
			filters: { type: 'company', email, externalId: ` ${externalId} ` },
		});
		expect(result.error).toBeUndefined();
		// The emulator, as ComplyCube may, ignores an attribute it does not document: the node's own match is what narrows.
		expect(result.items.map((item) => item.json.id)).toEqual([wanted]);
		const query = emulator.received[0].query;
		expect(Object.fromEntries(query)).toEqual({ type: 'company', email, page: '1', pageSize: '100' });
	});

	test('External ID across pages: the node reads on until Limit matches are found', async () => {
		const email = `paged.${unique()}@example.com`;
		const externalId = `ext-${unique()}`;
		const wanted = [emulator.addClient({ email, externalId })];
		for (let index = 0; index < 120; index++) emulator.addClient({ email });
		wanted.push(emulator.addClient({ email, externalId }));
		const result = await runOperation(emulator, { resource: 'client', operation: 'getAll', returnAll: false, limit: 2, filters: { email, externalId } });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual([...wanted].reverse());
		expect(emulator.received.map((request) => request.query.get('page'))).toEqual(['1', '2']);
	});

	test('Created After / Before go as ISO date-times and ComplyCube narrows by createdAt', async () => {
		const email = `dated.${unique()}@example.com`;
		emulator.addClient({ email });
		await new Promise((resolve) => setTimeout(resolve, 20));
		const moment = new Date().toISOString();
		await new Promise((resolve) => setTimeout(resolve, 20));
		const later = emulator.addClient({ email });
		const result = await runOperation(emulator, { resource: 'client', operation: 'getAll', returnAll: true, filters: { email, createdAfter: moment } });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.id)).toEqual([later]);
		expect(emulator.received[0].query.get('createdAfter')).toBe(moment);
	});

	test.each([
		['a Created After that is no date', { createdAfter: 'yesterday-ish' }, "Created After 'yesterday-ish' is not a date [item 0]"],
		['a Date of Birth not YYYY-MM-DD', { dob: '25/04/1990' }, "Date of Birth '25/04/1990' is not a date in the form YYYY-MM-DD [item 0]"],
		['a Nationality that is no country code', { nationality: 'gbr' }, "Nationality 'gbr' is not a two-letter country code [item 0]"],
	])('%s is refused before sending', async (_case, filters, message) => {
		const result = await runOperation(emulator, { resource: 'client', operation: 'getAll', returnAll: true, filters });
		expect(result.error?.message).toBe(message);
		expect(emulator.received).toHaveLength(0);
	});

	test('Return All walks every page', async () => {
		for (let index = 0; index < 130; index++) emulator.addClient({ email: `many.${index}@example.com` });
		const result = await runOperation(emulator, { resource: 'client', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(emulator.clients.size);
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(emulator.clients.size);
		const pages = emulator.received.map((request) => request.query.get('page'));
		expect(pages.length).toBeGreaterThanOrEqual(2);
		expect(pages).toEqual(pages.map((_page, index) => String(index + 1)));
		expect(result.items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('a Limit asks for no more than it needs', async () => {
		while (emulator.clients.size < 10) emulator.addClient();
		const result = await runOperation(emulator, { resource: 'client', operation: 'getAll', returnAll: false, limit: 7 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(7);
		expect(emulator.received).toHaveLength(1);
		expect(emulator.received[0].query.get('pageSize')).toBe('7');
	});
});
