import { COMPLYCUBE_DEMO_CUSTOM_LIST_ID, startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { expectNoSecret } from '../../support/expect-no-secret';
import { runOperation } from './run-operation';

let emulator: ComplyCubeEmulator;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false });
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
	for (const list of emulator.customLists.values()) {
		list.records.length = 0;
		list.stats = { personCount: 0, companyCount: 0 };
	}
});

const customList = (parameters: Record<string, unknown>) => runOperation(emulator, { resource: 'customList', ...parameters });
const sentBody = () => JSON.parse(emulator.received[0].body.toString('utf8')) as Record<string, unknown>;

describe('Get and Get Many', () => {
	test('Get: the list and its counts', async () => {
		const result = await customList({ operation: 'get', customListId: COMPLYCUBE_DEMO_CUSTOM_LIST_ID });
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path }) => ({ method, path }))).toEqual([
			{ method: 'GET', path: `/v1/customLists/${COMPLYCUBE_DEMO_CUSTOM_LIST_ID}` },
		]);
		expect(result.items[0].json).toMatchObject({ id: COMPLYCUBE_DEMO_CUSTOM_LIST_ID, name: 'Blocked customers', stats: { personCount: 0, companyCount: 0 } });
	});

	test('Get Many: one item per list; a Limit of 1 gives one', async () => {
		const all = await customList({ operation: 'getAll', returnAll: true });
		expect(all.items.map((item) => item.json.name).sort()).toEqual(['Blocked customers', 'Internal fraud list']);
		const one = await customList({ operation: 'getAll', returnAll: false, limit: 1 });
		expect(one.items).toHaveLength(1);
	});

	test('an unknown list: the service 404, never the key', async () => {
		const result = await customList({ operation: 'get', customListId: 'ffffffffffffffffffffffff' });
		expect(result.error?.message).toBe("ComplyCube refused the request (HTTP 404): Invalid custom list id 'ffffffffffffffffffffffff' [item 0]");
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});
});

describe('Add Entity', () => {
	test('a person with aliases, countries, date of birth and images: the documented body, counted in the stats', async () => {
		const result = await customList({
			operation: 'addEntity',
			customListId: COMPLYCUBE_DEMO_CUSTOM_LIST_ID,
			entityType: 'person',
			firstName: 'John',
			lastName: 'Smith',
			additionalFields: {
				aliases: 'John Smyth; Johnny van Smith',
				gender: 'male',
				active: true,
				countries: {
					country: [
						{ country: 'US', type: 'Jurisdiction' },
						{ country: 'GB', type: 'Resident of' },
					],
				},
				date: '1987-01-05',
				images: 'https://www.example.com/johnDoe.jpg',
			},
		});
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path }) => ({ method, path }))).toEqual([
			{ method: 'POST', path: `/v1/customLists/${COMPLYCUBE_DEMO_CUSTOM_LIST_ID}/records` },
		]);
		const body = {
			entityType: 'person',
			names: [
				{ type: 'primary', firstName: 'John', lastName: 'Smith' },
				{ type: 'alias', firstName: 'John', lastName: 'Smyth' },
				{ type: 'alias', firstName: 'Johnny', lastName: 'van Smith' },
			],
			active: true,
			gender: 'male',
			countries: [
				{ type: 'Jurisdiction', country: 'US' },
				{ type: 'Resident of', country: 'GB' },
			],
			dates: [{ type: 'Date of Birth', date: { day: '05', month: '1', year: '1987' } }],
			images: ['https://www.example.com/johnDoe.jpg'],
		};
		expect(sentBody()).toEqual(body);
		expect(result.items[0].json).toEqual({ customListId: COMPLYCUBE_DEMO_CUSTOM_LIST_ID, added: true, ...body });
		expect(emulator.customLists.get(COMPLYCUBE_DEMO_CUSTOM_LIST_ID)!.stats).toEqual({ personCount: 1, companyCount: 0 });
	});

	test('a company: its name, and the date as a date of registration', async () => {
		const result = await customList({
			operation: 'addEntity',
			customListId: COMPLYCUBE_DEMO_CUSTOM_LIST_ID,
			entityType: 'company',
			companyName: 'Company A',
			additionalFields: { date: '2001-12-31', gender: 'male' },
		});
		expect(result.error).toBeUndefined();
		expect(sentBody()).toEqual({
			entityType: 'company',
			names: [{ type: 'primary', companyName: 'Company A' }],
			dates: [{ type: 'Date of Registration', date: { day: '31', month: '12', year: '2001' } }],
		});
		expect(emulator.customLists.get(COMPLYCUBE_DEMO_CUSTOM_LIST_ID)!.stats.companyCount).toBe(1);
	});

	test.each([
		['a one-word alias of a person', { aliases: 'Johnny' }, "Alias 'Johnny' has no last name [item 0]"],
		[
			'a country name instead of a code',
			{ countries: { country: [{ country: 'France', type: 'Citizenship' }] } },
			"Country 'France' is not a two-letter country code [item 0]",
		],
		['a date that is not one', { date: '05/01/1987' }, "Date '05/01/1987' is not a date in the form YYYY-MM-DD [item 0]"],
	])('%s is refused before sending', async (_case, additionalFields, message) => {
		const result = await customList({
			operation: 'addEntity',
			customListId: COMPLYCUBE_DEMO_CUSTOM_LIST_ID,
			entityType: 'person',
			firstName: 'John',
			lastName: 'Smith',
			additionalFields,
		});
		expect(result.error?.message).toBe(message);
		expect(emulator.received).toHaveLength(0);
	});

	test('an empty Last Name is refused before sending', async () => {
		const result = await customList({
			operation: 'addEntity',
			customListId: COMPLYCUBE_DEMO_CUSTOM_LIST_ID,
			entityType: 'person',
			firstName: 'John',
			lastName: '={{ $json.none }}',
		});
		expect(result.error?.message).toBe('Last Name is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});
