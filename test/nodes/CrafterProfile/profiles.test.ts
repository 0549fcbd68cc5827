import {
	CRAFTER_ALL_TENANTS_TOKEN,
	CRAFTER_READONLY_TOKEN,
	CRAFTER_SEEDED_PROFILE_IDS,
	CRAFTER_SEEDED_TICKET,
	CRAFTER_SEEDED_USERNAMES,
} from '../../emulators/crafter';
import { expectNoSecret } from '../../support/expect-no-secret';
import { apiPath, crafterForTests, formOf, freshUsername, NODE, runProfile } from './profile-harness';

const crafter = crafterForTests();
const PASSWORD = 'Tr0ub4dor&3-not-for-logs';

// The password comes from the item, as in a real intake: the node's saved parameters hold only the expression.
const withPassword = { items: [{ json: { password: PASSWORD } }] };
const create = (username: string, extra: Record<string, unknown> = {}) => ({
	operation: 'create',
	tenantName: 'default',
	username,
	password: '={{ $json.password }}',
	email: `${username}@example.com`,
	enabled: true,
	...extra,
});

describe('Create', () => {
	test('creates the profile with roles and attributes; the password goes in the form body, is stored hashed and never comes back', async () => {
		const emulator = crafter.emulator();
		const username = freshUsername();
		const result = await runProfile(
			emulator,
			create(username, { additionalFields: { roles: 'CUSTOMER, SOCIAL_USER', attributes: '{"firstName": "Ada", "phone": "+44 20 7946 0000"}' } }),
			withPassword,
		);
		expect(result.error).toBeUndefined();
		const [profile] = result.items;
		expect(profile).toMatchObject({
			username,
			email: `${username}@example.com`,
			enabled: true,
			verified: false,
			tenant: 'default',
			roles: ['CUSTOMER', 'SOCIAL_USER'],
		});
		// kycStatus is the tenant's default value for new profiles.
		expect(profile.attributes).toEqual({ firstName: 'Ada', phone: '+44 20 7946 0000', kycStatus: 'pending' });
		const [request] = emulator.received;
		expect([request.method, apiPath(request)]).toEqual(['POST', '/create']);
		expect(request.query.has('password')).toBe(false);
		expect(formOf(request).get('password')).toBe(PASSWORD);
		expect(formOf(request).getAll('role')).toEqual(['CUSTOMER', 'SOCIAL_USER']);
		const stored = emulator.profileRecords.get(profile.id as string)!;
		expect(stored.passwordHash).not.toContain(PASSWORD);
		expectNoSecret(PASSWORD, result.run.data.resultData.runData[NODE]);
		expectNoSecret(emulator.accessToken, result.run.data.resultData);
	});

	test('a username the tenant already has: 409 PROFILE_EXISTS in the error, sent once, no password in it', async () => {
		const emulator = crafter.emulator();
		const result = await runProfile(emulator, create(CRAFTER_SEEDED_USERNAMES[0]), withPassword);
		expect(result.error?.message).toContain(
			`Crafter Profile refused the request (HTTP 409): A profile with name "${CRAFTER_SEEDED_USERNAMES[0]}" already exists (PROFILE_EXISTS)`,
		);
		expect(emulator.received).toHaveLength(1);
		expectNoSecret(PASSWORD, result.error, result.run.data.resultData.runData[NODE]);
	});

	test.each([
		[
			'an attribute only the back office may write',
			'{"riskScore": 10}',
			'HTTP 403): Current subject does not have permission to execute action "WRITE_ATTRIBUTE" on attribute "riskScore" (ACTION_DENIED)',
		],
		[
			'an attribute the tenant does not define',
			'{"nickname": "Ada"}',
			'HTTP 400): Attribute definition for attribute "nickname" not found in tenant "default" (ATTRIBUTE_NOT_DEFINED)',
		],
	])('%s: the tenant rule comes back as the error', async (_case, attributes, message) => {
		const result = await runProfile(crafter.emulator(), create(freshUsername(), { additionalFields: { attributes } }), withPassword);
		expect(result.error?.message).toContain(message);
	});

	test('an unknown tenant: 403 for a token limited to its tenant, 404 NO_SUCH_TENANT for one allowed every tenant', async () => {
		const emulator = crafter.emulator();
		const limited = await runProfile(emulator, create(freshUsername(), { tenantName: 'acme' }), withPassword);
		expect(limited.error?.message).toContain('Current subject does not have permission to execute action "MANAGE_PROFILES" on tenant "acme"');
		const everyTenant = await runProfile(emulator, create(freshUsername(), { tenantName: 'acme' }), {
			...withPassword,
			accessTokenId: CRAFTER_ALL_TENANTS_TOKEN,
		});
		expect(everyTenant.error?.message).toContain('HTTP 404): No tenant with name "acme" found (NO_SUCH_TENANT)');
		expectNoSecret(CRAFTER_ALL_TENANTS_TOKEN, everyTenant.error, everyTenant.run.data.resultData);
	});

	test.each([
		['an e-mail without a domain', { email: 'ada@' }, /^Email 'ada@' is not an e-mail address/],
		['attributes that are not JSON', { additionalFields: { attributes: '{firstName: Ada' } }, /^Attributes \(JSON\) is not valid JSON/],
		['attributes that are a list', { additionalFields: { attributes: '["Ada"]' } }, /^Attributes \(JSON\) is not a JSON object/],
		['an empty password', { password: '={{ $json.missing }}' }, /^Password is empty/],
	])('%s is refused before sending, naming the field', async (_case, change, message) => {
		const emulator = crafter.emulator();
		const result = await runProfile(emulator, { ...create(freshUsername()), ...change }, withPassword);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toMatch(/Nothing was sent for this item\.$/);
		expect(emulator.received).toHaveLength(0);
		expectNoSecret(PASSWORD, result.error, result.run.data.resultData.runData[NODE]);
	});
});

