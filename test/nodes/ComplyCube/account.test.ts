import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { COMPLYCUBE_DEMO_MEMBER_ID } from '../../emulators/complycube/account';
import { SCREENING_LISTS } from '../../emulators/complycube/routes/static-data';
import { expectNoSecret } from '../../support/expect-no-secret';
import { runOperation } from './run-operation';

let emulator: ComplyCubeEmulator;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 600_000 });
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
});

const requests = () => emulator.received.map(({ method, path, status }) => ({ method, path, status }));

describe('Account Info', () => {
	test('answers the username, plan and remaining credit; each check uses one credit', async () => {
		const before = await runOperation(emulator, { resource: 'accountInfo', operation: 'get' });
		expect(before.error).toBeUndefined();
		expect(requests()).toEqual([{ method: 'GET', path: '/v1/accountInfo', status: 200 }]);
		const credit = before.items[0].json.remainingCredit as number;
		expect(before.items[0].json).toEqual({ username: expect.any(String), plan: expect.any(String), remainingCredit: expect.any(Number) });
		await runOperation(emulator, { resource: 'check', operation: 'create', clientId: emulator.addClient(), checkType: 'standard_screening_check' });
		const after = await runOperation(emulator, { resource: 'accountInfo', operation: 'get' });
		expect(after.items[0].json.remainingCredit).toBe(credit - 1);
	});

	test('with no credit left a check is refused with 402, which Account Info lets a workflow see coming', async () => {
		const saved = emulator.account.remainingCredit;
		emulator.account.remainingCredit = 0;
		try {
			const info = await runOperation(emulator, { resource: 'accountInfo', operation: 'get' });
			expect(info.items[0].json.remainingCredit).toBe(0);
			const refused = await runOperation(emulator, {
				resource: 'check',
				operation: 'create',
				clientId: emulator.addClient(),
				checkType: 'standard_screening_check',
			});
			expect(refused.error?.message).toContain('HTTP 402');
			expect(refused.error?.message).toContain('no remaining credit');
			expectNoSecret(emulator.apiKey, refused.error, refused.run.data.resultData);
		} finally {
			emulator.account.remainingCredit = saved;
		}
	});
});

describe('Audit Log', () => {
	test("Get Many with a Client ID is the client's audit trail, newest first, each change with its diff", async () => {
		const create = await runOperation(emulator, {
			resource: 'client',
			operation: 'create',
			clientType: 'person',
			email: 'audit@example.com',
			firstName: 'Ann',
			lastName: 'Dit',
		});
		const clientId = create.items[0].json.id as string;
		await runOperation(emulator, { resource: 'client', operation: 'update', clientId, updateFields: { email: 'audit.new@example.com' } });
		emulator.received.length = 0;
		const result = await runOperation(emulator, { resource: 'auditLog', operation: 'getAll', returnAll: true, filters: { clientId } });
		expect(result.error).toBeUndefined();
		expect(emulator.received[0].path).toBe('/v1/auditLogs');
		expect(Object.fromEntries(emulator.received[0].query)).toEqual({ clientId, page: '1', pageSize: '100' });
		expect(result.items.map((item) => [item.json.action, item.json.trigger])).toEqual([
			['update', 'updateClient'],
			['create', 'createClient'],
		]);
		expect(result.items[0].json.diff).toEqual([{ action: 'edit', path: ['email'], old: 'audit@example.com', new: 'audit.new@example.com' }]);
	});

	test('the documented filters are sent as query parameters and narrow the list', async () => {
		const clientId = emulator.addClient();
		await runOperation(emulator, { resource: 'document', operation: 'create', clientId, documentType: 'passport' });
		emulator.received.length = 0;
		const result = await runOperation(emulator, {
			resource: 'auditLog',
			operation: 'getAll',
			returnAll: true,
			filters: { resourceType: 'document', action: 'create', clientId },
		});
		expect(Object.fromEntries(emulator.received[0].query)).toEqual({ resourceType: 'document', action: 'create', clientId, page: '1', pageSize: '100' });
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({ resourceType: 'document', action: 'create', clientId, trigger: 'createDocument' });
	});

	test('Limit walks the pages and stops at the limit', async () => {
		const clientId = emulator.addClient();
		for (let index = 0; index < 3; index++)
			await runOperation(emulator, { resource: 'client', operation: 'update', clientId, updateFields: { telephone: `+44 20 0000 000${index}` } });
		emulator.received.length = 0;
		const result = await runOperation(emulator, { resource: 'auditLog', operation: 'getAll', returnAll: false, limit: 2, filters: { clientId } });
		expect(result.items).toHaveLength(2);
		expect(emulator.received[0].query.get('pageSize')).toBe('2');
	});

	test('Get answers one audit log; an unknown id is the 404', async () => {
		const auditLogId = emulator.auditLogs[0].id;
		const result = await runOperation(emulator, { resource: 'auditLog', operation: 'get', auditLogId });
		expect(result.items[0].json).toEqual(emulator.auditLogs[0]);
		const unknown = await runOperation(emulator, { resource: 'auditLog', operation: 'get', auditLogId: '5eb04fcd0f3e360008035eb1' });
		expect(unknown.error?.message).toBe("ComplyCube refused the request (HTTP 404): Invalid audit log id '5eb04fcd0f3e360008035eb1' [item 0]");
	});
});

