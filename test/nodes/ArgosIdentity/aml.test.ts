import {
	ARGOS_ADMIN_EMAIL,
	ARGOS_AML_RESOURCE_ID,
	ARGOS_INACTIVE_WORKLIST_ID,
	ARGOS_SEEDED_SUBMISSION_IDS,
	ARGOS_WORKLIST_ID,
	startArgosEmulator,
	type ArgosEmulator,
} from '../../emulators/argos';
import { binaryBytes } from '../ComplyCube/binary-bytes';
import { runOperation } from './run-operation';

const [APPROVED, REJECTED] = ARGOS_SEEDED_SUBMISSION_IDS;
let emulator: ArgosEmulator;

beforeEach(async () => {
	emulator = await startArgosEmulator();
});
afterEach(async () => await emulator.close());

const monitoring = (parameters: Record<string, unknown>, settings?: Parameters<typeof runOperation>[3]) =>
	runOperation(emulator, { resource: 'amlMonitoring', worklistId: ARGOS_WORKLIST_ID, admin: ARGOS_ADMIN_EMAIL, ...parameters }, undefined, settings);
const requests = () => emulator.received.map(({ method, path, status }) => `${method} ${path} ${status}`);
const records = () => [...emulator.worklists.get(ARGOS_WORKLIST_ID)!.records.values()].map((record) => record.submissionId);

describe('AML Monitoring → Add', () => {
	test('registers an approved submission; a rejected one comes back in failedResults, as Argos answered', async () => {
		const run = await monitoring({ operation: 'add', submissionIds: `${APPROVED}, ${REJECTED}` });
		expect(run.error).toBeUndefined();
		expect(JSON.parse(emulator.received[0].body.toString('utf8'))).toEqual({ submissionIds: [APPROVED, REJECTED], admin: ARGOS_ADMIN_EMAIL });
		expect(requests()).toEqual([`POST /v3/submission/aml/monitor/${ARGOS_WORKLIST_ID} 200`]);
		expect(run.items[0].json).toMatchObject({
			worklistId: ARGOS_WORKLIST_ID,
			success: true,
			successCount: 1,
			failedCount: 1,
			successResults: [{ submissionId: APPROVED, recordIds: [expect.stringContaining(APPROVED)], status: 'success' }],
			failedResults: [{ submissionId: REJECTED, status: 'failed', error: `This submission is not approved: ${REJECTED}` }],
		});
		expect(records()).toEqual([APPROVED]);
	});

	test("none can be monitored: Argos's 500 all_submissions_failed, with its message, and not sent again", async () => {
		const run = await monitoring({ operation: 'add', submissionIds: REJECTED });
		expect(run.error?.message).toContain('(HTTP 500): All submissions failed to process. (all_submissions_failed)');
		expect(emulator.received).toHaveLength(1);
	});

	test("an inactive worklist: Argos's message", async () => {
		const run = await monitoring({ operation: 'add', worklistId: ARGOS_INACTIVE_WORKLIST_ID, submissionIds: APPROVED });
		expect(run.error?.message).toBe('Argos Identity refused the request (HTTP 400): Worklist is inactive. (invalid_worklist) [item 0]');
	});

	test('more than 25 submissions are refused before sending', async () => {
		const ids = Array.from({ length: 26 }, (_, index) => `submission-${index}`).join(',');
		const run = await monitoring({ operation: 'add', submissionIds: ids });
		expect(run.error?.message).toBe('Submission IDs holds 26 IDs; Argos takes at most 25 in one request [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('AML Monitoring → Get and Remove', () => {
	let recordId: string;
	beforeEach(async () => {
		const added = await monitoring({ operation: 'add', submissionIds: APPROVED });
		recordId = (added.items[0].json.successResults as Array<{ recordIds: string[] }>)[0].recordIds[0];
		emulator.received.length = 0;
	});

	test('Get: the record with its screening status', async () => {
		const run = await monitoring({ operation: 'get', recordId });
		expect(run.items[0].json).toMatchObject({
			id: recordId,
			submissionId: APPROVED,
			name: 'Jane Doe',
			dob: '1990-04-12',
			status: 'screenedNoMatches',
			openCount: 0,
		});
		expect(requests()).toEqual([`GET /v3/submission/aml/monitor/${ARGOS_WORKLIST_ID}/${recordId} 200`]);
	});

	test('Get under Secure Data Transmission: the encrypted answer is decrypted', async () => {
		emulator.setSecureTransmission(true);
		const run = await monitoring({ operation: 'get', recordId }, { credentials: { secureTransmission: true } });
		expect(run.items[0].json).toMatchObject({ id: recordId, submissionId: APPROVED });
	});

	test('Remove: the record is deleted', async () => {
		const run = await monitoring({ operation: 'remove', recordIds: recordId });
		expect(run.items[0].json).toEqual({ worklistId: ARGOS_WORKLIST_ID, recordIds: [recordId], message: 'records deleted successfully' });
		expect(JSON.parse(emulator.received[0].body.toString('utf8'))).toEqual({ admin: ARGOS_ADMIN_EMAIL, recordIds: [recordId] });
		expect(records()).toEqual([]);
	});

	test("Remove of a record that does not exist: Argos's message", async () => {
		const run = await monitoring({ operation: 'remove', recordIds: 'no-such-record' });
		expect(run.error?.message).toBe('Argos Identity refused the request (HTTP 400): Some records do not exist (invalid_record) [item 0]');
		expect(records()).toEqual([APPROVED]);
	});
});

describe('AML Report → Get', () => {
	test('the PDF into the binary field', async () => {
		const run = await runOperation(emulator, { resource: 'amlReport', operation: 'get', resourceId: ARGOS_AML_RESOURCE_ID, binaryPropertyName: 'report' });
		expect(run.error).toBeUndefined();
		const pdf = emulator.amlReports.get(ARGOS_AML_RESOURCE_ID)!;
		expect(run.items[0].json).toEqual({
			resourceId: ARGOS_AML_RESOURCE_ID,
			fileName: `aml-report-${ARGOS_AML_RESOURCE_ID}.pdf`,
			contentType: 'application/pdf',
			size: pdf.length,
		});
		expect(run.items[0].binary?.report).toMatchObject({ mimeType: 'application/pdf', fileName: `aml-report-${ARGOS_AML_RESOURCE_ID}.pdf` });
		expect((await binaryBytes(run.items[0].binary?.report)).equals(pdf)).toBe(true);
		expect(emulator.received[0].query.get('resourceId')).toBe(ARGOS_AML_RESOURCE_ID);
	});

	test("an unknown resourceId: Argos's message", async () => {
		const run = await runOperation(emulator, { resource: 'amlReport', operation: 'get', resourceId: 'aml-res-none' });
		expect(run.error?.message).toBe('Argos Identity refused the request (HTTP 400): Invalid resourceId. [item 0]');
	});
});
