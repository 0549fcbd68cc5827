import { startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { call } from './test-helpers';

let emulator: ComplyCubeEmulator;
beforeEach(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 10 })));
afterEach(async () => await emulator.close());

// The PHP sandbox tests' minimal address (AddressTest, CheckTest testCreateAddress).
const minimal = { line: '11 Something Avenue', city: 'London', country: 'GB' };

test('create: the minimal body answers the address with id, clientId and a type; every documented field is kept', async () => {
	const clientId = emulator.addClient();
	const created = await call(emulator, 'POST', '/addresses', { clientId, ...minimal });
	expect(created).toMatchObject({ status: 200, json: { id: expect.stringMatching(/^[0-9a-f]{24}$/), clientId, type: 'main', ...minimal } });
	expect(created.json.createdAt).toEqual(created.json.updatedAt);
	const full = {
		clientId,
		type: 'alternative',
		propertyNumber: 'Flat 323',
		buildingName: 'Tower',
		line: 'Common street',
		city: 'Aldgate',
		state: 'London',
		postalCode: 'W10 11L',
		country: 'GB',
		fromDate: '2007-09-01',
		toDate: '2010-01-31',
	};
	expect((await call(emulator, 'POST', '/addresses', full)).json).toMatchObject(full);
	expect(emulator.addresses.size).toBe(2);
});

test('create refusals: unknown client 404; missing line, city or country, a bad type, country or date 400', async () => {
	const clientId = emulator.addClient();
	expect(await call(emulator, 'POST', '/addresses', { clientId: '5eb04fcd0f3e360008035eb1', ...minimal })).toMatchObject({
		status: 404,
		json: { type: 'resource_not_found', message: "Invalid client id '5eb04fcd0f3e360008035eb1'", param: 'clientId' },
	});
	for (const field of ['line', 'city', 'country'] as const) {
		const { [field]: _dropped, ...rest } = minimal;
		expect(await call(emulator, 'POST', '/addresses', { clientId, ...rest })).toMatchObject({ status: 400, json: { type: 'invalid_request', param: field } });
	}
	expect((await call(emulator, 'POST', '/addresses', { clientId, ...minimal, type: 'INVALIDTYPE' })).json).toMatchObject({ param: 'type' });
	expect((await call(emulator, 'POST', '/addresses', { clientId, ...minimal, country: 'J{' })).json).toMatchObject({ param: 'country' });
	expect((await call(emulator, 'POST', '/addresses', { clientId, ...minimal, fromDate: '01/09/2007' })).json).toMatchObject({ param: 'fromDate' });
	expect(emulator.addresses.size).toBe(0);
});

test('get, update (partial), delete; unknown ids 404', async () => {
	const clientId = emulator.addClient();
	const id = String((await call(emulator, 'POST', '/addresses', { clientId, ...minimal })).json.id);
	expect((await call(emulator, 'GET', `/addresses/${id}`)).json).toMatchObject({ id, clientId, ...minimal });
	// As PHP AddressTest testUpdateAddress: only the country changes.
	expect((await call(emulator, 'POST', `/addresses/${id}`, { country: 'US', state: 'NY' })).json).toMatchObject({ id, ...minimal, country: 'US', state: 'NY' });
	expect((await call(emulator, 'POST', `/addresses/${id}`, { country: 'NOTACOUNTRYCODE' })).json).toMatchObject({ param: 'country' });
	expect((await call(emulator, 'POST', `/addresses/${id}`, { type: 'INVALIDTYPE' })).json).toMatchObject({ param: 'type' });
	expect((await call(emulator, 'GET', `/addresses/${id}`)).json).toMatchObject({ country: 'US', type: 'main' });
	expect((await call(emulator, 'DELETE', `/addresses/${id}`)).status).toBe(204);
	expect(await call(emulator, 'GET', `/addresses/${id}`)).toMatchObject({
		status: 404,
		json: { type: 'resource_not_found', message: `Invalid address id '${id}'` },
	});
	expect((await call(emulator, 'DELETE', `/addresses/${id}`)).status).toBe(404);
	expect((await call(emulator, 'POST', `/addresses/${id}`, { city: 'Leeds' })).status).toBe(404);
	expect((await call(emulator, 'GET', '/addresses/nonexistentaddressid')).status).toBe(404);
});

test('list by clientId, paged, newest first, filtered by city', async () => {
	const clientId = emulator.addClient();
	const ids: string[] = [];
	for (const city of ['London', 'New York', 'Chicago']) ids.push(String((await call(emulator, 'POST', '/addresses', { clientId, ...minimal, city })).json.id));
	await call(emulator, 'POST', '/addresses', { clientId: emulator.addClient(), ...minimal });
	const page = await call(emulator, 'GET', `/addresses?clientId=${clientId}&page=1&pageSize=2`);
	expect(page.json).toMatchObject({ page: 1, pageSize: 2, totalItems: 3, pages: 2 });
	expect((page.json.items as Array<{ id: string }>).map((item) => item.id)).toEqual([ids[2], ids[1]]);
	const london = await call(emulator, 'GET', `/addresses?clientId=${clientId}&city=London`);
	expect((london.json.items as Array<{ id: string; city: string }>).map((item) => [item.id, item.city])).toEqual([[ids[0], 'London']]);
});
