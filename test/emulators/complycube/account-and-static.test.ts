import { COMPLYCUBE_DEMO_MEMBER_ID } from './account';
import { startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { SCREENING_LISTS } from './routes/static-data';
import { call } from './test-helpers';

let emulator: ComplyCubeEmulator;
beforeEach(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 600_000 })));
afterEach(async () => await emulator.close());

test('GET /accountInfo answers {username, plan, remainingCredit}; a check spends a credit; at zero a check is 402', async () => {
	const before = await call(emulator, 'GET', '/accountInfo');
	expect(before).toMatchObject({ status: 200, json: { username: expect.any(String), plan: expect.any(String), remainingCredit: expect.any(Number) } });
	const clientId = emulator.addClient();
	await call(emulator, 'POST', '/checks', { clientId, type: 'standard_screening_check' });
	expect((await call(emulator, 'GET', '/accountInfo')).json.remainingCredit).toBe(Number(before.json.remainingCredit) - 1);
	emulator.account.remainingCredit = 0;
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'standard_screening_check' })).toMatchObject({
		status: 402,
		json: { type: 'payment_required' },
	});
});

test('audit logs: written by creates and updates, newest first, paged, filtered on the documented attributes; an unknown id is 404', async () => {
	const created = await call(emulator, 'POST', '/clients', { type: 'person', email: 'a@example.com', personDetails: { firstName: 'A', lastName: 'B' } });
	const clientId = String(created.json.id);
	await call(emulator, 'POST', `/clients/${clientId}`, { email: 'b@example.com', lastActionBy: COMPLYCUBE_DEMO_MEMBER_ID });
	const document = await call(emulator, 'POST', '/documents', { clientId, type: 'passport' });
	const all = await call(emulator, 'GET', `/auditLogs?clientId=${clientId}`);
	expect(all.json).toMatchObject({ page: 1, pageSize: 100, totalItems: 3, pages: 1 });
	const items = all.json.items as Array<Record<string, unknown>>;
	expect(items.map((item) => item.trigger)).toEqual(['createDocument', 'updateClient', 'createClient']);
	expect(items[1]).toMatchObject({
		memberId: COMPLYCUBE_DEMO_MEMBER_ID,
		resourceType: 'client',
		action: 'update',
		diff: [{ path: ['email'], old: 'a@example.com', new: 'b@example.com' }],
	});
	expect(items[0]).toMatchObject({ memberId: null, resourceId: document.json.id, diff: null });
	expect(((await call(emulator, 'GET', `/auditLogs?resourceType=document&clientId=${clientId}`)).json.items as unknown[]).length).toBe(1);
	expect(((await call(emulator, 'GET', `/auditLogs?clientId=${clientId}&page=2&pageSize=2`)).json.items as unknown[]).length).toBe(1);
	expect(await call(emulator, 'GET', `/auditLogs/${String(items[2].id)}`)).toMatchObject({ status: 200, json: { trigger: 'createClient' } });
	expect(await call(emulator, 'GET', '/auditLogs/5eb04fcd0f3e360008035eb1')).toMatchObject({ status: 404, json: { type: 'resource_not_found' } });
});

test('team members: a paged list of {id, firstName, lastName, role, createdAt}; get by id; an unknown id is 404', async () => {
	const list = await call(emulator, 'GET', '/teamMembers');
	expect(list.json).toMatchObject({
		totalItems: 2,
		items: expect.arrayContaining([expect.objectContaining({ id: COMPLYCUBE_DEMO_MEMBER_ID, role: 'owner' })]),
	});
	expect((await call(emulator, 'GET', `/teamMembers/${COMPLYCUBE_DEMO_MEMBER_ID}`)).json).toEqual({
		id: COMPLYCUBE_DEMO_MEMBER_ID,
		firstName: 'Ada',
		lastName: 'Owner',
		role: 'owner',
		createdAt: expect.any(String),
	});
	expect((await call(emulator, 'GET', '/teamMembers/nobody')).status).toBe(404);
});

test('static data: the screening lists and the supported documents, each a JSON array of names', async () => {
	expect((await call(emulator, 'GET', '/static/screeningLists')).json).toEqual(SCREENING_LISTS);
	const documents = await fetch(`${emulator.baseUrl}/static/supportedDocuments`, { headers: { authorization: emulator.apiKey } });
	expect(await documents.json()).toEqual(expect.arrayContaining(['passport', 'driving_license']));
});

test('new fields are checked: documentTypes, allowDocumentUpload, twoPlusTwo, clientConsent, userSuppliedData, person IDs', async () => {
	const clientId = emulator.addClient();
	const flow = { clientId, checkTypes: ['face_authentication_check', 'age_estimation_check'], successUrl: 'https://e.com/ok', cancelUrl: 'https://e.com/no' };
	expect((await call(emulator, 'POST', '/flow/sessions', flow)).status).toBe(200);
	expect(await call(emulator, 'POST', '/flow/sessions', { ...flow, documentTypes: { passport: 'yes' } })).toMatchObject({
		status: 400,
		json: { param: 'documentTypes' },
	});
	expect(await call(emulator, 'POST', '/flow/sessions', { ...flow, documentTypes: { visa: true } })).toMatchObject({
		status: 400,
		json: { param: 'documentTypes' },
	});
	expect(await call(emulator, 'POST', '/flow/sessions', { ...flow, allowDocumentUpload: 'no' })).toMatchObject({
		status: 400,
		json: { param: 'allowDocumentUpload' },
	});
	const address = await call(emulator, 'POST', '/addresses', { clientId, line: '1 Road', city: 'London', country: 'GB' });
	expect(
		await call(emulator, 'POST', '/checks', { clientId, type: 'multi_bureau_check', addressId: address.json.id, options: { twoPlusTwo: 'yes' } }),
	).toMatchObject({
		status: 400,
		json: { param: 'options.twoPlusTwo' },
	});
	const check = await call(emulator, 'POST', '/checks', { clientId, type: 'standard_screening_check', options: { screeningNameSearchMode: 'precise' } });
	expect(await call(emulator, 'POST', '/checks', { clientId, type: 'standard_screening_check', options: { screeningNameSearchMode: 'exact' } })).toMatchObject({
		status: 400,
	});
	expect(await call(emulator, 'POST', `/checks/${String(check.json.id)}`, { clientConsent: 'yes' })).toMatchObject({
		status: 400,
		json: { param: 'clientConsent' },
	});
	expect(await call(emulator, 'POST', `/checks/${String(check.json.id)}/validate`, { outcome: 'confirmed', userSuppliedData: 'x' })).toMatchObject({
		status: 400,
		json: { param: 'userSuppliedData' },
	});
	for (const [key, value] of [
		['socialInsuranceNumber', '-1'],
		['nationalIdentityNumber', 'A!'],
		['taxIdentificationNumber', '9'.repeat(51)],
	]) {
		expect(await call(emulator, 'POST', `/clients/${clientId}`, { personDetails: { [key]: value } })).toMatchObject({
			status: 400,
			json: { param: `personDetails.${key}` },
		});
	}
});
