import { startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { call } from './test-helpers';

let emulator: ComplyCubeEmulator;
beforeAll(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false })));
afterAll(async () => await emulator.close());

test('search: POST /lookup/companies answers the matching companies as a page of items, without the details', async () => {
	const answer = await call(emulator, 'POST', '/lookup/companies', { companyName: 'CLEDARA', incorporationCountry: 'GB' });
	expect(answer.status).toBe(200);
	expect(answer.json).toMatchObject({ totalItems: 2, items: [{ name: 'CLEDARA LTD' }, { name: 'CLEDARA HOLDINGS LIMITED' }] });
	for (const item of answer.json.items as Array<Record<string, unknown>>) {
		expect(Object.keys(item)).toEqual(
			expect.arrayContaining([
				'id',
				'name',
				'registrationNumber',
				'incorporationCountry',
				'incorporationDate',
				'incorporationType',
				'address',
				'active',
				'sourceUrl',
			]),
		);
		expect(item).not.toHaveProperty('owners');
	}
});

test.each([
	['unknown parameters (PHP testSearchCompanyWithInvalidParameters)', { param_1: 'CLEDARA', param_2: 'GB' }, 'param_1'],
	['no country', { companyName: 'CLEDARA' }, 'incorporationCountry'],
	['neither name nor number', { incorporationCountry: 'GB' }, 'companyName'],
])('search refused with 400 invalid_request: %s', async (_case, body, param) => {
	expect(await call(emulator, 'POST', '/lookup/companies', body)).toMatchObject({ status: 400, json: { type: 'invalid_request', param } });
});

test('details: GET /lookup/companies/{id} adds owners, officers, filings, industry codes; an unknown id is 404', async () => {
	const answer = await call(emulator, 'GET', '/lookup/companies/67625f5f3131343535333733');
	expect(answer.json).toMatchObject({
		name: 'CLEDARA LTD',
		owners: [expect.any(Object)],
		officers: [expect.any(Object)],
		filings: [expect.any(Object)],
		industryCodes: [expect.any(Object)],
	});
	expect(await call(emulator, 'GET', '/lookup/companies/nonexistent')).toMatchObject({
		status: 404,
		json: { type: 'resource_not_found', message: "Invalid company id 'nonexistent'" },
	});
});

test('address search: POST /lookup/addresses with line, postalCode and country answers the matching addresses', async () => {
	const answer = await call(emulator, 'POST', '/lookup/addresses', { line: '350 Fifth', postalCode: '10118', country: 'US' });
	expect(answer.status).toBe(200);
	expect((answer.json.items as Array<Record<string, unknown>>).map((item) => item.line)).toEqual(['350 Fifth Avenue', '350 Fifth Avenue Suite 5300']);
	for (const field of ['line', 'postalCode', 'country']) {
		const body: Record<string, string> = { line: '350 Fifth', postalCode: '10118', country: 'US' };
		delete body[field];
		expect(await call(emulator, 'POST', '/lookup/addresses', body)).toMatchObject({ status: 400, json: { type: 'invalid_request', param: field } });
	}
});
