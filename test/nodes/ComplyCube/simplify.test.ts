import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { runOperation } from './run-operation';

/*
 * Simplify on Client and Check → Get and Get Many (node version 1.1): a compact record by default, the raw
 * answer when off; a version 1 node (every workflow saved before 1.1) keeps the raw answer.
 */
let emulator: ComplyCubeEmulator;
beforeAll(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 50 })));
afterAll(async () => await emulator.close());

const person = {
	type: 'person',
	email: 'simple.client@example.com',
	mobile: '+447700900000',
	personDetails: { firstName: 'Simple', lastName: 'Client', dob: '1990-01-01' },
};
const keys = (record: object) => Object.keys(record).sort();

describe('Client', () => {
	test('Get: compact in 1.1 (no personDetails, contact numbers or metadata), raw with Simplify off and in version 1', async () => {
		const clientId = emulator.addClient(person);
		const compact = await runOperation(emulator, { resource: 'client', operation: 'get', clientId }, undefined, { typeVersion: 1.1 });
		expect(compact.error).toBeUndefined();
		expect(compact.items[0].json).toEqual({
			id: clientId,
			type: 'person',
			entityName: 'Simple Client',
			email: 'simple.client@example.com',
			createdAt: expect.any(String),
		});
		const raw = await runOperation(emulator, { resource: 'client', operation: 'get', clientId, simplify: false }, undefined, { typeVersion: 1.1 });
		expect(raw.items[0].json).toMatchObject({
			personDetails: { firstName: 'Simple', lastName: 'Client' },
			mobile: '+447700900000',
			updatedAt: expect.any(String),
		});
		const saved = await runOperation(emulator, { resource: 'client', operation: 'get', clientId });
		expect(saved.items[0].json).toEqual(raw.items[0].json);
	});

	test('Get Many: each client compact in 1.1, raw in version 1', async () => {
		emulator.addClient(person);
		const compact = await runOperation(emulator, { resource: 'client', operation: 'getAll', limit: 5 }, undefined, { typeVersion: 1.1 });
		for (const item of compact.items)
			expect(keys(item.json).every((key) => ['id', 'type', 'entityName', 'email', 'externalId', 'joinedDate', 'createdAt'].includes(key))).toBe(true);
		const saved = await runOperation(emulator, { resource: 'client', operation: 'getAll', limit: 5 });
		expect(saved.items.some((item) => 'updatedAt' in item.json)).toBe(true);
	});
});

describe('Check', () => {
	test('Get: the overall outcome without the breakdown in 1.1; the whole result with Simplify off and in version 1', async () => {
		const clientId = emulator.addClient(person);
		const created = await runOperation(emulator, { resource: 'check', operation: 'create', clientId, checkType: 'extensive_screening_check' }, undefined, {
			typeVersion: 1.1,
		});
		expect(created.error).toBeUndefined();
		const checkId = created.items[0].json.id as string;
		emulator.completeCheck(checkId, 'clear');
		const compact = await runOperation(emulator, { resource: 'check', operation: 'get', checkId }, undefined, { typeVersion: 1.1 });
		expect(compact.items[0].json).toEqual({
			id: checkId,
			clientId,
			entityName: 'Simple Client',
			type: 'extensive_screening_check',
			status: 'complete',
			outcome: 'clear',
			createdAt: expect.any(String),
			updatedAt: expect.any(String),
		});
		const raw = await runOperation(emulator, { resource: 'check', operation: 'get', checkId, simplify: false }, undefined, { typeVersion: 1.1 });
		expect(raw.items[0].json).toMatchObject({ result: { outcome: 'clear', breakdown: expect.anything() } });
		const saved = await runOperation(emulator, { resource: 'check', operation: 'get', checkId });
		expect(saved.items[0].json).toEqual(raw.items[0].json);
	});

	test('Get Many: compact in 1.1, raw in version 1', async () => {
		const clientId = emulator.addClient(person);
		await runOperation(emulator, { resource: 'check', operation: 'create', clientId, checkType: 'extensive_screening_check' });
		await emulator.settle();
		const compact = await runOperation(emulator, { resource: 'check', operation: 'getAll', clientId, returnAll: true }, undefined, { typeVersion: 1.1 });
		expect(compact.items).toHaveLength(1);
		expect(keys(compact.items[0].json)).toEqual(['clientId', 'createdAt', 'entityName', 'id', 'outcome', 'status', 'type', 'updatedAt']);
		const saved = await runOperation(emulator, { resource: 'check', operation: 'getAll', clientId, returnAll: true });
		expect(saved.items[0].json).toMatchObject({ enableMonitoring: false, result: { outcome: compact.items[0].json.outcome, breakdown: expect.anything() } });
	});
});
