import { COMPLYCUBE_API_KEY, COMPLYCUBE_DEMO_CLIENT_ID, COMPLYCUBE_LIVE_API_KEY, startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { call } from './test-helpers';

let emulator: ComplyCubeEmulator;
beforeEach(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 10 })));
afterEach(async () => await emulator.close());

const person = { type: 'person', email: 'jane@example.com', personDetails: { firstName: 'Jane', lastName: 'Smith', dob: '1970-01-01' } };

test('auth: the raw sandbox or live key works; none, Bearer or a wrong key answers 401 with the error object', async () => {
	expect((await call(emulator, 'GET', '/clients')).status).toBe(200);
	expect((await call(emulator, 'GET', '/clients', undefined, COMPLYCUBE_LIVE_API_KEY)).status).toBe(200);
	for (const key of [null, `Bearer ${COMPLYCUBE_API_KEY}`, 'test_wrong']) {
		const answer = await call(emulator, 'GET', '/clients', undefined, key);
		expect(answer.status).toBe(401);
		// [Docs errors "Example of Standard Errors" Unauthorized] word for word.
		expect(answer.json).toEqual({ type: 'unauthorized', message: "The 'Authorization' header is invalid" });
	}
});

test('the live rate limit is 10 per second per key; throttleNext answers 429 with the error object', async () => {
	const limited = await startComplyCubeEmulator();
	const statuses: number[] = [];
	for (let index = 0; index < 11; index++) {
		statuses.push((await fetch(`${limited.baseUrl}/clients`, { headers: { authorization: COMPLYCUBE_LIVE_API_KEY } })).status);
	}
	// The sandbox key has its own budget.
	statuses.push((await fetch(`${limited.baseUrl}/clients`, { headers: { authorization: COMPLYCUBE_API_KEY } })).status);
	await limited.close();
	expect(statuses).toEqual([...Array(10).fill(200), 429, 200]);
	emulator.throttleNext(1);
	const throttled = await call(emulator, 'GET', '/clients');
	expect(throttled.status).toBe(429);
	// [Docs errors "Example of Standard Errors" Rate Limited] word for word.
	expect(throttled.json).toEqual({ type: 'rate_limit_exceeded', message: 'You have exceeded the rate limit prescribed to your plan' });
	expect((await call(emulator, 'GET', '/clients')).status).toBe(200);
});

test('create a person: 200 with id, entityName and timestamps; client.created is recorded', async () => {
	const answer = await call(emulator, 'POST', '/clients', person);
	expect(answer.status).toBe(200);
	expect(answer.json).toMatchObject({
		...person,
		id: expect.stringMatching(/^[0-9a-f]{24}$/),
		entityName: 'Jane Smith',
		createdAt: expect.any(String),
		updatedAt: expect.any(String),
	});
	expect(emulator.clients.get(String(answer.json.id))).toBeDefined();
	expect(emulator.events.map((event) => event.type)).toEqual(['client.created']);
	expect(emulator.events[0]).toMatchObject({ resourceType: 'client', payload: { id: answer.json.id } });
});

test("a person without personDetails: the Errors page's 400 example, word for word", async () => {
	const answer = await call(emulator, 'POST', '/clients', { type: 'person', email: 'jane@example.com' });
	expect(answer.status).toBe(400);
	expect(answer.json).toEqual({ type: 'invalid_request', message: "'personDetails' must be provided when client type is `person`", param: 'personDetails' });
});

test('create a company: companyDetails.name is enough', async () => {
	const answer = await call(emulator, 'POST', '/clients', { type: 'company', email: 'a@holdings.com', companyDetails: { name: 'Panama Holdings' } });
	expect(answer.json).toMatchObject({ type: 'company', entityName: 'Panama Holdings' });
});

test.each([
	['no type', { ...person, type: undefined }, 'type'],
	['an unknown type', { ...person, type: 'robot' }, 'type'],
	['no email', { ...person, email: undefined }, 'email'],
	['a malformed email', { ...person, email: 'nobody' }, 'email'],
	['no first name', { ...person, personDetails: { lastName: 'Smith' } }, 'personDetails.firstName'],
	['no last name', { ...person, personDetails: { firstName: 'Jane' } }, 'personDetails.lastName'],
	['a company without a name', { type: 'company', email: 'a@b.co', companyDetails: {} }, 'companyDetails.name'],
	['metadata as a list', { ...person, metadata: ['a', 'b'] }, 'metadata'],
	['metadata with a number', { ...person, metadata: { key: 1 } }, 'metadata'],
	['a metadata key over 40 characters', { ...person, metadata: { ['k'.repeat(41)]: 'v' } }, 'metadata'],
	['a metadata value over 500 characters', { ...person, metadata: { key: 'v'.repeat(501) } }, 'metadata'],
])('create refused with 400 invalid_request: %s', async (_case, body, param) => {
	const answer = await call(emulator, 'POST', '/clients', body);
	expect(answer).toMatchObject({ status: 400, json: { type: 'invalid_request', message: expect.any(String), param } });
	expect(emulator.events).toHaveLength(0);
});

