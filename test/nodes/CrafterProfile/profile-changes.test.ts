import { expectNoSecret } from '../../support/expect-no-secret';
import { apiPath, crafterForTests, formOf, NODE, runProfile } from './profile-harness';

const crafter = crafterForTests();
const fresh = () => crafter.emulator().addProfile();
const record = (id: string) => crafter.emulator().profileRecords.get(id)!;

describe('Update', () => {
	test('changes e-mail, password and attributes, and only those', async () => {
		const emulator = crafter.emulator();
		const id = fresh();
		const before = { ...record(id) };
		const result = await runProfile(
			emulator,
			{
				operation: 'update',
				profileId: id,
				updateFields: { email: 'new.address@example.com', password: '={{ $json.secret }}', attributes: '{"lastName": "Lovelace"}' },
			},
			{ items: [{ json: { secret: 'n3w-Passw0rd!' } }] },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({
			id,
			email: 'new.address@example.com',
			username: before.username,
			attributes: { kycStatus: 'pending', lastName: 'Lovelace' },
		});
		expect(record(id).passwordHash).not.toBe(before.passwordHash);
		const [request] = emulator.received;
		expect([request.method, apiPath(request)]).toEqual(['POST', `/${id}/update`]);
		expect(Object.fromEntries(formOf(request))).toEqual({ email: 'new.address@example.com', password: 'n3w-Passw0rd!', attributes: '{"lastName":"Lovelace"}' });
		expectNoSecret('n3w-Passw0rd!', result.run.data.resultData.runData[NODE]);
	});

	test('changes username, enabled and roles: the roles sent replace the profile\'s, each as its own "role" parameter', async () => {
		const emulator = crafter.emulator();
		const id = fresh();
		const username = `renamed.${id.slice(-6)}`;
		const result = await runProfile(emulator, {
			operation: 'update',
			profileId: id,
			updateFields: { username, enabled: false, roles: 'VERIFIED_CUSTOMER, NEWSLETTER' },
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({ id, username, enabled: false, roles: ['VERIFIED_CUSTOMER', 'NEWSLETTER'] });
		expect(record(id)).toMatchObject({ username, enabled: false, roles: ['VERIFIED_CUSTOMER', 'NEWSLETTER'] });
		const form = formOf(emulator.received[0]);
		expect([...form.keys()].sort()).toEqual(['enabled', 'role', 'role', 'username']);
		expect(form.get('enabled')).toBe('false');
		expect(form.getAll('role')).toEqual(['VERIFIED_CUSTOMER', 'NEWSLETTER']);
	});

	test('nothing to update is refused before sending', async () => {
		const emulator = crafter.emulator();
		const result = await runProfile(emulator, { operation: 'update', profileId: fresh(), updateFields: {} });
		expect(result.error?.message).toMatch(/^Update Fields is empty/);
		expect(emulator.received).toHaveLength(0);
	});
});

test('Disable then Enable', async () => {
	const emulator = crafter.emulator();
	const id = fresh();
	const disabled = await runProfile(emulator, { operation: 'disable', profileId: id });
	expect(disabled.items[0]).toMatchObject({ id, enabled: false });
	expect(record(id).enabled).toBe(false);
	const enabled = await runProfile(emulator, { operation: 'enable', profileId: id });
	expect(enabled.items[0]).toMatchObject({ id, enabled: true });
	expect(emulator.received.map(apiPath)).toEqual([`/${id}/disable`, `/${id}/enable`]);
});

describe('Verify', () => {
	test('by Profile ID: Crafter issues a verification token, the node redeems it; the profile is verified and enabled', async () => {
		const emulator = crafter.emulator();
		const id = fresh();
		record(id).enabled = false;
		const result = await runProfile(emulator, { operation: 'verify', verifyWith: 'profileId', profileId: id });
		expect(result.items[0]).toMatchObject({ id, verified: true, enabled: true });
		expect(emulator.received.map(apiPath)).toEqual([`/${id}/verification_token/create`, '/verify']);
		expect(formOf(emulator.received[1]).get('verificationTokenId')).toMatch(/^[0-9a-f-]{36}$/);
	});

	test('by a token Crafter does not have (or that was used): 404 NO_SUCH_VERIFICATION_TOKEN, the token (a password field) not shown', async () => {
		const token = '3f2a9c4e-7b1d-4e8f-a6c5-0d9e8f7a6b5c';
		const result = await runProfile(crafter.emulator(), { operation: 'verify', verifyWith: 'token', verificationTokenId: token });
		expect(result.error?.message).toContain('HTTP 404): No verification token found for ID "[redacted]" (NO_SUCH_VERIFICATION_TOKEN)');
		// The workflow's own parameters hold it (n8n stores them); what the error says does not.
		const { message, description, errorResponse, messages } = result.run.data.resultData.error as unknown as Record<string, unknown>;
		expectNoSecret(token, message, description, errorResponse, messages);
	});
});

test('Add Role then Remove Role, each role as its own "role" parameter', async () => {
	const emulator = crafter.emulator();
	const id = fresh();
	const added = await runProfile(emulator, { operation: 'addRole', profileId: id, roles: 'VERIFIED_CUSTOMER, PREMIUM' });
	expect(added.items[0].roles).toEqual(['CUSTOMER', 'VERIFIED_CUSTOMER', 'PREMIUM']);
	expect(formOf(emulator.received[0]).getAll('role')).toEqual(['VERIFIED_CUSTOMER', 'PREMIUM']);
	const removed = await runProfile(emulator, { operation: 'removeRole', profileId: id, roles: 'CUSTOMER' });
	expect(removed.items[0].roles).toEqual(['VERIFIED_CUSTOMER', 'PREMIUM']);
	expect(emulator.received.map(apiPath)).toEqual([`/${id}/roles/add`, `/${id}/roles/remove`]);
});

describe('Attributes', () => {
	test('Update Attributes sends a JSON body, Get Attributes reads them back, Remove Attributes takes them off', async () => {
		const emulator = crafter.emulator();
		const id = fresh();
		const updated = await runProfile(emulator, { operation: 'updateAttributes', profileId: id, attributes: '{"idScan": "passport", "phone": "+1 555 0100"}' });
		expect(updated.items[0].attributes).toEqual({ kycStatus: 'pending', idScan: 'passport', phone: '+1 555 0100' });
		expect(emulator.received[0].headers['content-type']).toBe('application/json');
		expect(JSON.parse(emulator.received[0].body.toString())).toEqual({ idScan: 'passport', phone: '+1 555 0100' });
		const read = await runProfile(emulator, { operation: 'getAttributes', profileId: id, options: { attributesToReturn: 'idScan' } });
		expect(read.items).toEqual([{ idScan: 'passport' }]);
		const removed = await runProfile(emulator, { operation: 'removeAttributes', profileId: id, attributeNames: 'phone, idScan' });
		expect(removed.items[0].attributes).toEqual({ kycStatus: 'pending' });
		expect(formOf(emulator.received[2]).getAll('attributeName')).toEqual(['phone', 'idScan']);
		expect(emulator.received.map(apiPath)).toEqual([`/${id}/attributes/update`, `/${id}/attributes`, `/${id}/attributes/remove`]);
	});

	test.each([
		[
			'writing an attribute only the back office writes',
			{ operation: 'updateAttributes', attributes: '{"riskScore": 3}' },
			'HTTP 403): Current subject does not have permission to execute action "WRITE_ATTRIBUTE" on attribute "riskScore" (ACTION_DENIED)',
		],
		[
			'removing it',
			{ operation: 'removeAttributes', attributeNames: 'riskScore' },
			'HTTP 403): Current subject does not have permission to execute action "REMOVE_ATTRIBUTE" on attribute "riskScore" (ACTION_DENIED)',
		],
		[
			'an attribute the tenant does not define',
			{ operation: 'updateAttributes', attributes: '{"shoeSize": 42}' },
			'HTTP 400): Attribute definition for attribute "shoeSize" not found in tenant "default" (ATTRIBUTE_NOT_DEFINED)',
		],
	])("%s: the tenant's attribute rules", async (_case, parameters, message) => {
		const id = fresh();
		const result = await runProfile(crafter.emulator(), { profileId: id, ...parameters });
		expect(result.error?.message).toContain(message);
		expect(record(id).attributes).toEqual({ kycStatus: 'pending' });
	});

	test('empty attributes are refused before sending', async () => {
		const emulator = crafter.emulator();
		const result = await runProfile(emulator, { operation: 'updateAttributes', profileId: fresh(), attributes: '{}' });
		expect(result.error?.message).toMatch(/^Attributes \(JSON\) is empty/);
		expect(emulator.received).toHaveLength(0);
	});
});

test('Delete removes the profile; a Get afterwards is 404', async () => {
	const emulator = crafter.emulator();
	const id = fresh();
	const deleted = await runProfile(emulator, { operation: 'delete', profileId: id });
	expect(deleted.items).toEqual([{ id, deleted: true }]);
	expect(emulator.profileRecords.has(id)).toBe(false);
	const after = await runProfile(emulator, { operation: 'get', profileId: id });
	expect(after.error?.message).toContain(`No profile with ID "${id}" found (NO_SUCH_PROFILE)`);
});

test('a batch with continue on error: each item gets its own result in place', async () => {
	const emulator = crafter.emulator();
	const [one, two] = [fresh(), fresh()];
	const items = [
		{ json: { profileId: one } },
		{ json: { profileId: 'ffffffffffffffffffffffff' } },
		{ json: { profileId: 'bad' } },
		{ json: { profileId: two } },
	];
	const result = await runProfile(emulator, { operation: 'addRole', profileId: '={{ $json.profileId }}', roles: 'BATCH' }, { items, continueOnError: true });
	expect(result.error).toBeUndefined();
	expect(result.items.map((item) => item.id ?? item.error)).toEqual([
		one,
		expect.stringContaining('NO_SUCH_PROFILE'),
		expect.stringContaining("Profile ID 'bad' is not a Crafter profile ID"),
		two,
	]);
	expect(record(one).roles).toContain('BATCH');
	expect(record(two).roles).toContain('BATCH');
});
