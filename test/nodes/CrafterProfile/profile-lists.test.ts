import { CRAFTER_SEEDED_PROFILE_IDS } from '../../emulators/crafter';
import { apiPath, crafterForTests, runProfile } from './profile-harness';

const crafter = crafterForTests();

/** A tenant with enough profiles in a role of their own for two pages of 100. */
function seedMembers(count: number, role: string): string[] {
	const emulator = crafter.emulator();
	return Array.from({ length: count }, (_, index) => {
		const id = emulator.addProfile();
		const record = emulator.profileRecords.get(id)!;
		record.roles = [role];
		record.attributes.lastName = `Member ${String(index).padStart(3, '0')}`;
		return id;
	});
}

describe('Get Many', () => {
	test('by query with Return All pages through start/count until a short page', async () => {
		const emulator = crafter.emulator();
		const ids = seedMembers(130, 'PAGED');
		const result = await runProfile(emulator, { operation: 'getAll', filterBy: 'query', tenantName: 'default', query: '{"roles": "PAGED"}', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((profile) => profile.id)).toEqual(ids);
		expect(emulator.received.map((request) => [apiPath(request), request.query.get('start'), request.query.get('count')])).toEqual([
			['/by_query', '0', '100'],
			['/by_query', '100', '100'],
		]);
		expect(JSON.parse(emulator.received[0].query.get('query')!)).toEqual({ roles: 'PAGED' });
	});

	test('by query with a Limit asks for only that many, sorted as chosen', async () => {
		const emulator = crafter.emulator();
		seedMembers(5, 'SORTED');
		const result = await runProfile(emulator, {
			operation: 'getAll',
			query: '{"roles": {"$in": ["SORTED"]}}',
			limit: 3,
			options: { sortBy: 'attributes.lastName', sortOrder: 'DESC' },
		});
		expect(result.items.map((profile) => (profile.attributes as { lastName: string }).lastName)).toEqual(['Member 004', 'Member 003', 'Member 002']);
		expect(emulator.received).toHaveLength(1);
		expect(Object.fromEntries(emulator.received[0].query)).toMatchObject({ start: '0', count: '3', sortBy: 'attributes.lastName', sortOrder: 'DESC' });
	});

	test('by role and by attribute value: Crafter answers every match, the Limit is applied by the node', async () => {
		const emulator = crafter.emulator();
		const ids = seedMembers(4, 'LIMITED');
		const byRole = await runProfile(emulator, { operation: 'getAll', filterBy: 'role', role: 'LIMITED', limit: 2 });
		expect(byRole.items.map((profile) => profile.id)).toEqual(ids.slice(0, 2));
		emulator.profileRecords.get(ids[3])!.attributes.kycStatus = 'verified';
		const byValue = await runProfile(emulator, {
			operation: 'getAll',
			filterBy: 'attributeValue',
			attributeName: 'kycStatus',
			attributeValue: 'verified',
			returnAll: true,
		});
		expect(byValue.items.map((profile) => profile.id)).toContain(ids[3]);
		expect(byValue.items.every((profile) => (profile.attributes as { kycStatus: string }).kycStatus === 'verified')).toBe(true);
		expect(emulator.received.map(apiPath)).toEqual(['/by_role', '/by_attribute_value']);
		expect(emulator.received[0].query.has('count')).toBe(false);
	});

	test('by existing attribute: the profiles that have the attribute, whatever its value', async () => {
		const emulator = crafter.emulator();
		const ids = seedMembers(3, 'PHONED');
		emulator.profileRecords.get(ids[1])!.attributes.idScan = 'scan-a.jpg';
		emulator.profileRecords.get(ids[2])!.attributes.idScan = '';
		const result = await runProfile(emulator, { operation: 'getAll', filterBy: 'existingAttribute', attributeName: 'idScan', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.map((profile) => profile.id)).toEqual(expect.arrayContaining([ids[1], ids[2]]));
		expect(result.items.map((profile) => profile.id)).not.toContain(ids[0]);
		expect([apiPath(emulator.received[0]), Object.fromEntries(emulator.received[0].query)]).toEqual([
			'/by_existing_attribute',
			{ accessTokenId: emulator.accessToken, tenantName: 'default', attributeName: 'idScan' },
		]);
	});

	test('by IDs: each ID as its own "id" parameter; unknown IDs are left out', async () => {
		const emulator = crafter.emulator();
		const wanted = [CRAFTER_SEEDED_PROFILE_IDS[2], 'ffffffffffffffffffffffff', CRAFTER_SEEDED_PROFILE_IDS[0]];
		const result = await runProfile(emulator, { operation: 'getAll', filterBy: 'ids', profileIds: wanted.join(', '), returnAll: true });
		expect(result.items.map((profile) => profile.id)).toEqual([CRAFTER_SEEDED_PROFILE_IDS[0], CRAFTER_SEEDED_PROFILE_IDS[2]]);
		expect(emulator.received[0].query.getAll('id')).toEqual(wanted);
	});

	test('the whole tenant pages through /range', async () => {
		const emulator = crafter.emulator();
		const result = await runProfile(emulator, { operation: 'getAll', filterBy: 'tenant', limit: 2 });
		expect(result.items.map((profile) => profile.id)).toEqual(CRAFTER_SEEDED_PROFILE_IDS.slice(0, 2));
		expect(apiPath(emulator.received[0])).toBe('/range');
	});

	test.each([
		['a query that is not JSON', { query: "{roles: 'X'}" }, /^Query is not valid JSON/],
		['an empty query', { query: '' }, /^Query is empty/],
		[
			'a profile ID that is not one',
			{ filterBy: 'ids', profileIds: '6650a1f2c3d4e5f60718293a, abc' },
			/^Profile IDs has 'abc', which is not a Crafter profile ID/,
		],
	])('%s is refused before sending, naming the field', async (_case, parameters, message) => {
		const emulator = crafter.emulator();
		const result = await runProfile(emulator, { operation: 'getAll', ...parameters });
		expect(result.error?.message).toMatch(message);
		expect(emulator.received).toHaveLength(0);
	});

	test.each([
		['a query on the tenant field', '{"tenant": "other"}', 'HTTP 400): Field "tenant" is not allowed in query (INVALID_QUERY)'],
		[
			'a query on an attribute the application may not read',
			'{"attributes.internalNotes": {"$exists": true}}',
			'HTTP 400): Attribute "internalNotes" is not allowed in query (INVALID_QUERY)',
		],
	])("%s: Crafter's own refusal", async (_case, query, message) => {
		const result = await runProfile(crafter.emulator(), { operation: 'getAll', query });
		expect(result.error?.message).toContain(message);
	});
});

describe('Count', () => {
	test('the tenant, and the profiles a query selects', async () => {
		const emulator = crafter.emulator();
		seedMembers(3, 'COUNTED');
		const all = await runProfile(emulator, { operation: 'count', tenantName: 'default' });
		expect(all.items).toEqual([{ tenantName: 'default', count: emulator.profileRecords.size }]);
		const counted = await runProfile(emulator, { operation: 'count', options: { query: '{"roles": "COUNTED"}' } });
		expect(counted.items).toEqual([{ tenantName: 'default', count: 3 }]);
		expect(emulator.received.map(apiPath)).toEqual(['/count', '/count_by_query']);
	});
});

test('Get with Parallel Requests: every item read, the output in input order', async () => {
	const emulator = crafter.emulator();
	const ids = Array.from({ length: 12 }, () => emulator.addProfile());
	const result = await runProfile(
		emulator,
		{ operation: 'get', profileId: '={{ $json.profileId }}', options: { parallelRequests: 4 } },
		{ items: ids.map((profileId) => ({ json: { profileId } })) },
	);
	expect(result.error).toBeUndefined();
	expect(result.items.map((profile) => profile.id)).toEqual(ids);
	expect(new Set(emulator.received.map(apiPath))).toEqual(new Set(ids.map((id) => `/${id}`)));
});