test('get, update (nested details merge), delete', async () => {
	const created = await call(emulator, 'POST', '/clients', { type: 'company', email: 'a@holdings.com', companyDetails: { name: 'Panama Holdings' } });
	const id = String(created.json.id);
	expect((await call(emulator, 'GET', `/clients/${id}`)).json).toEqual(created.json);
	const updated = await call(emulator, 'POST', `/clients/${id}`, { email: 'b@holdings.com', companyDetails: { website: 'https://www.example.com' } });
	expect(updated.json).toMatchObject({ email: 'b@holdings.com', companyDetails: { name: 'Panama Holdings', website: 'https://www.example.com' } });
	expect(emulator.events.map((event) => event.type)).toEqual(['client.created', 'client.updated']);
	expect((await call(emulator, 'POST', `/clients/${id}`, { email: 'nope' })).status).toBe(400);
	expect((await call(emulator, 'DELETE', `/clients/${id}`)).status).toBe(204);
	expect(await call(emulator, 'GET', `/clients/${id}`)).toMatchObject({
		status: 404,
		json: { type: 'resource_not_found', message: `Invalid client id '${id}'` },
	});
	expect((await call(emulator, 'DELETE', `/clients/${id}`)).status).toBe(404);
});

test('list: pages of pageSize, newest first, totalItems and pages; filters by type and dotted attributes', async () => {
	const ids: string[] = [];
	for (let index = 0; index < 5; index++)
		ids.push(String((await call(emulator, 'POST', '/clients', { ...person, personDetails: { firstName: `P${index}`, lastName: 'Smith' } })).json.id));
	await call(emulator, 'POST', '/clients', { type: 'company', email: 'c@x.com', companyDetails: { name: 'Acme' } });
	const first = await call(emulator, 'GET', '/clients?page=1&pageSize=2');
	expect(first.json).toMatchObject({ page: 1, pageSize: 2, totalItems: 7, pages: 4 });
	const pages = [first];
	for (const page of [2, 3, 4]) pages.push(await call(emulator, 'GET', `/clients?page=${page}&pageSize=2`));
	const seen = pages.flatMap((answer) => (answer.json.items as Array<{ id: string }>).map((item) => item.id));
	expect(new Set(seen).size).toBe(7);
	expect(seen.slice(1, 6)).toEqual([...ids].reverse());
	expect(seen.at(-1)).toBe(COMPLYCUBE_DEMO_CLIENT_ID);
	const companies = await call(emulator, 'GET', '/clients?type=company');
	expect((companies.json.items as Array<{ type: string }>).map((item) => item.type)).toEqual(['company']);
	const byName = await call(emulator, 'GET', '/clients?personDetails.firstName=P3');
	expect(byName.json).toMatchObject({ totalItems: 1, items: [{ id: ids[3] }] });
	expect((await call(emulator, 'GET', '/clients?pageSize=5000')).json.pageSize).toBe(1000);
});

test('risk profile: every factor present; watchlist risk follows the latest screening outcome', async () => {
	const id = String((await call(emulator, 'POST', '/clients', person)).json.id);
	const fresh = await call(emulator, 'GET', `/clients/${id}/riskProfile`);
	expect(fresh.json).toMatchObject({
		overall: 'low',
		countryRisk: { risk: 'low' },
		politicalExposureRisk: { risk: 'low' },
		occupationRisk: { risk: 'low' },
		watchlistRisk: { risk: 'low' },
	});
	emulator.setCheckOutcome('attention');
	const check = await call(emulator, 'POST', '/checks', { clientId: id, type: 'standard_screening_check' });
	await emulator.settle();
	const after = await call(emulator, 'GET', `/clients/${id}/riskProfile`);
	expect(after.json).toMatchObject({ overall: 'high', watchlistRisk: { risk: 'high', checkId: check.json.id } });
	expect((await call(emulator, 'GET', '/clients/5eb04fcd0f3e360008035eb1/riskProfile')).status).toBe(404);
});

test('list: externalId is no documented filter and is ignored; createdAfter/Before narrow by createdAt; a malformed date answers no results', async () => {
	const first = emulator.addClient({ email: 'a@example.com', externalId: 'x-1' });
	await new Promise((resolve) => setTimeout(resolve, 15));
	const moment = new Date().toISOString();
	await new Promise((resolve) => setTimeout(resolve, 15));
	const second = emulator.addClient({ email: 'a@example.com', externalId: 'x-2' });
	const ids = async (query: string) =>
		((await call(emulator, 'GET', `/clients?email=a%40example.com&${query}`)).json.items as Array<{ id: string }>).map((item) => item.id);
	expect(await ids('externalId=x-1')).toEqual([second, first]);
	expect(await ids(`createdAfter=${encodeURIComponent(moment)}`)).toEqual([second]);
	expect(await ids(`createdBefore=${encodeURIComponent(moment)}`)).toEqual([first]);
	expect(await ids('updatedAfter=not-a-date')).toEqual([]);
});
