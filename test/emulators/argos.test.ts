import MultipartForm from 'form-data';

import { ARGOS_ADMIN_EMAIL, ARGOS_API_KEY, ARGOS_MAX_REQUEST_BYTES, ARGOS_SEEDED_SUBMISSION_IDS, startArgosEmulator, type ArgosEmulator } from './argos';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF emulator jpeg!')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR emulator png')]);
const GIF = Buffer.from('GIF89a emulator gif');
const SUBMISSION = ARGOS_SEEDED_SUBMISSION_IDS[0];

type Fields = Record<string, string | undefined>;

interface Answer {
	status: number;
	json: Record<string, unknown>;
}

let argos: ArgosEmulator;

beforeEach(async () => {
	argos = await startArgosEmulator();
});

afterEach(async () => {
	await argos.close();
});

const base64 = (bytes: Buffer) => bytes.toString('base64');

/** A valid request for one selfie; tests override or drop (undefined) fields. */
const selfieFields = (overrides: Fields = {}): Fields => ({
	submissionId: SUBMISSION,
	admin: ARGOS_ADMIN_EMAIL,
	selfieImage: base64(JPEG),
	...overrides,
});

function buildForm(fields: Fields): MultipartForm {
	const form = new MultipartForm();
	for (const [name, value] of Object.entries(fields)) {
		if (value !== undefined) form.append(name, value);
	}
	return form;
}

async function send(
	method: string,
	path: string,
	init: { body?: Buffer | string; headers?: Record<string, string>; key?: string | null } = {},
): Promise<Response> {
	const key = init.key === undefined ? ARGOS_API_KEY : init.key;
	return await fetch(`${argos.origin}${path}`, {
		method,
		body: init.body,
		headers: { ...(key === null ? {} : { 'x-api-key': key }), ...init.headers },
	});
}

