import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { expectNoSecret } from '../../support/expect-no-secret';
import { runOperation } from './run-operation';

const CLEDARA = '67625f5f3131343535333733';
let emulator: ComplyCubeEmulator;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false });
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
});

const company = (parameters: Record<string, unknown>) => runOperation(emulator, { resource: 'company', ...parameters });
const sentBodies = () =>
	emulator.received.map(({ method, path, body }) => ({ method, path, body: body.length ? JSON.parse(body.toString('utf8')) : undefined }));

describe('Search', () => {
	test('by name and country: one item per company, as summaries without owners or officers', async () => {
		const result = await company({ operation: 'search', incorporationCountry: 'GB', companyName: 'cledara', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(sentBodies()).toEqual([{ method: 'POST', path: '/v1/lookup/companies', body: { incorporationCountry: 'GB', companyName: 'cledara' } }]);
		expect(result.items.map((item) => item.json.name)).toEqual(['CLEDARA LTD', 'CLEDARA HOLDINGS LIMITED']);
		expect(result.items[0].json).toMatchObject({
			id: CLEDARA,
			registrationNumber: '11455373',
			incorporationCountry: 'GB',
			address: { city: 'London' },
			active: true,
		});
		expect(result.items[0].json).not.toHaveProperty('officers');
	});

	test('by registration number, with a Limit', async () => {
		const byNumber = await company({ operation: 'search', incorporationCountry: 'GB', registrationNumber: '12345678', returnAll: true });
		expect(byNumber.items.map((item) => item.json.name)).toEqual(['CLEDARA HOLDINGS LIMITED']);
		const limited = await company({ operation: 'search', incorporationCountry: 'GB', companyName: 'CLEDARA', returnAll: false, limit: 1 });
		expect(limited.items.map((item) => item.json.id)).toEqual([CLEDARA]);
	});

	test('nothing found: no items', async () => {
		const result = await company({ operation: 'search', incorporationCountry: 'FR', companyName: 'CLEDARA', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	test.each([
		['no name and no number', { companyName: '', registrationNumber: '' }, 'Company Name and Registration Number are both empty [item 0]'],
		[
			'a country name instead of a code',
			{ incorporationCountry: 'United Kingdom' },
			"Incorporation Country 'United Kingdom' is not a two-letter country code [item 0]",
		],
	])('%s is refused before sending', async (_case, overrides, message) => {
		const result = await company({ operation: 'search', incorporationCountry: 'GB', companyName: 'CLEDARA', returnAll: true, ...overrides });
		expect(result.error?.message).toBe(message);
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Get Details', () => {
	test('the company with owners, officers, filings and industry codes', async () => {
		const result = await company({ operation: 'getDetails', companyId: CLEDARA });
		expect(result.error).toBeUndefined();
		expect(sentBodies()).toEqual([{ method: 'GET', path: `/v1/lookup/companies/${CLEDARA}`, body: undefined }]);
		expect(result.items[0].json).toMatchObject({
			id: CLEDARA,
			name: 'CLEDARA LTD',
			officers: [{ role: 'director', lastName: 'Example' }],
			industryCodes: [{ scheme: 'SIC', code: '62012' }],
		});
	});

	test('an unknown company: the service 404, never the key', async () => {
		const result = await company({ operation: 'getDetails', companyId: 'ffffffffffffffffffffffff' });
		expect(result.error?.message).toBe("ComplyCube refused the request (HTTP 404): Invalid company id 'ffffffffffffffffffffffff' [item 0]");
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('Search → Get Details → Client → Create (company): the company found becomes a client', async () => {
		const found = await company({ operation: 'search', incorporationCountry: 'GB', registrationNumber: '11455373', returnAll: true });
		const details = await runOperation(
			emulator,
			{ resource: 'company', operation: 'getDetails', companyId: '={{ $json.id }}' },
			found.items.map((item) => ({ json: item.json })),
		);
		const client = await runOperation(
			emulator,
			{ resource: 'client', operation: 'create', clientType: 'company', email: 'kyb@example.com', companyName: '={{ $json.name }}' },
			details.items.map((item) => ({ json: item.json })),
		);
		expect(client.error).toBeUndefined();
		expect(emulator.clients.get(String(client.items[0].json.id))).toMatchObject({ type: 'company', companyDetails: { name: 'CLEDARA LTD' } });
	});
});
