import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { call } from '../../emulators/complycube/test-helpers';
import { expectNoSecret } from '../../support/expect-no-secret';
import { runOperation } from './run-operation';

let emulator: ComplyCubeEmulator;
let clientId: string;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 600_000 });
	clientId = emulator.addClient();
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
});

const check = (parameters: Record<string, unknown>) => runOperation(emulator, { resource: 'check', ...parameters });
const bodyOf = (index = 0) => JSON.parse(emulator.received[index].body.toString('utf8')) as Record<string, unknown>;

describe('screening options', () => {
	test('a screening check sends the classification, name search mode and lists scope under options', async () => {
		const scope = { type: 'incl', lists: ['UN Security Council'] };
		const result = await check({
			operation: 'create',
			clientId,
			checkType: 'extensive_screening_check',
			options: {
				screeningClassification: ['pepLevel1', 'watchlistSanctionsLists'],
				screeningNameSearchMode: 'precise',
				screeningListsScope: JSON.stringify(scope),
			},
		});
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({
			clientId,
			type: 'extensive_screening_check',
			options: { screeningClassification: ['pepLevel1', 'watchlistSanctionsLists'], screeningNameSearchMode: 'precise', screeningListsScope: scope },
		});
		expect(result.items[0].json).toMatchObject({ options: { screeningNameSearchMode: 'precise' } });
	});

	test('an empty lists scope and no choice send no options (ComplyCube searches every eligible list, fuzzy)', async () => {
		const result = await check({
			operation: 'create',
			clientId,
			checkType: 'standard_screening_check',
			options: { screeningListsScope: '{}', screeningClassification: [] },
		});
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type: 'standard_screening_check' });
	});

	test('screening options are not sent with another check type', async () => {
		const documentId = emulator.addDocument(clientId, 'driving_license');
		emulator.documents.get(documentId)!.documentNumber = 'MORGA753116SM9IJ';
		const result = await check({
			operation: 'create',
			clientId,
			checkType: 'driving_license_check',
			documentId,
			options: { screeningNameSearchMode: 'precise' },
		});
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type: 'driving_license_check', documentId });
	});

	test('a lists scope that is not a JSON object is refused before sending', async () => {
		const result = await check({ operation: 'create', clientId, checkType: 'standard_screening_check', options: { screeningListsScope: '["UN"]' } });
		expect(result.error?.message).toBe('Screening Lists Scope is not a JSON object [item 0]');
		expect(emulator.received).toHaveLength(0);
	});

	test("an unknown classification is ComplyCube's 400 (the emulator checks the documented list)", async () => {
		const answer = await call(emulator, 'POST', '/checks', { clientId, type: 'standard_screening_check', options: { screeningClassification: ['pepLevel9'] } });
		expect(answer).toMatchObject({ status: 400, json: { type: 'invalid_request', param: 'options.screeningClassification' } });
	});
});

describe('Two Plus Two', () => {
	test('a multi-bureau check sends options.twoPlusTwo', async () => {
		const address = await call(emulator, 'POST', '/addresses', { clientId, line: '11 Something Avenue', city: 'London', country: 'GB' });
		emulator.received.length = 0;
		const addressId = String(address.json.id);
		const result = await check({
			operation: 'create',
			clientId,
			checkType: 'multi_bureau_check',
			addressId,
			options: { twoPlusTwo: true, clientConsent: true },
		});
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ clientId, type: 'multi_bureau_check', addressId, clientConsent: true, options: { twoPlusTwo: true } });
		expect(emulator.checks.get(result.items[0].json.id as string)?.options).toEqual({ twoPlusTwo: true });
	});
});

describe('Update', () => {
	test('switches ongoing monitoring off with POST /checks/{id}', async () => {
		const created = await check({ operation: 'create', clientId, checkType: 'standard_screening_check', options: { enableMonitoring: true } });
		const checkId = created.items[0].json.id as string;
		emulator.received.length = 0;
		const result = await check({ operation: 'update', checkId, updateFields: { enableMonitoring: false } });
		expect(result.error).toBeUndefined();
		expect(emulator.received[0]).toMatchObject({ method: 'POST', path: `/v1/checks/${checkId}`, status: 200 });
		expect(bodyOf()).toEqual({ enableMonitoring: false });
		expect(result.items[0].json).toMatchObject({ id: checkId, enableMonitoring: false });
		expect(emulator.checks.get(checkId)?.enableMonitoring).toBe(false);
	});

	test('nothing to change is refused before sending; an unknown check is the 404', async () => {
		const empty = await check({ operation: 'update', checkId: '5eb04fcd0f3e360008035eb1', updateFields: {} });
		expect(empty.error?.message).toBe('No field to update [item 0]');
		expect(emulator.received).toHaveLength(0);
		const unknown = await check({ operation: 'update', checkId: '5eb04fcd0f3e360008035eb1', updateFields: { enableMonitoring: false } });
		expect(unknown.error?.message).toBe("ComplyCube refused the request (HTTP 404): Invalid check id '5eb04fcd0f3e360008035eb1' [item 0]");
		expectNoSecret(emulator.apiKey, unknown.error, unknown.run.data.resultData);
	});

	test('Update is a write: not among the read operations an AI agent runs without Allow Changes', async () => {
		const { operations, readOperations } = await import('../../../nodes/ComplyCube/actions/check/Check.resource');
		expect(Object.keys(operations)).toContain('update');
		expect(readOperations).not.toContain('update');
	});
});

describe('Validate: User Supplied Data', () => {
	test("is sent as ComplyCube's userSuppliedData object", async () => {
		const documentId = emulator.addDocument(clientId, 'passport');
		emulator.documents.get(documentId)!.issuingCountry = 'GB';
		emulator.documents.get(documentId)!.images.front = {
			fileName: 'front.jpg',
			contentType: 'image/jpg',
			data: Buffer.alloc(40_000, 1),
			createdAt: new Date().toISOString(),
		};
		const created = await check({ operation: 'create', clientId, checkType: 'document_check', documentId });
		const checkId = created.items[0].json.id as string;
		emulator.completeCheck(checkId, 'attention');
		emulator.received.length = 0;
		const supplied = { firstName: 'Jane', lastName: 'Doe' };
		const result = await check({ operation: 'validate', checkId, outcome: 'confirmed', additionalFields: { userSuppliedData: JSON.stringify(supplied) } });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ outcome: 'confirmed', userSuppliedData: supplied });
		expect(result.items[0].json).toMatchObject({ checkId, outcome: 'clear' });
	});

	test('text that is not a JSON object is refused before sending', async () => {
		const result = await check({
			operation: 'validate',
			checkId: '5eb04fcd0f3e360008035eb1',
			outcome: 'confirmed',
			additionalFields: { userSuppliedData: 'Jane Doe' },
		});
		expect(result.error?.message).toBe('User Supplied Data is not a JSON object [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});
