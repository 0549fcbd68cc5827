import { createDecipheriv, createHash } from 'node:crypto';

import { argosDecrypt, argosEncrypt, ARGOS_ADMIN_EMAIL, ARGOS_API_KEY, ARGOS_SEEDED_SUBMISSION_IDS, startArgosEmulator, type ArgosEmulator } from '../argos';

const [APPROVED, REJECTED, PENDING] = ARGOS_SEEDED_SUBMISSION_IDS;
let argos: ArgosEmulator;

beforeEach(async () => {
	argos = await startArgosEmulator();
});
afterEach(async () => await argos.close());

interface Answer {
	status: number;
	json: Record<string, unknown>;
}

async function call(method: string, path: string, body?: unknown, key: string | null = ARGOS_API_KEY): Promise<Answer> {
	const response = await fetch(`${argos.origin}/v3${path}`, {
		method,
		headers: { ...(key === null ? {} : { 'x-api-key': key }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

type Item = Record<string, unknown> & { submission_id: string };
const items = (answer: Answer) => answer.json.Items as Item[];
const ids = (answer: Answer) => items(answer).map((item) => item.submission_id);

describe('GET /v3/submission: one submission', () => {
	test('the seeded submissions carry their KYC results: approved, rejected with its codes, pending', async () => {
		const [approved] = items(await call('GET', `/submission?submission_id=${APPROVED}`));
		expect(approved).toMatchObject({
			submission_id: APPROVED,
			email: 'jane.doe@example.com',
			userid: 'user-1001',
			reviewer: 'system',
			kyc: { result: 'approved' },
		});
		expect(approved.created_at).toMatch(/^\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-\d{3}$/);
		const [rejected] = items(await call('GET', `/submission?submission_id=${REJECTED}`));
		expect(rejected.kyc).toEqual({ result: 'rejected', comment: [expect.any(String)], commentCode: ['too_many_retry'] });
		const [pending] = items(await call('GET', `/submission?submission_id=${PENDING}`));
		expect(pending).toMatchObject({ kyc: { result: 'pending' }, pending_at: expect.any(String) });
		expect(pending.kyc_result_at).toBeUndefined();
	});

	test.each([
		['kyc', ['submission_id', 'kyc']],
		['aml', ['submission_id', 'aml']],
		['data', ['submission_id', 'data']],
	])('request_type=%s answers that part and the id', async (requestType, keys) => {
		const [item] = items(await call('GET', `/submission?submission_id=${APPROVED}&request_type=${requestType}`));
		expect(Object.keys(item).sort()).toEqual([...keys].sort());
	});

	test('request_type=others answers everything but KYC, AML and personal data', async () => {
		const [item] = items(await call('GET', `/submission?submission_id=${APPROVED}&request_type=others`));
		expect(item).toMatchObject({ submission_id: APPROVED, email: 'jane.doe@example.com' });
		expect(item.kyc ?? item.aml ?? item.data).toBeUndefined();
	});

	test('an unknown request_type is a bad query', async () => {
		expect(await call('GET', `/submission?submission_id=${APPROVED}&request_type=everything`)).toEqual({
			status: 400,
			json: { message: 'Invalid Query String parameters' },
		});
	});

	test('a wrong key is refused before anything is read', async () => {
		expect(await call('GET', `/submission?submission_id=${APPROVED}`, undefined, 'wrong')).toEqual({ status: 403, json: { message: 'Forbidden' } });
	});
});

describe('GET /v3/submission: lists and their pages', () => {
	const addMany = (count: number, userid: string, day = '2025-06-01') =>
		Array.from({ length: count }, (_, index) =>
			argos.addSubmission(`${userid}-${String(index).padStart(3, '0')}`, {
				userid,
				email: `${userid}@example.com`,
				createdAt: `${day}-10-${String(Math.floor(index / 60)).padStart(2, '0')}-${String(index % 60).padStart(2, '0')}-000`,
			}),
		);

	test('by userid, 50 a page by default; nextpageKey until the last page, which has none', async () => {
		const added = addMany(120, 'paged');
		const seen: string[] = [];
		let query = '/submission?userid=paged';
		const sizes: number[] = [];
		for (let page = 0; page < 5; page++) {
			const answer = await call('GET', query);
			expect(answer.status).toBe(200);
			sizes.push(items(answer).length);
			seen.push(...ids(answer));
			const key = answer.json.nextpageKey as { id: string; created_at: string } | undefined;
			if (!key) break;
			expect(key).toEqual({ id: seen[seen.length - 1], created_at: argos.submissions.get(seen[seen.length - 1])!.createdAt });
			query = `/submission?userid=paged&nextpage_id=${encodeURIComponent(key.id)}&nextpage_date=${encodeURIComponent(key.created_at)}`;
		}
		expect(sizes).toEqual([50, 50, 20]);
		expect(seen).toEqual([...added].reverse());
	});

	test('count sets the page size; a page that ends the list exactly has no nextpageKey', async () => {
		addMany(6, 'counted');
		const first = await call('GET', '/submission?userid=counted&count=3');
		expect(items(first)).toHaveLength(3);
		const key = first.json.nextpageKey as { id: string; created_at: string };
		const second = await call('GET', `/submission?userid=counted&count=3&nextpage_id=${key.id}&nextpage_date=${key.created_at}`);
		expect(items(second)).toHaveLength(3);
		expect(second.json.nextpageKey).toBeUndefined();
	});

	test('by e-mail (any case), and by date range, inclusive', async () => {
		expect(ids(await call('GET', '/submission?email=John.Roe@example.com'))).toEqual([REJECTED]);
		expect(ids(await call('GET', '/submission?start_date=2025-03-04&end_date=2025-03-05'))).toEqual([PENDING, REJECTED]);
		expect(ids(await call('GET', '/submission?start_date=2025-03-05'))).toEqual([PENDING]);
		expect(ids(await call('GET', '/submission?userid=nobody'))).toEqual([]);
	});

	test.each([
		['a date not YYYY-MM-DD', 'start_date=20250304'],
		['count 0', 'count=0'],
		['count not a number', 'count=many'],
		['half a cursor', 'nextpage_id=abc'],
	])('%s is a bad query', async (_case, query) => {
		expect(await call('GET', `/submission?${query}`)).toEqual({ status: 400, json: { message: 'Invalid Query String parameters' } });
	});

	test('with Secure Data Transmission on, the answer is {"data": AES-256-ECB(sha256(API key)) base64}', async () => {
		argos.setSecureTransmission(true);
		const answer = await call('GET', `/submission?submission_id=${APPROVED}`);
		expect(Object.keys(answer.json)).toEqual(['data']);
		const decipher = createDecipheriv('aes-256-ecb', createHash('sha256').update(ARGOS_API_KEY).digest(), null);
		const plain = Buffer.concat([decipher.update(Buffer.from(String(answer.json.data), 'base64')), decipher.final()]).toString('utf8');
		expect(JSON.parse(plain)).toMatchObject({ Items: [{ submission_id: APPROVED }] });
	});
});

describe('PATCH /v3/submission', () => {
	const patch = async (body: unknown) => await call('PATCH', '/submission', body);
	const error = (errorCode: string, message: string) => ({ status: 400, json: { errorCode, message } });

	test('approves a pending submission: result, reviewer and dates change, and the update is counted', async () => {
		expect(await patch({ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, data: { kycStatus: 'approved' } })).toEqual({
			status: 200,
			json: { message: 'Data Processing Success.' },
		});
		const [item] = items(await call('GET', `/submission?submission_id=${PENDING}`));
		expect(item).toMatchObject({ kyc: { result: 'approved' }, reviewer: ARGOS_ADMIN_EMAIL, kyc_result_at: expect.any(String) });
		expect(argos.acceptedUpdates).toEqual([{ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, fields: ['kycStatus'] }]);
	});

	test('changes data fields', async () => {
		await patch({ submissionId: APPROVED, admin: ARGOS_ADMIN_EMAIL, data: { fullName: 'Jane Q. Doe', idType: 'passport' } });
		const [item] = items(await call('GET', `/submission?submission_id=${APPROVED}&request_type=data`));
		expect(item.data).toMatchObject({ full_name: 'Jane Q. Doe', idType: 'passport' });
	});

	test.each([
		['a body that is not JSON', 'nope', error('invalid_payload', 'data parsing error. please check input data.')],
		['no submissionId', { admin: ARGOS_ADMIN_EMAIL, data: { kycStatus: 'approved' } }, error('invalid_payload', 'submissionId is required.')],
		['no admin', { submissionId: PENDING, data: { kycStatus: 'approved' } }, error('invalid_payload', 'admin is required.')],
		['no data', { submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL }, error('invalid_payload', 'At least one property to modify is required.')],
		['empty data', { submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, data: {} }, error('invalid_payload', 'At least one property to modify is required.')],
		[
			'a kycStatus of pending',
			{ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, data: { kycStatus: 'pending' } },
			error('invalid_payload', 'data parsing error. please check input data.'),
		],
		[
			'an undocumented field',
			{ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, data: { shoeSize: '42' } },
			error('invalid_payload', 'data parsing error. please check input data.'),
		],
		[
			'an unknown submission',
			{ submissionId: 'nope', admin: ARGOS_ADMIN_EMAIL, data: { kycStatus: 'approved' } },
			error('processing_error', 'Data Processing Error.'),
		],
		[
			'an admin not on the dashboard',
			{ submissionId: PENDING, admin: 'x@example.com', data: { kycStatus: 'approved' } },
			error('processing_error', 'Data Processing Error.'),
		],
	])('refuses %s and changes nothing', async (_case, body, expected) => {
		expect(await patch(body)).toEqual(expected);
		expect(argos.submissions.get(PENDING)!.kyc?.result).toBe('pending');
		expect(argos.acceptedUpdates).toEqual([]);
	});
});

describe('DELETE /v3/submission', () => {
	test('removes personal data and images, keeps id, date, ID type and KYC status; counted', async () => {
		argos.submissions.get(APPROVED)!.images.selfieImage = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
		expect(await call('DELETE', `/submission?submission_id=${APPROVED}&admin_name=${ARGOS_ADMIN_EMAIL}`)).toEqual({
			status: 200,
			json: { message: 'success', content: `Submission ${APPROVED} deleted successfully.`, statusCode: 200 },
		});
		const [item] = items(await call('GET', `/submission?submission_id=${APPROVED}`));
		expect(item).toMatchObject({
			submission_id: APPROVED,
			created_at: '2025-03-03-09-15-00-000',
			kyc: { result: 'approved' },
			data: { idType: 'drivers_license' },
		});
		expect(item.email ?? item.userid ?? item.image ?? item.aml).toBeUndefined();
		expect(Object.keys(item.data as object)).toEqual(['idType']);
		expect((await fetch(`${argos.origin}/v3/image?submission_id=${APPROVED}&type=selfieImage`, { headers: { 'x-api-key': ARGOS_API_KEY } })).status).toBe(400);
		expect(argos.deletions).toEqual([{ submissionId: APPROVED, admin: ARGOS_ADMIN_EMAIL }]);
		expect((await call('DELETE', `/submission?submission_id=${APPROVED}`)).status).toBe(200);
	});

	test.each([
		['no submission_id', '', 'not Exist Submission ID'],
		['an unknown submission', '?submission_id=nope', 'not Exist Submission Data'],
	])('%s: 400 with its message', async (_case, query, message) => {
		expect(await call('DELETE', `/submission${query}`)).toEqual({ status: 400, json: { message, statusCode: 400 } });
		expect(argos.deletions).toEqual([]);
	});
});

describe('Secure Data Transmission on: encrypted both ways', () => {
	const patchBody = { submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, data: { kycStatus: 'approved' } };

	test('a plain PATCH is refused as not decryptable, and nothing changes', async () => {
		argos.setSecureTransmission(true);
		expect(await call('PATCH', '/submission', patchBody)).toEqual({
			status: 400,
			json: { errorCode: 'invalid_payload', message: 'Decryption is Failed. Please check the api-key.' },
		});
		expect(argos.acceptedUpdates).toEqual([]);
	});

	test.each(['aes256', 'gcm256'] as const)('%s: a PATCH in one encrypted body parameter is applied and answered encrypted', async (module) => {
		argos.setSecureTransmission(true, undefined, module);
		const answer = await call('PATCH', '/submission', { body: argosEncrypt(JSON.stringify(patchBody), ARGOS_API_KEY, module) });
		expect(answer.status).toBe(200);
		expect(JSON.parse(argosDecrypt(String(answer.json.data), ARGOS_API_KEY, module)!)).toEqual({ message: 'Data Processing Success.' });
		expect(argos.acceptedUpdates).toEqual([{ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, fields: ['kycStatus'] }]);
	});

	test('encrypted under the other module: refused', async () => {
		argos.setSecureTransmission(true, undefined, 'gcm256');
		expect((await call('PATCH', '/submission', { body: argosEncrypt(JSON.stringify(patchBody), ARGOS_API_KEY, 'aes256') })).json.message).toBe(
			'Decryption is Failed. Please check the api-key.',
		);
	});

	test('DELETE, not in the encrypted list, stays plain', async () => {
		argos.setSecureTransmission(true);
		expect((await call('DELETE', `/submission?submission_id=${REJECTED}`)).json).toMatchObject({ message: 'success' });
	});
});

describe('POST /v3/submission/review', () => {
	const review = async (body: unknown) => await call('POST', '/submission/review', body);
	const error = (errorCode: string, message: string) => ({ status: 400, json: { errorCode, message } });

	test('approves a pending submission and answers the final status', async () => {
		expect(await review({ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, status: 'approved' })).toEqual({
			status: 200,
			json: { submissionId: PENDING, message: 'Success to review submission.', finalStatus: 'approved' },
		});
		expect(argos.reviews).toEqual([{ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, status: 'approved', fields: [] }]);
	});

	test.each([
		['no admin', { submissionId: PENDING, status: 'approved' }, error('invalid_admin', 'admin is required.')],
		[
			'an admin not on the project',
			{ submissionId: PENDING, admin: 'x@example.com', status: 'approved' },
			error('invalid_admin', 'Access denied. The admin is not registered in the project.'),
		],
		['no submission id', { admin: ARGOS_ADMIN_EMAIL, status: 'approved' }, error('invalid_submission', 'Submission Id is required.')],
		['an unknown submission', { submissionId: 'nope', admin: ARGOS_ADMIN_EMAIL, status: 'approved' }, error('invalid_submission', 'Invalid Submission Id.')],
		[
			'a submission already approved',
			{ submissionId: APPROVED, admin: ARGOS_ADMIN_EMAIL, status: 'rejected', rejectComment: 'x' },
			error('invalid_submission', 'Only submissions in pending status can be reviewed'),
		],
		[
			'a status other than approved/rejected',
			{ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, status: 'pending' },
			error('invalid_parameter', 'Invalid status'),
		],
		[
			'updateFields not an object',
			{ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, status: 'approved', updateFields: 'fullName' },
			error('invalid_parameter', 'Invalid data format.'),
		],
		[
			'rejected without a comment',
			{ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, status: 'rejected' },
			error('invalid_parameter', 'Reject comment is required'),
		],
	])('%s: 400', async (_case, body, expected) => {
		expect(await review(body)).toEqual(expected);
		expect(argos.reviews).toEqual([]);
	});
});
