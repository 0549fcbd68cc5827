import { ARGOS_ADMIN_EMAIL, ARGOS_SEEDED_SUBMISSION_IDS, startArgosEmulator, type ArgosEmulator } from '../../emulators/argos';
import { expectNoSecret } from '../../support/expect-no-secret';
import { runOperation } from './run-operation';

const [APPROVED, REJECTED, PENDING] = ARGOS_SEEDED_SUBMISSION_IDS;
let emulator: ArgosEmulator;

beforeEach(async () => {
	emulator = await startArgosEmulator();
});
afterEach(async () => await emulator.close());

const submission = (parameters: Record<string, unknown>, items?: Parameters<typeof runOperation>[2], settings?: Parameters<typeof runOperation>[3]) =>
	runOperation(emulator, { resource: 'submission', ...parameters }, items, settings);
const queries = () => emulator.received.map((request) => Object.fromEntries(request.query));
const requests = () => emulator.received.map(({ method, path, status }) => `${method} ${path} ${status}`);

/** n submissions of one user, a second apart, oldest first. */
function addUserSubmissions(userid: string, count: number): string[] {
	return Array.from({ length: count }, (_, index) => {
		const second = String(index % 60).padStart(2, '0');
		const minute = String(Math.floor(index / 60)).padStart(2, '0');
		return emulator.addSubmission(`${userid}-${String(index).padStart(3, '0')}`, {
			userid,
			email: `${userid}@example.com`,
			createdAt: `2025-06-01-10-${minute}-${second}-000`,
			kyc: { result: 'pending' },
		});
	});
}

describe('Get', () => {
	test.each([
		[APPROVED, 'approved'],
		[REJECTED, 'rejected'],
		[PENDING, 'pending'],
	])('%s: the submission itself, with its KYC result (%s)', async (id, result) => {
		const run = await submission({ operation: 'get', submissionId: id });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({ submission_id: id, kyc: { result } });
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		expect(requests()).toEqual(['GET /v3/submission 200']);
		expect(queries()).toEqual([{ submission_id: id }]);
	});

	test('Request Type KYC asks for request_type=kyc and gets the KYC part only', async () => {
		const run = await submission({ operation: 'get', submissionId: REJECTED, options: { requestType: 'kyc' } });
		expect(queries()).toEqual([{ submission_id: REJECTED, request_type: 'kyc' }]);
		expect(run.items[0].json).toEqual({ submission_id: REJECTED, kyc: { result: 'rejected', comment: [expect.any(String)], commentCode: ['too_many_retry'] } });
	});

	test('one output item per input item, each its own submission', async () => {
		const run = await submission({ operation: 'get', submissionId: '={{ $json.id }}' }, [{ json: { id: APPROVED } }, { json: { id: PENDING } }]);
		expect(run.items.map((item) => [item.json.submission_id, item.pairedItem])).toEqual([
			[APPROVED, { item: 0 }],
			[PENDING, { item: 1 }],
		]);
	});

	test('an id Argos does not know (it answers no Items) is an error, not an empty item', async () => {
		const run = await submission({ operation: 'get', submissionId: 'no-such-submission' });
		expect(run.error?.message).toBe("Argos Identity has no submission 'no-such-submission' [item 0]");
		expect(run.error?.description).toContain('Check the Submission ID');
	});

	test('with continue on error, that item becomes an error item and the others go on', async () => {
		const run = await submission({ operation: 'get', submissionId: '={{ $json.id }}' }, [{ json: { id: 'nope' } }, { json: { id: APPROVED } }], {
			continueOnFail: true,
		});
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.error).toBe("Argos Identity has no submission 'nope' [item 0]");
		expect(run.items[1].json.submission_id).toBe(APPROVED);
	});

	test('an empty Submission ID is refused before sending', async () => {
		const run = await submission({ operation: 'get', submissionId: '={{ $json.nothing }}' });
		expect(run.error?.message).toBe('Submission ID is empty [item 0]');
		expect(run.error?.description).toContain('Nothing was sent');
		expect(emulator.received).toHaveLength(0);
	});

	test("a wrong API key: Argos's 403 Forbidden, never the key", async () => {
		const run = await submission({ operation: 'get', submissionId: APPROVED }, undefined, { credentials: { apiKey: 'argos_wrong_key_123456' } });
		expect(run.error?.message).toBe('Argos Identity refused the request (HTTP 403): Forbidden [item 0]');
		expect(run.error?.httpCode).toBe('403');
		expectNoSecret('argos_wrong_key_123456', run.error, run.run.data.resultData);
	});

	test('with Secure Data Transmission on, the encrypted answer is decrypted with the API key', async () => {
		emulator.setSecureTransmission(true);
		const run = await submission({ operation: 'get', submissionId: APPROVED });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ submission_id: APPROVED, kyc: { result: 'approved' } });
	});

	test('encrypted with a dedicated secretKey: refused with advice without it, decrypted with it in the credential', async () => {
		emulator.setSecureTransmission(true, 'project-secret-key');
		const without = await submission({ operation: 'get', submissionId: APPROVED });
		expect(without.error?.message).toBe("Argos Identity's answer is encrypted, and the credential's keys do not decrypt it [item 0]");
		expect(without.error?.description).toContain('Encryption Secret Key');
		const run = await submission({ operation: 'get', submissionId: APPROVED }, undefined, { credentials: { secretKey: 'project-secret-key' } });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.submission_id).toBe(APPROVED);
		expectNoSecret('project-secret-key', run.run.data.resultData, without.run.data.resultData);
	});
});