async function sendForm(form: MultipartForm, key?: string | null): Promise<Answer> {
	const response = await send('PUT', '/v3/submission/image', {
		body: form.getBuffer(),
		headers: form.getHeaders() as Record<string, string>,
		key,
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const putImage = async (fields: Fields, key?: string | null) => await sendForm(buildForm(fields), key);

const argosError = (errorCode: string, message: string): Answer => ({ status: 400, json: { errorCode, message } });
const COMPLETE: Answer = { status: 200, json: { message: 'complete to update image.' } };
const MISSING_DATA = argosError('missing_data', 'Required input data is missing.');
const MISSING_ID_TYPE = argosError('missing_data', 'The idType is required when submit idImage or idBackImage.');
const NO_IMAGE = argosError('invalid_data', 'At least one image parameter is required.');
const INVALID_ID_TYPE = argosError('invalid_idType', 'Invalid IdType.');
const INVALID_ADMIN = argosError('invalid_admin', 'Invalid admin.');
const INVALID_SUBMISSION = argosError('invalid_submission', 'Invalid submission.');
const PROCESSING_ERROR = argosError('processing_error', 'Failed to put image.');
const INVALID_PAYLOAD = argosError('invalid_payload', 'Fail to parse the input data.');

describe('PUT /v3/submission/image: accepted uploads', () => {
	it('stores one image and answers 200', async () => {
		expect(await putImage(selfieFields())).toEqual(COMPLETE);
		expect(argos.submissions.get(SUBMISSION)?.images).toEqual({ selfieImage: JPEG });
		expect(argos.acceptedUploads).toEqual([{ submissionId: SUBMISSION, slots: ['selfieImage'] }]);
	});

	it('stores all four slots byte for byte, in the order sent', async () => {
		const fields = {
			submissionId: SUBMISSION,
			admin: ARGOS_ADMIN_EMAIL,
			idType: 'passport',
			addressImage: base64(PNG),
			idImage: base64(JPEG),
			idBackImage: base64(PNG),
			selfieImage: base64(JPEG),
		};
		expect(await putImage(fields)).toEqual(COMPLETE);
		const { images, idType, admin } = argos.submissions.get(SUBMISSION) ?? { images: {} };
		expect(images).toEqual({ idImage: JPEG, idBackImage: PNG, selfieImage: JPEG, addressImage: PNG });
		expect({ idType, admin }).toEqual({ idType: 'passport', admin: ARGOS_ADMIN_EMAIL });
		expect(argos.acceptedUploads).toEqual([{ submissionId: SUBMISSION, slots: ['addressImage', 'idImage', 'idBackImage', 'selfieImage'] }]);
	});

	it('overwrites a slot on a second upload and keeps the other slots', async () => {
		await putImage(selfieFields());
		await putImage(selfieFields({ selfieImage: undefined, idType: 'visa', idImage: base64(JPEG) }));
		expect(await putImage(selfieFields({ selfieImage: undefined, idType: 'visa', idImage: base64(PNG) }))).toEqual(COMPLETE);
		expect(argos.submissions.get(SUBMISSION)?.images).toEqual({ selfieImage: JPEG, idImage: PNG });
		expect(argos.acceptedUploads.map((upload) => upload.slots)).toEqual([['selfieImage'], ['idImage'], ['idImage']]);
	});

	it('accepts base64 wrapped over several lines', async () => {
		const wrapped = base64(Buffer.concat([JPEG, Buffer.alloc(200, 7)])).replace(/.{76}/g, '$&\r\n');
		expect(await putImage(selfieFields({ selfieImage: wrapped }))).toEqual(COMPLETE);
	});

	it('accepts an upload to a submission created by addSubmission', async () => {
		const id = argos.addSubmission();
		expect(argos.addSubmission('custom-id')).toBe('custom-id');
		expect(await putImage(selfieFields({ submissionId: id }))).toEqual(COMPLETE);
		expect(await putImage(selfieFields({ submissionId: 'custom-id' }))).toEqual(COMPLETE);
		expect(argos.submissions.get(id)?.images.selfieImage).toEqual(JPEG);
	});
});

describe('PUT /v3/submission/image: refusals', () => {
	const idFields = (overrides: Fields = {}) => selfieFields({ selfieImage: undefined, idImage: base64(JPEG), idType: 'passport', ...overrides });

	it.each<[string, Fields, Answer]>([
		['no submissionId', selfieFields({ submissionId: undefined }), MISSING_DATA],
		['an empty submissionId', selfieFields({ submissionId: '' }), MISSING_DATA],
		['no admin', selfieFields({ admin: undefined }), MISSING_DATA],
		['no image', selfieFields({ selfieImage: undefined }), NO_IMAGE],
		['only empty image fields', selfieFields({ selfieImage: '', addressImage: '' }), NO_IMAGE],
		['idImage without idType', idFields({ idType: undefined }), MISSING_ID_TYPE],
		['idBackImage without idType', selfieFields({ idBackImage: base64(PNG) }), MISSING_ID_TYPE],
		['an undocumented idType', idFields({ idType: 'library_card' }), INVALID_ID_TYPE],
		['an undocumented idType with a selfie only', selfieFields({ idType: 'PASSPORT' }), INVALID_ID_TYPE],
		['an unknown admin', selfieFields({ admin: 'someone@example.com' }), INVALID_ADMIN],
		['an unknown submission', selfieFields({ submissionId: 'no-such-submission' }), INVALID_SUBMISSION],
		['text that is not base64', selfieFields({ selfieImage: 'not an image!' }), PROCESSING_ERROR],
		['base64 of a GIF', selfieFields({ selfieImage: base64(GIF) }), PROCESSING_ERROR],
		['unpadded base64', selfieFields({ selfieImage: base64(JPEG).replace(/=+$/, '') }), PROCESSING_ERROR],
		['a data: URL', selfieFields({ selfieImage: `data:image/jpeg;base64,${base64(JPEG)}` }), PROCESSING_ERROR],
		['one good and one bad image', selfieFields({ addressImage: base64(GIF) }), PROCESSING_ERROR],
		// Order: each request below is wrong in two ways and answers the earlier check.
		['no admin and no image', selfieFields({ admin: undefined, selfieImage: undefined }), MISSING_DATA],
		['an unknown admin and no image', selfieFields({ admin: 'x@example.com', selfieImage: undefined }), NO_IMAGE],
		['no idType and an unknown admin', idFields({ idType: undefined, admin: 'x@example.com' }), MISSING_ID_TYPE],
		['a bad idType and an unknown admin', idFields({ idType: 'card', admin: 'x@example.com' }), INVALID_ID_TYPE],
		['an unknown admin and submission', selfieFields({ admin: 'x@example.com', submissionId: 'nope' }), INVALID_ADMIN],
		['an unknown submission and a bad image', selfieFields({ submissionId: 'nope', selfieImage: 'zz' }), INVALID_SUBMISSION],
	])('refuses %s', async (_case, fields, expected) => {
		expect(await putImage(fields)).toEqual(expected);
		expect(argos.submissions.get(SUBMISSION)?.images).toEqual({});
		expect(argos.acceptedUploads).toEqual([]);
	});

	it('refuses a JSON body with invalid_payload', async () => {
		const response = await send('PUT', '/v3/submission/image', {
			body: JSON.stringify(selfieFields()),
			headers: { 'content-type': 'application/json' },
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual(INVALID_PAYLOAD.json);
	});

	it('refuses a truncated multipart body with invalid_payload', async () => {
		const form = buildForm(selfieFields());
		const body = form.getBuffer();
		const response = await send('PUT', '/v3/submission/image', {
			body: body.subarray(0, body.length - 40),
			headers: form.getHeaders() as Record<string, string>,
		});
		expect({ status: response.status, json: await response.json() }).toEqual(INVALID_PAYLOAD);
	});

	it('refuses multipart without a boundary with invalid_payload', async () => {
		const response = await send('PUT', '/v3/submission/image', {
			body: buildForm(selfieFields()).getBuffer(),
			headers: { 'content-type': 'multipart/form-data' },
		});
		expect({ status: response.status, json: await response.json() }).toEqual(INVALID_PAYLOAD);
	});
});

describe('PUT /v3/submission/image: file parts are not read', () => {
	it('treats an image sent as a file part as not provided', async () => {
		const form = buildForm(selfieFields({ selfieImage: undefined }));
		form.append('selfieImage', JPEG, { filename: 'selfie.jpg', contentType: 'image/jpeg' });
		expect(await sendForm(form)).toEqual(NO_IMAGE);
	});

	it('stores the text fields and skips a file part beside them', async () => {
		const form = buildForm(selfieFields());
		form.append('idImage', JPEG, { filename: 'id.jpg', contentType: 'image/jpeg' });
		expect(await sendForm(form)).toEqual(COMPLETE);
		expect(argos.submissions.get(SUBMISSION)?.images).toEqual({ selfieImage: JPEG });
	});

	it('ignores base64 text sent as a file part too', async () => {
		const form = buildForm(selfieFields({ selfieImage: undefined }));
		form.append('selfieImage', Buffer.from(base64(JPEG)), { filename: 'selfie.txt', contentType: 'text/plain' });
		expect(await sendForm(form)).toEqual(NO_IMAGE);
	});

	it('treats a submissionId sent as a file part as missing', async () => {
		const form = buildForm(selfieFields({ submissionId: undefined }));
		form.append('submissionId', Buffer.from(SUBMISSION), { filename: 'id.txt' });
		expect(await sendForm(form)).toEqual(MISSING_DATA);
	});
});

describe('gateway: key, size and throttling', () => {
	it.each([
		['a missing key', null],
		['a wrong key', 'argos_wrong_key'],
		['an empty key', ''],
	])('answers 403 Forbidden to %s, before reading the body', async (_case, key) => {
		expect(await putImage({ admin: 'nobody' }, key)).toEqual({ status: 403, json: { message: 'Forbidden' } });
		const response = await send('GET', `/v3/submission?submission_id=${SUBMISSION}`, { key });
		expect(response.status).toBe(403);
		expect(await response.json()).toEqual({ message: 'Forbidden' });
	});

	it('answers 413 to a body over the limit, before the key is checked', async () => {
		const oversized = 'A'.repeat(ARGOS_MAX_REQUEST_BYTES);
		const tooLarge = { status: 413, json: { message: 'Request Entity Too Large' } };
		expect(await putImage(selfieFields({ selfieImage: oversized }))).toEqual(tooLarge);
		expect(await putImage(selfieFields({ selfieImage: oversized }), 'argos_wrong_key')).toEqual(tooLarge);
		expect(argos.received.map((request) => request.status)).toEqual([413, 413]);
		expect(argos.acceptedUploads).toEqual([]);
	});

	it('accepts an image whose request fits just under the limit', async () => {
		const image = Buffer.concat([JPEG, Buffer.alloc(4_400_000, 1)]);
		expect(await putImage(selfieFields({ selfieImage: base64(image) }))).toEqual(COMPLETE);
		expect(argos.submissions.get(SUBMISSION)?.images.selfieImage?.equals(image)).toBe(true);
	});

	it('answers 429 to the next n authenticated requests, then serves again', async () => {
		argos.throttleNext(2);
		const throttled = { status: 429, json: { message: 'Too Many Requests' } };
		expect(await putImage(selfieFields(), 'argos_wrong_key')).toEqual({ status: 403, json: { message: 'Forbidden' } });
		expect(await putImage(selfieFields())).toEqual(throttled);
		expect(await putImage(selfieFields())).toEqual(throttled);
		expect(await putImage(selfieFields())).toEqual(COMPLETE);
		expect(argos.received.map((request) => request.status)).toEqual([403, 429, 429, 200]);
		expect(argos.acceptedUploads).toHaveLength(1);
	});

	it.each([
		['a wrong method on a known path', 'POST', '/v3/submission/image'],
		['an unknown path', 'GET', '/v3/submissions'],
		['a path outside /v3', 'PUT', '/submission/image'],
	])('answers 403 Missing Authentication Token to %s, as API Gateway does', async (_case, method, path) => {
		for (const key of [ARGOS_API_KEY, null]) {
			const response = await send(method, path, { key });
			expect(response.status).toBe(403);
			expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
		}
	});
});

describe('GET /v3/image', () => {
	beforeEach(async () => {
		await putImage(selfieFields({ idType: 'drivers_license', idImage: base64(PNG) }));
	});

	it.each([
		['selfieImage', JPEG, 'image/jpeg'],
		['idImage', PNG, 'image/png'],
	])('answers the stored %s bytes with their content type', async (slot, bytes, contentType) => {
		const response = await send('GET', `/v3/image?submission_id=${SUBMISSION}&type=${slot}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(contentType);
		expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
	});

	it.each<[string, string, Answer]>([
		['an unknown slot', `submission_id=${SUBMISSION}&type=passportImage`, argosError('invalid_data', 'Invalid image type.')],
		['an empty slot', `submission_id=${SUBMISSION}&type=addressImage`, INVALID_SUBMISSION],
		['an unknown submission', 'submission_id=nope&type=selfieImage', INVALID_SUBMISSION],
		['no submission_id', 'type=selfieImage', MISSING_DATA],
	])('refuses %s', async (_case, query, expected) => {
		const response = await send('GET', `/v3/image?${query}`);
		expect({ status: response.status, json: await response.json() }).toEqual(expected);
	});
});

describe('GET /v3/submission (more in argos/submissions.test.ts)', () => {
	it('describes a submission and the slots it holds, without the bytes', async () => {
		await putImage(selfieFields({ idType: 'passport', idImage: base64(PNG) }));
		const response = await send('GET', `/v3/submission?submission_id=${SUBMISSION}`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({
			Items: [
				expect.objectContaining({
					submission_id: SUBMISSION,
					data: expect.objectContaining({ idType: 'passport' }),
					image: { selfieImage: `${SUBMISSION}/selfieImage`, idImage: `${SUBMISSION}/idImage` },
				}),
			],
		});
	});

	it('answers no Items for an unknown id', async () => {
		const response = await send('GET', '/v3/submission?submission_id=nope');
		expect(await response.json()).toEqual({ Items: [] });
	});

	it('lists every submission without an id, newest first', async () => {
		const response = await send('GET', '/v3/submission');
		const { Items } = (await response.json()) as { Items: Array<{ submission_id: string }> };
		expect(Items.map((item) => item.submission_id)).toEqual([...ARGOS_SEEDED_SUBMISSION_IDS].reverse());
	});
});

describe('POST /v3/submission/migration', () => {
	const migrate = async (body: string) => await send('POST', '/v3/submission/migration', { body, headers: { 'content-type': 'application/json' } });

	it('creates a new submission on every call, ready for images', async () => {
		const first = (await (await migrate('{"email":"jane@example.com"}')).json()) as { submission_id: string };
		const second = (await (await migrate('{"email":"jane@example.com"}')).json()) as { submission_id: string };
		expect(first.submission_id).not.toEqual(second.submission_id);
		expect(argos.submissions.has(first.submission_id) && argos.submissions.has(second.submission_id)).toBe(true);
		expect(await putImage(selfieFields({ submissionId: first.submission_id }))).toEqual(COMPLETE);
		const described = await send('GET', `/v3/submission?submission_id=${first.submission_id}`);
		expect(await described.json()).toEqual({
			Items: [expect.objectContaining({ submission_id: first.submission_id, email: 'jane@example.com' })],
		});
	});

	it.each(['not json', '', '[1,2]'])('refuses the body %j with invalid_payload', async (body) => {
		const response = await migrate(body);
		expect({ status: response.status, json: await response.json() }).toEqual(INVALID_PAYLOAD);
		expect(argos.submissions.size).toBe(ARGOS_SEEDED_SUBMISSION_IDS.length);
	});
});

describe('the running emulator', () => {
	it('exposes its base URL and key, and records each request with its status', async () => {
		expect(argos.baseUrl).toBe(`${argos.origin}/v3`);
		expect(argos.apiKey).toBe(ARGOS_API_KEY);
		await putImage(selfieFields());
		await putImage(selfieFields({ admin: 'x@example.com' }));
		expect(argos.received.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
			{ method: 'PUT', path: '/v3/submission/image', status: 200 },
			{ method: 'PUT', path: '/v3/submission/image', status: 400 },
		]);
	});

	it('starts each instance with its own state', async () => {
		const other = await startArgosEmulator();
		try {
			await putImage(selfieFields());
			expect(other.submissions.get(SUBMISSION)?.images).toEqual({});
		} finally {
			await other.close();
		}
	});
});