describe('Team Member', () => {
	test('Get Many lists the team; Get names the member behind an audit log', async () => {
		const many = await runOperation(emulator, { resource: 'teamMember', operation: 'getAll', returnAll: true });
		expect(many.error).toBeUndefined();
		expect(many.items.map((item) => item.json.role).sort()).toEqual(['analyst', 'owner']);
		emulator.received.length = 0;
		const one = await runOperation(emulator, { resource: 'teamMember', operation: 'get', memberId: COMPLYCUBE_DEMO_MEMBER_ID });
		expect(requests()).toEqual([{ method: 'GET', path: `/v1/teamMembers/${COMPLYCUBE_DEMO_MEMBER_ID}`, status: 200 }]);
		expect(one.items[0].json).toEqual({ id: COMPLYCUBE_DEMO_MEMBER_ID, firstName: 'Ada', lastName: 'Owner', role: 'owner', createdAt: expect.any(String) });
	});

	test("an audit log written with the API's lastActionBy carries that member", async () => {
		const clientId = emulator.addClient();
		const answer = await fetch(`${emulator.baseUrl}/clients/${clientId}`, {
			method: 'POST',
			headers: { authorization: emulator.apiKey, 'content-type': 'application/json' },
			body: JSON.stringify({ telephone: '+44 20 1111 2222', lastActionBy: COMPLYCUBE_DEMO_MEMBER_ID }),
		});
		expect(answer.status).toBe(200);
		const result = await runOperation(emulator, {
			resource: 'auditLog',
			operation: 'getAll',
			returnAll: true,
			filters: { clientId, memberId: COMPLYCUBE_DEMO_MEMBER_ID },
		});
		expect(result.items).toHaveLength(1);
	});
});

describe('Static Data', () => {
	test('Get Screening Lists: one item per list, in the order ComplyCube answers', async () => {
		const result = await runOperation(emulator, { resource: 'staticData', operation: 'getScreeningLists', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(requests()).toEqual([{ method: 'GET', path: '/v1/static/screeningLists', status: 200 }]);
		expect(result.items.map((item) => item.json.value)).toEqual(SCREENING_LISTS);
	});

	test('Get Supported Documents with a Limit keeps the first entries', async () => {
		const result = await runOperation(emulator, { resource: 'staticData', operation: 'getSupportedDocuments', returnAll: false, limit: 3 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(result.items[0].json).toEqual({ value: 'bank_statement' });
	});
});

test('every new resource only reads: an AI agent may use them without Allow Changes', async () => {
	const { resources } = await import('../../../nodes/ComplyCube/actions/resources');
	for (const name of ['accountInfo', 'auditLog', 'teamMember', 'staticData']) {
		const resource = resources.find((candidate) => candidate.value === name)!;
		expect(resource.readOperations.sort()).toEqual(Object.keys(resource.operations).sort());
	}
});