describe('Get', () => {
	test('by ID, by username and by ticket, each at its endpoint', async () => {
		const emulator = crafter.emulator();
		const [id] = CRAFTER_SEEDED_PROFILE_IDS;
		const byId = await runProfile(emulator, { operation: 'get', getBy: 'id', profileId: id });
		const byUsername = await runProfile(emulator, { operation: 'get', getBy: 'username', tenantName: 'default', username: CRAFTER_SEEDED_USERNAMES[1] });
		const byTicket = await runProfile(emulator, { operation: 'get', getBy: 'ticket', ticketId: CRAFTER_SEEDED_TICKET });
		expect(byId.items[0]).toMatchObject({ id, username: CRAFTER_SEEDED_USERNAMES[0] });
		expect(byUsername.items[0]).toMatchObject({ id: CRAFTER_SEEDED_PROFILE_IDS[1] });
		expect(byTicket.items[0]).toMatchObject({ id });
		expect(emulator.received.map(apiPath)).toEqual([`/${id}`, '/by_username', '/by_ticket']);
		expect(emulator.received[1].query.get('username')).toBe(CRAFTER_SEEDED_USERNAMES[1]);
	});

	test('Attributes to Return narrows the attributes; one the application may not read never shows', async () => {
		const emulator = crafter.emulator();
		const id = emulator.addProfile();
		Object.assign(emulator.profileRecords.get(id)!.attributes, { firstName: 'Grace', internalNotes: 'watch list' });
		const all = await runProfile(emulator, { operation: 'get', profileId: id });
		expect(all.items[0].attributes).toEqual({ kycStatus: 'pending', firstName: 'Grace' });
		const narrowed = await runProfile(emulator, { operation: 'get', profileId: id, options: { attributesToReturn: 'firstName' } });
		expect(narrowed.items[0].attributes).toEqual({ firstName: 'Grace' });
		expect(emulator.received[1].query.getAll('attributeToReturn')).toEqual(['firstName']);
	});

	test.each([
		[
			'an unknown ID',
			{ getBy: 'id', profileId: 'ffffffffffffffffffffffff' },
			'HTTP 404): No profile with ID "ffffffffffffffffffffffff" found (NO_SUCH_PROFILE)',
		],
		[
			'an unknown username',
			{ getBy: 'username', tenantName: 'default', username: 'nobody' },
			'HTTP 404): No profile found for tenant "default" and username "nobody" (NO_SUCH_PROFILE)',
		],
		['an unknown ticket', { getBy: 'ticket', ticketId: 'expired-ticket' }, 'HTTP 400): No ticket with ID "expired-ticket" found (NO_SUCH_TICKET)'],
	])("%s: the server's words and status", async (_case, parameters, message) => {
		const result = await runProfile(crafter.emulator(), { operation: 'get', ...parameters });
		expect(result.error?.message).toContain(message);
	});

	test('a token without MANAGE_PROFILES: 403, the token never shown', async () => {
		const result = await runProfile(
			crafter.emulator(),
			{ operation: 'get', profileId: CRAFTER_SEEDED_PROFILE_IDS[0] },
			{ accessTokenId: CRAFTER_READONLY_TOKEN },
		);
		expect(result.error?.message).toContain(
			'HTTP 403): Current subject does not have permission to execute action "MANAGE_PROFILES" on tenant "default" (ACTION_DENIED)',
		);
		expectNoSecret(CRAFTER_READONLY_TOKEN, result.error, result.run.data);
	});
});
