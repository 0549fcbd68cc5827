import { COMPLYCUBE_DEMO_CUSTOM_LIST_ID, startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { call } from './test-helpers';

let emulator: ComplyCubeEmulator;
beforeEach(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false })));
afterEach(async () => await emulator.close());

// [PHP CustomListTest] the person and company entities it adds.
const person = {
	entityType: 'person',
	names: [
		{ type: 'primary', firstName: 'John', lastName: 'Smith' },
		{ type: 'alias', firstName: 'John', lastName: 'Smyth' },
	],
	active: true,
	gender: 'male',
	countries: [
		{ type: 'Jurisdiction', country: 'US' },
		{ type: 'Resident of', country: 'GB' },
	],
	dates: [{ type: 'Date of Birth', date: { day: '01', month: '01', year: '1987' } }],
	images: ['https://www.example.com/johnDoe.jpg'],
};
const company = { entityType: 'company', names: [{ type: 'primary', companyName: 'Company A' }] };

test('get and list answer {id, name, stats, createdAt, updatedAt, lastActionBy}, never the records; an unknown list is 404', async () => {
	const got = await call(emulator, 'GET', `/customLists/${COMPLYCUBE_DEMO_CUSTOM_LIST_ID}`);
	expect(got.json).toMatchObject({
		id: COMPLYCUBE_DEMO_CUSTOM_LIST_ID,
		name: expect.any(String),
		stats: { personCount: 0, companyCount: 0 },
		lastActionBy: expect.any(String),
	});
	expect(got.json).not.toHaveProperty('records');
	const listed = await call(emulator, 'GET', '/customLists');
	expect((listed.json.items as unknown[]).length).toBeGreaterThan(1);
	expect(await call(emulator, 'GET', '/customLists/nonexistent')).toMatchObject({
		status: 404,
		json: { type: 'resource_not_found', message: "Invalid custom list id 'nonexistent'" },
	});
});

test('adding a person and a company counts them in the stats', async () => {
	expect((await call(emulator, 'POST', `/customLists/${COMPLYCUBE_DEMO_CUSTOM_LIST_ID}/records`, person)).status).toBe(200);
	expect((await call(emulator, 'POST', `/customLists/${COMPLYCUBE_DEMO_CUSTOM_LIST_ID}/records`, company)).status).toBe(200);
	expect((await call(emulator, 'GET', `/customLists/${COMPLYCUBE_DEMO_CUSTOM_LIST_ID}`)).json).toMatchObject({ stats: { personCount: 1, companyCount: 1 } });
});

test.each([
	['no names (PHP testAddInvalidPersonEntityToCustomList)', { ...person, names: undefined }, 'names'],
	['an unknown entity type', { ...person, entityType: 'robot' }, 'entityType'],
	['a person name without a last name', { ...person, names: [{ firstName: 'John' }] }, 'names.lastName'],
	['a company name missing', { entityType: 'company', names: [{ type: 'primary' }] }, 'names.companyName'],
	['an unknown country type', { ...person, countries: [{ type: 'Home', country: 'GB' }] }, 'countries.type'],
	['a date as text', { ...person, dates: [{ type: 'Date of Birth', date: '1987-01-01' }] }, 'dates.date'],
])('add refused with 400 invalid_request: %s', async (_case, body, param) => {
	expect(await call(emulator, 'POST', `/customLists/${COMPLYCUBE_DEMO_CUSTOM_LIST_ID}/records`, body)).toMatchObject({
		status: 400,
		json: { type: 'invalid_request', param },
	});
	expect(emulator.customLists.get(COMPLYCUBE_DEMO_CUSTOM_LIST_ID)!.records).toHaveLength(0);
});
