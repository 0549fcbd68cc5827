import { CRAFTER_ACCESS_TOKEN, CRAFTER_ALL_TENANTS_TOKEN, CRAFTER_SEEDED_PROFILE_IDS, startCrafterEmulator, type CrafterEmulator } from './crafter';

/** The profile endpoints over HTTP, as ProfileController, ProfileServiceImpl and ExceptionHandlers answer. */
let crafter: CrafterEmulator;
beforeAll(async () => (crafter = await startCrafterEmulator()));
afterAll(async () => await crafter.close());

const PROFILE = CRAFTER_SEEDED_PROFILE_IDS[0];

async function call(method: 'GET' | 'POST', path: string, params: Record<string, string | string[]> = {}, options: { token?: string; json?: unknown } = {}) {
	const query = new URLSearchParams({ accessTokenId: options.token ?? CRAFTER_ACCESS_TOKEN });
	const form = new URLSearchParams();
	for (const [name, value] of Object.entries(params)) for (const one of [value].flat()) (method === 'GET' ? query : form).append(name, one);
	const init: RequestInit = { method };
	if (options.json !== undefined) init.body = JSON.stringify(options.json);
	else if (method === 'POST') Object.assign(init, { body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
	if (options.json !== undefined) init.headers = { 'content-type': 'application/json' };
	const response = await fetch(`${crafter.baseUrl}/api/1/profile${path}?${query}`, init);
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// HTML or empty
	}
	return { status: response.status, body };
}

const newProfile = { tenantName: 'default', username: 'emulator.user', password: 'secret', email: 'emulator.user@example.com', enabled: 'true' };

describe('create', () => {
	test.each([
		[
			'a missing e-mail',
			{ ...newProfile, email: undefined },
			400,
			{ errorCode: 'OTHER', message: "Required request parameter 'email' for method parameter type String is not present" },
		],
		[
			'enabled that is not a boolean',
			{ ...newProfile, enabled: 'maybe' },
			400,
			{ errorCode: 'OTHER', message: "Failed to convert value of type 'java.lang.String' to required type 'boolean'; Invalid value [maybe]" },
		],
		[
			'attributes that are not JSON',
			{ ...newProfile, attributes: '{bad' },
			400,
			{ errorCode: 'PARAM_DESERIALIZATION_ERROR', message: 'Unable to correctly deserialize attributes from JSON string' },
		],
		[
			'an invalid e-mail',
			{ ...newProfile, email: 'nope' },
			400,
			{ errorCode: 'INVALID_EMAIL_ADDRESS', message: 'The specified email address "nope" is in an invalid' },
		],
	])('%s', async (_case, params, status, body) => {
		const defined = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined)) as Record<string, string>;
		expect(await call('POST', '/create', defined)).toEqual({ status, body });
	});

	test("without a password: hashPassword(null) is a NullPointerException, Tomcat's 500 page", async () => {
		const { password: _password, ...rest } = newProfile;
		const answer = await call('POST', '/create', { ...rest, username: 'no.password' });
		expect(answer.status).toBe(500);
		expect(String(answer.body)).toContain('HTTP Status 500');
	});

	test('the permission check comes before the e-mail check, the e-mail before the tenant lookup', async () => {
		expect((await call('POST', '/create', { ...newProfile, tenantName: 'acme', email: 'nope' })).body).toMatchObject({ errorCode: 'ACTION_DENIED' });
		expect((await call('POST', '/create', { ...newProfile, tenantName: 'acme', email: 'nope' }, { token: CRAFTER_ALL_TENANTS_TOKEN })).body).toMatchObject({
			errorCode: 'INVALID_EMAIL_ADDRESS',
		});
		expect(await call('POST', '/create', { ...newProfile, tenantName: 'acme' }, { token: CRAFTER_ALL_TENANTS_TOKEN })).toEqual({
			status: 404,
			body: { errorCode: 'NO_SUCH_TENANT', message: 'No tenant with name "acme" found' },
		});
	});

	test('repeated roles are taken as they are (a single value would be split at commas); the answer has no password, dates as epoch milliseconds, the tenant default values', async () => {
		const { status, body } = await call('POST', '/create', { ...newProfile, username: 'shape.check', role: ['A', 'B,C'] });
		expect(status).toBe(200);
		expect(Object.keys(body as object).sort()).toEqual([
			'attributes',
			'createdOn',
			'email',
			'enabled',
			'id',
			'lastModified',
			'roles',
			'tenant',
			'username',
			'verified',
		]);
		expect(body).toMatchObject({ roles: ['A', 'B,C'], attributes: { kycStatus: 'pending' }, createdOn: expect.any(Number) });
	});
});