describe('Get Many', () => {
	test('Return All walks nextpage_id / nextpage_date over three pages, newest first, with only the User ID filter', async () => {
		const ids = addUserSubmissions('paged', 120);
		const run = await submission({ operation: 'getAll', searchBy: 'userId', userId: 'paged', email: 'ignored@example.com', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.submission_id)).toEqual([...ids].reverse());
		const sent = queries();
		expect(sent).toHaveLength(3);
		expect(sent[0]).toEqual({ userid: 'paged', count: '50' });
		expect(sent[1]).toEqual({ userid: 'paged', count: '50', nextpage_id: ids[70], nextpage_date: emulator.submissions.get(ids[70])!.createdAt });
		expect(sent[2]).toEqual({ userid: 'paged', count: '50', nextpage_id: ids[20], nextpage_date: emulator.submissions.get(ids[20])!.createdAt });
		expect(run.items.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	test('Limit asks only for what is still missing and stops there', async () => {
		addUserSubmissions('limited', 120);
		const run = await submission({ operation: 'getAll', searchBy: 'userId', userId: 'limited', returnAll: false, limit: 70 });
		expect(run.items).toHaveLength(70);
		expect(queries().map((query) => query.count)).toEqual(['50', '20']);
	});

	test('the default Limit is 50: one page', async () => {
		addUserSubmissions('default', 60);
		const run = await submission({ operation: 'getAll', searchBy: 'userId', userId: 'default' });
		expect(run.items).toHaveLength(50);
		expect(emulator.received).toHaveLength(1);
	});

	test('a throttled request is retried and the walk goes on', async () => {
		addUserSubmissions('throttled', 60);
		emulator.throttleNext(1);
		const run = await submission({ operation: 'getAll', searchBy: 'userId', userId: 'throttled', returnAll: true });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(60);
		expect(emulator.received.map((request) => request.status)).toEqual([429, 200, 200]);
	});

	test('by e-mail: only the email filter is sent', async () => {
		const run = await submission({ operation: 'getAll', searchBy: 'email', email: 'john.roe@example.com', userId: 'user-1001', returnAll: true });
		expect(queries()).toEqual([{ email: 'john.roe@example.com', count: '50' }]);
		expect(run.items.map((item) => item.json.submission_id)).toEqual([REJECTED]);
	});

	test('by date range: the picker values become YYYY-MM-DD days, both included', async () => {
		const run = await submission({
			operation: 'getAll',
			searchBy: 'dateRange',
			startDate: '2025-03-04T00:00:00',
			endDate: '2025-03-05T23:59:59',
			returnAll: true,
			options: { requestType: 'kyc' },
		});
		expect(queries()).toEqual([{ start_date: '2025-03-04', end_date: '2025-03-05', request_type: 'kyc', count: '50' }]);
		expect(run.items.map((item) => item.json)).toEqual([
			{ submission_id: PENDING, kyc: expect.objectContaining({ result: 'pending' }) },
			{ submission_id: REJECTED, kyc: expect.objectContaining({ result: 'rejected' }) },
		]);
	});

	test('All: no filter, every submission', async () => {
		const run = await submission({ operation: 'getAll', searchBy: 'all', returnAll: true });
		expect(queries()).toEqual([{ count: '50' }]);
		expect(run.items.map((item) => item.json.submission_id)).toEqual([PENDING, REJECTED, APPROVED]);
	});

	test('no match: no items, no error', async () => {
		const run = await submission({ operation: 'getAll', searchBy: 'userId', userId: 'nobody' });
		expect(run.error).toBeUndefined();
		expect(run.items).toEqual([]);
	});

	test.each([
		['an empty User ID', { searchBy: 'userId', userId: '={{ $json.nothing }}' }, /^User ID is empty \[item 0\]$/],
		['an empty Email', { searchBy: 'email', email: '={{ $json.nothing }}' }, /^Email is empty/],
		['no Start Date', { searchBy: 'dateRange', startDate: '={{ $json.nothing }}', endDate: '2025-03-05' }, /^Start Date is empty/],
		['a Start Date that is no date', { searchBy: 'dateRange', startDate: 'soon', endDate: '2025-03-05' }, /^Start Date 'soon' is not a date/],
		[
			'a range that ends before it starts',
			{ searchBy: 'dateRange', startDate: '2025-03-06', endDate: '2025-03-05' },
			/^Start Date 2025-03-06 is after End Date 2025-03-05/,
		],
	])('%s is refused before sending', async (_case, parameters, message) => {
		const run = await submission({ operation: 'getAll', ...parameters });
		expect(run.error?.message).toMatch(message);
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Update', () => {
	test('KYC Status Approved approves a pending submission with one PATCH', async () => {
		const run = await submission({ operation: 'update', submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, updateFields: { kycStatus: 'approved' } });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toEqual({ submissionId: PENDING, message: 'Data Processing Success.', updated: { kycStatus: 'approved' } });
		const [request] = emulator.received;
		expect(`${request.method} ${request.path}`).toBe('PATCH /v3/submission');
		expect(request.headers['content-type']).toContain('application/json');
		expect(JSON.parse(request.body.toString())).toEqual({ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, data: { kycStatus: 'approved' } });
		expect(emulator.submissions.get(PENDING)!.kyc?.result).toBe('approved');
		expect(emulator.acceptedUpdates).toEqual([{ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, fields: ['kycStatus'] }]);
	});

	test('First Name and Last Name (on the current PATCH page) go in data', async () => {
		const run = await submission({
			operation: 'update',
			submissionId: APPROVED,
			admin: ARGOS_ADMIN_EMAIL,
			updateFields: { firstName: 'Janet', lastName: 'Doe-Smith' },
		});
		expect(run.error).toBeUndefined();
		expect(JSON.parse(emulator.received[0].body.toString()).data).toEqual({ firstName: 'Janet', lastName: 'Doe-Smith' });
		expect(emulator.submissions.get(APPROVED)!.data).toMatchObject({ first_name: 'Janet', last_name: 'Doe-Smith' });
	});

	test('data fields go as Argos names them; empty ones are left out', async () => {
		const run = await submission({
			operation: 'update',
			submissionId: APPROVED,
			admin: ARGOS_ADMIN_EMAIL,
			updateFields: { fullName: ' Jane Q. Doe ', birthDate: '1990-04-13', documentNumber: '', idType: 'passport' },
		});
		expect(run.error).toBeUndefined();
		expect(JSON.parse(emulator.received[0].body.toString()).data).toEqual({ fullName: 'Jane Q. Doe', birthDate: '1990-04-13', idType: 'passport' });
		expect(emulator.submissions.get(APPROVED)!.data).toMatchObject({ full_name: 'Jane Q. Doe', date_of_birth: '1990-04-13' });
	});

	test.each([
		['no field to update', {}, /^Nothing to update \[item 0\]$/],
		['only empty fields', { fullName: '  ' }, /^Nothing to update/],
		['a date not YYYY-MM-DD', { birthDate: '13/04/1990' }, /^birthDate '13\/04\/1990' is not a YYYY-MM-DD date/],
	])('%s is refused before sending', async (_case, updateFields, message) => {
		const run = await submission({ operation: 'update', submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, updateFields });
		expect(run.error?.message).toMatch(message);
		expect(run.error?.description).toContain('Nothing was sent');
		expect(emulator.received).toHaveLength(0);
	});

	test('an empty Admin Email is refused before sending', async () => {
		const run = await submission({ operation: 'update', submissionId: PENDING, admin: '={{ $json.nothing }}', updateFields: { kycStatus: 'rejected' } });
		expect(run.error?.message).toBe('Admin Email is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});

	test.each([
		['an unknown submission', { submissionId: 'nope' }],
		['an admin not on the dashboard', { admin: 'intruder@example.com' }],
	])("%s: Argos's own refusal and its 400", async (_case, overrides) => {
		const run = await submission({
			operation: 'update',
			submissionId: PENDING,
			admin: ARGOS_ADMIN_EMAIL,
			updateFields: { kycStatus: 'rejected' },
			...overrides,
		});
		expect(run.error?.message).toBe('Argos Identity refused the request (HTTP 400): Data Processing Error. (processing_error) [item 0]');
		expect(run.error?.httpCode).toBe('400');
		expect(emulator.submissions.get(PENDING)!.kyc?.result).toBe('pending');
	});
});

describe('Review', () => {
	const review = (parameters: Record<string, unknown>, settings?: Parameters<typeof runOperation>[3]) =>
		submission({ operation: 'review', submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, ...parameters }, undefined, settings);

	test("Approve: one POST /submission/review, Argos's answer, the submission approved", async () => {
		const run = await review({ status: 'approved' });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toEqual({ submissionId: PENDING, message: 'Success to review submission.', finalStatus: 'approved' });
		expect(requests()).toEqual(['POST /v3/submission/review 200']);
		expect(JSON.parse(emulator.received[0].body.toString())).toEqual({ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, status: 'approved' });
		expect(emulator.reviews).toEqual([{ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, status: 'approved', fields: [] }]);
	});

	test('Reject with a comment and corrections: rejectComment and updateFields are sent and applied', async () => {
		const run = await review({
			status: 'rejected',
			rejectComment: ' The selfie does not match. ',
			updateFields: { fullName: 'Mei Lin Tan', birthDate: '1998-07-03' },
		});
		expect(run.error).toBeUndefined();
		expect(JSON.parse(emulator.received[0].body.toString())).toEqual({
			submissionId: PENDING,
			admin: ARGOS_ADMIN_EMAIL,
			status: 'rejected',
			rejectComment: 'The selfie does not match.',
			updateFields: { fullName: 'Mei Lin Tan', birthDate: '1998-07-03' },
		});
		expect(emulator.submissions.get(PENDING)!).toMatchObject({
			kyc: { result: 'rejected', comment: ['The selfie does not match.'] },
			data: { full_name: 'Mei Lin Tan', date_of_birth: '1998-07-03' },
		});
	});

	test('Reject without a comment is refused before sending', async () => {
		const run = await review({ status: 'rejected', rejectComment: '  ' });
		expect(run.error?.message).toBe('Reject Comment is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});

	test("a submission that is no longer pending: Argos's own 400", async () => {
		const run = await review({ submissionId: APPROVED, status: 'rejected', rejectComment: 'late' });
		expect(run.error?.message).toBe(
			'Argos Identity refused the request (HTTP 400): Only submissions in pending status can be reviewed (invalid_submission) [item 0]',
		);
		expect(emulator.submissions.get(APPROVED)!.kyc?.result).toBe('approved');
	});

	test('with Secure Data Transmission (GCM-256) the review goes encrypted and is applied', async () => {
		emulator.setSecureTransmission(true, undefined, 'gcm256');
		const run = await review({ status: 'approved' }, { credentials: { secureTransmission: true, encryptionModule: 'gcm256' } });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ finalStatus: 'approved' });
		expect(Object.keys(JSON.parse(emulator.received[0].body.toString()))).toEqual(['body']);
		expect(emulator.submissions.get(PENDING)!.kyc?.result).toBe('approved');
	});
});

describe('Delete', () => {
	test("DELETE with submission_id and admin_name; Argos's answer, and the personal data gone", async () => {
		const run = await submission({ operation: 'delete', submissionId: REJECTED, admin: ARGOS_ADMIN_EMAIL });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toEqual({ submissionId: REJECTED, message: 'success', content: `Submission ${REJECTED} deleted successfully.`, statusCode: 200 });
		expect(requests()).toEqual(['DELETE /v3/submission 200']);
		expect(queries()).toEqual([{ submission_id: REJECTED, admin_name: ARGOS_ADMIN_EMAIL }]);
		expect(emulator.deletions).toEqual([{ submissionId: REJECTED, admin: ARGOS_ADMIN_EMAIL }]);
		expect(emulator.submissions.get(REJECTED)).toMatchObject({ email: undefined, data: undefined, kyc: { result: 'rejected' } });
	});

	test("an unknown submission: Argos's 400 'not Exist Submission Data'", async () => {
		const run = await submission({ operation: 'delete', submissionId: 'nope', admin: ARGOS_ADMIN_EMAIL });
		expect(run.error?.message).toBe('Argos Identity refused the request (HTTP 400): not Exist Submission Data [item 0]');
		expect(emulator.deletions).toEqual([]);
	});

	test('an empty Submission ID is refused before sending', async () => {
		const run = await submission({ operation: 'delete', submissionId: ' ', admin: ARGOS_ADMIN_EMAIL });
		expect(run.error?.message).toBe('Submission ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});
