import { ARGOS_SEEDED_SUBMISSION_IDS, startArgosEmulator, type ArgosEmulator } from '../../emulators/argos';
import { sampleBytes } from '../../support/sample-files';
import { runOperation } from './run-operation';

const [APPROVED] = ARGOS_SEEDED_SUBMISSION_IDS;
let emulator: ArgosEmulator;

beforeEach(async () => {
	emulator = await startArgosEmulator();
	const submission = emulator.submissions.get(APPROVED)!;
	submission.images = { idImage: sampleBytes('jpeg', 1024), idBackImage: sampleBytes('jpeg', 1024), selfieImage: sampleBytes('png', 1024) };
});
afterEach(async () => await emulator.close());

const deleteFields = (parameters: Record<string, unknown>, settings?: Parameters<typeof runOperation>[3]) =>
	runOperation(emulator, { resource: 'submission', operation: 'deleteFields', submissionId: APPROVED, ...parameters }, undefined, settings);
const queries = () => emulator.received.map((request) => `${request.method} ${request.path}?${request.query.toString()}`);

describe('Submission → Delete Fields', () => {
	test('one DELETE /submission/partial per part; the images go, the KYC result stays', async () => {
		const run = await deleteFields({ fields: ['id_image', 'selfie_image'] });
		expect(run.error).toBeUndefined();
		expect(queries()).toEqual([
			`DELETE /v3/submission/partial?submission_id=${APPROVED}&fields=id_image`,
			`DELETE /v3/submission/partial?submission_id=${APPROVED}&fields=selfie_image`,
		]);
		expect(run.items[0].json).toMatchObject({ submissionId: APPROVED, deleted: ['id_image', 'selfie_image'], message: 'success' });
		const submission = emulator.submissions.get(APPROVED)!;
		expect(submission.images).toEqual({});
		expect(submission.kyc?.result).toBe('approved');
	});

	test('Data with Data Fields deletes only those fields, one request each', async () => {
		const run = await deleteFields({ fields: ['data'], dataFields: ['date_of_birth', 'full_name'] });
		expect(run.error).toBeUndefined();
		expect(queries()).toEqual([
			`DELETE /v3/submission/partial?submission_id=${APPROVED}&fields=data&data_fields=date_of_birth`,
			`DELETE /v3/submission/partial?submission_id=${APPROVED}&fields=data&data_fields=full_name`,
		]);
		const data = emulator.submissions.get(APPROVED)!.data!;
		expect(data).not.toHaveProperty('date_of_birth');
		expect(data).not.toHaveProperty('full_name');
		expect(data.nationality).toBe('GBR');
	});

	test("an unknown submission: Argos's own message", async () => {
		const run = await runOperation(emulator, { resource: 'submission', operation: 'deleteFields', submissionId: 'no-such-submission', fields: ['email'] });
		expect(run.error?.message).toBe('Argos Identity refused the request (HTTP 400): not Exist Submission Data [item 0]');
	});

	test('no part (an expression that found none) is refused before sending', async () => {
		const run = await deleteFields({ fields: '={{ [] }}' });
		expect(run.error?.message).toBe('Fields is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});