describe('routing', () => {
	test('GET /create is GET /{id} with id "create": 500 OTHER from getProfile', async () => {
		expect(await call('GET', '/create')).toEqual({ status: 500, body: { errorCode: 'OTHER', message: 'Error occurred while trying to get profile "create"' } });
	});

	test('a POST-only mapping asked with GET: 405', async () => {
		expect(await call('GET', `/${PROFILE}/delete`)).toEqual({ status: 405, body: { errorCode: 'OTHER', message: "Request method 'GET' not supported" } });
	});
});

describe('lists and counts', () => {
	test('count: only the permission check, no tenant lookup', async () => {
		expect((await call('GET', '/count', { tenantName: 'acme' })).body).toMatchObject({ errorCode: 'ACTION_DENIED' });
		expect(await call('GET', '/count', { tenantName: 'acme' }, { token: CRAFTER_ALL_TENANTS_TOKEN })).toEqual({ status: 200, body: 0 });
	});

	test.each([
		['$where', '{"$where": "true"}', 400, { errorCode: 'INVALID_QUERY', message: '$where operator is not allowed in query' }],
		[
			'a query MongoDB cannot run',
			'{"roles": {"$near": 1}}',
			500,
			{ errorCode: 'OTHER', message: 'Error occurred while trying to get profiles of tenant "default" by query {"roles": {"$near": 1}}' },
		],
	])('by_query with %s', async (_case, query, status, body) => {
		expect(await call('GET', '/by_query', { tenantName: 'default', query })).toEqual({ status, body });
	});

	test('a sort order that is not ASC or DESC: 400 from the enum conversion', async () => {
		expect((await call('GET', '/range', { tenantName: 'default', sortBy: 'username', sortOrder: 'UP' })).status).toBe(400);
	});

	test('by_ids with an id that is not an ObjectId fails the whole query', async () => {
		expect((await call('GET', '/by_ids', { id: [PROFILE, 'abc'] })).status).toBe(500);
	});

	test('a stored attribute the tenant does not define fails every read of the profile (filterNonReadableAttributes)', async () => {
		const id = crafter.addProfile();
		crafter.profileRecords.get(id)!.attributes.legacyField = 1;
		expect(await call('GET', `/${id}`)).toEqual({
			status: 400,
			body: { errorCode: 'ATTRIBUTE_NOT_DEFINED', message: 'Attribute definition for attribute "legacyField" not found in tenant "default"' },
		});
	});
});

describe('changes', () => {
	test('delete: 200 with no body, for an unknown id too; an id that is not an ObjectId is 500', async () => {
		expect(await call('POST', '/ffffffffffffffffffffffff/delete')).toEqual({ status: 200, body: '' });
		expect((await call('POST', '/nope/delete')).status).toBe(500);
	});

	test('a verification token works once', async () => {
		const id = crafter.addProfile();
		const token = (await call('POST', `/${id}/verification_token/create`)).body as { id: string; profileId: string };
		expect(token).toMatchObject({ profileId: id, tenant: 'default' });
		expect((await call('POST', '/verify', { verificationTokenId: token.id })).body).toMatchObject({ id, verified: true });
		expect((await call('POST', '/verify', { verificationTokenId: token.id })).status).toBe(404);
	});

	test('attributes/update reads a JSON body: a form is 415', async () => {
		expect(await call('POST', `/${PROFILE}/attributes/update`, { idScan: 'x' })).toEqual({
			status: 415,
			body: { errorCode: 'OTHER', message: "Content-Type 'application/x-www-form-urlencoded' is not supported" },
		});
		expect((await call('POST', `/${PROFILE}/attributes/update`, {}, { json: { idScan: 'x' } })).body).toMatchObject({ attributes: { idScan: 'x' } });
	});

	test('roles/add without a role: 400 for the missing parameter', async () => {
		expect((await call('POST', `/${PROFILE}/roles/add`)).body).toMatchObject({ errorCode: 'OTHER', message: expect.stringContaining("'role'") });
	});
});
