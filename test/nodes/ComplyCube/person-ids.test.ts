import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { runOperation } from './run-operation';

let emulator: ComplyCubeEmulator;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 50 });
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
});

const bodyOf = (index = 0) => JSON.parse(emulator.received[index].body.toString('utf8')) as Record<string, unknown>;
const IDS = { ssn: '123-45-6789', socialInsuranceNumber: '046 454 286', nationalIdentityNumber: 'X1234567L', taxIdentificationNumber: 'DE123456789' };
const create = (additionalFields: Record<string, string>) =>
	runOperation(emulator, {
		resource: 'client',
		operation: 'create',
		clientType: 'person',
		email: 'jane@example.com',
		firstName: 'Jane',
		lastName: 'Doe',
		additionalFields,
	});

describe("a person's identity numbers", () => {
	test('Create sends the four under personDetails, and ComplyCube keeps them', async () => {
		const result = await create(IDS);
		expect(result.error).toBeUndefined();
		expect(bodyOf().personDetails).toEqual({ firstName: 'Jane', lastName: 'Doe', ...IDS });
		expect(emulator.clients.get(result.items[0].json.id as string)?.personDetails).toMatchObject(IDS);
	});

	test('they are password fields: sent to ComplyCube, but the node output does not repeat them', async () => {
		const result = await create(IDS);
		expect(bodyOf().personDetails).toMatchObject(IDS);
		expect(result.items[0].json.personDetails).toMatchObject({ firstName: 'Jane', lastName: 'Doe' });
		const output = JSON.stringify(result.items);
		for (const value of Object.values(IDS)) expect(output).not.toContain(value);
	});

	test('Update sends a number alone, and ComplyCube keeps the rest of personDetails', async () => {
		const clientId = emulator.addClient();
		const result = await runOperation(emulator, { resource: 'client', operation: 'update', clientId, updateFields: { ssn: '123456789' } });
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({ personDetails: { ssn: '123456789' } });
		expect(emulator.clients.get(clientId)?.personDetails).toMatchObject({ firstName: expect.any(String), ssn: '123456789' });
	});

	test.each([
		['an SSN of eight digits', { ssn: '87654321' }, "SSN ending '…21' is not a US Social Security number [item 0]"],
		['an SSN in area 000 (never issued)', { ssn: '000-12-3456' }, "SSN ending '…56' is not a US Social Security number [item 0]"],
		['an SSN with letters', { ssn: 'abc' }, 'SSN of 3 characters is not a US Social Security number [item 0]'],
		[
			'a national ID with a symbol',
			{ nationalIdentityNumber: 'X1234567L!' },
			"National Identity Number ending '…L!' is not a number ComplyCube takes [item 0]",
		],
		[
			'a tax number of 60 characters',
			{ taxIdentificationNumber: '9'.repeat(60) },
			"Tax Identification Number ending '…99' is not a number ComplyCube takes [item 0]",
		],
		[
			'a social insurance number with a leading hyphen',
			{ socialInsuranceNumber: '-046454286' },
			"Social Insurance Number ending '…86' is not a number ComplyCube takes [item 0]",
		],
	])('%s is refused before sending, naming the field and showing at most the last two characters', async (_case, fields, message) => {
		const result = await create(fields);
		expect(result.error?.message).toBe(message);
		const value = Object.values(fields)[0];
		// The message is asserted whole above; here: nothing of the value beyond its last two characters, in the hint either.
		if (value.length > 3) expect(`${result.error?.message} ${result.error?.description}`).not.toContain(value.slice(0, -2));
		expect(emulator.received).toHaveLength(0);
	});

	test('the emulator refuses a bad SSN with 400 naming personDetails.ssn, and not the number', async () => {
		const response = await fetch(`${emulator.baseUrl}/clients`, {
			method: 'POST',
			headers: { authorization: emulator.apiKey, 'content-type': 'application/json' },
			body: JSON.stringify({ type: 'person', email: 'a@example.com', personDetails: { firstName: 'A', lastName: 'B', ssn: '666-12-3456' } }),
		});
		expect(response.status).toBe(400);
		const body = (await response.json()) as Record<string, unknown>;
		expect(body).toMatchObject({ type: 'invalid_request', param: 'personDetails.ssn' });
		expect(JSON.stringify(body)).not.toContain('3456');
	});
});
