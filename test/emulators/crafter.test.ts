import MultipartForm from 'form-data';

import {
	CRAFTER_ACCESS_TOKEN,
	CRAFTER_EXPIRED_TOKEN,
	CRAFTER_MAX_ATTACHMENT_BYTES,
	CRAFTER_READONLY_TOKEN,
	CRAFTER_SEEDED_PROFILE_IDS,
	startCrafterEmulator,
	type CrafterEmulator,
} from './crafter';

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF emulator jpeg')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR emulator png')]);
const PDF = Buffer.from('%PDF-1.7 emulator pdf');
const PROFILE = CRAFTER_SEEDED_PROFILE_IDS[0];
const OTHER_PROFILE = CRAFTER_SEEDED_PROFILE_IDS[1];
const UNKNOWN_PROFILE = 'ffffffffffffffffffffffff';
const OBJECT_ID = /^[0-9a-f]{24}$/;

interface UploadOptions {
	profileId?: string;
	fileName?: string;
	/** null sends no attachment part at all. */
	data?: Buffer | null;
	/** Token in the query string; null sends none there. */
	token?: string | null;
	/** Token as a multipart form field. */
	formToken?: string;
	/** The optional "filename" text field. */
	filenameField?: string;
	/** Appended to the uploadAttachment path, e.g. ".json". */
	suffix?: string;
}

let crafter: CrafterEmulator;

beforeEach(async () => {
	crafter = await startCrafterEmulator();
});

afterEach(async () => {
	await crafter.close();
});

const apiUrl = (path: string) => new URL(`${crafter.baseUrl}/api/1/profile${path}`);

function uploadForm(options: UploadOptions): MultipartForm {
	const form = new MultipartForm();
	if (options.formToken !== undefined) form.append('accessTokenId', options.formToken);
	if (options.filenameField !== undefined) form.append('filename', options.filenameField);
	if (options.data !== null) {
		form.append('attachment', options.data ?? JPEG, {
			filename: options.fileName ?? 'passport.jpg',
			contentType: 'application/octet-stream',
		});
	}
	return form;
}

async function upload(options: UploadOptions = {}): Promise<Response> {
	const url = apiUrl(`/${options.profileId ?? PROFILE}/uploadAttachment${options.suffix ?? ''}`);
	const token = options.token === undefined ? CRAFTER_ACCESS_TOKEN : options.token;
	if (token !== null) url.searchParams.set('accessTokenId', token);
	const form = uploadForm(options);
	return await fetch(url, { method: 'POST', body: form.getBuffer(), headers: form.getHeaders() });
}

/** GET below /api/1/profile with the full token unless query.accessTokenId says otherwise (null: none). */
async function get(path: string, query: Record<string, string | null> = {}): Promise<Response> {
	const url = apiUrl(path);
	const params: Record<string, string | null> = { accessTokenId: CRAFTER_ACCESS_TOKEN, ...query };
	for (const [name, value] of Object.entries(params)) if (value !== null) url.searchParams.set(name, value);
	return await fetch(url);
}

async function expectError(response: Response, status: number, errorCode: string, message: string) {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toMatch(/^application\/json/);
	expect(await response.json()).toEqual({ errorCode, message });
}

async function expectContainerError(response: Response, status: number) {
	expect(response.status).toBe(status);
	expect(response.headers.get('content-type')).toMatch(/^text\/html/);
	expect(await response.text()).toContain(`HTTP Status ${status}`);
}

async function uploadedId(options: UploadOptions): Promise<string> {
	const response = await upload(options);
	expect(response.status).toBe(200);
	return ((await response.json()) as { id: string }).id;
}

describe('seeded state', () => {
	it('exposes the base URL, token and seeded profiles', () => {
		expect(crafter.baseUrl).toBe(`${crafter.origin}/crafter-profile`);
		expect(crafter.accessToken).toBe(CRAFTER_ACCESS_TOKEN);
		expect(CRAFTER_MAX_ATTACHMENT_BYTES).toBe(5_242_880);
		for (const id of CRAFTER_SEEDED_PROFILE_IDS) {
			expect(id).toMatch(OBJECT_ID);
			expect(crafter.profiles.get(id)?.size).toBe(0);
		}
	});

	it('adds profiles with a given or random 24-hex id, keeping existing ones', async () => {
		const random = crafter.addProfile();
		expect(random).toMatch(OBJECT_ID);
		expect(crafter.addProfile('0123456789ABCDEF01234567')).toBe('0123456789abcdef01234567');
		expect(() => crafter.addProfile('not-an-id')).toThrow();
		expect((await upload({ profileId: random })).status).toBe(200);
		crafter.addProfile(random);
		expect(crafter.profiles.get(random)?.size).toBe(1);
	});
});

describe('upload, details and download', () => {
	it('round-trips the exact bytes', async () => {
		const response = await upload({ fileName: 'passport.jpg', data: JPEG });
		expect(response.status).toBe(200);
		const body = (await response.json()) as Record<string, unknown>;
		expect(body).toEqual({
			md5: null,
			contentType: 'image/jpeg',
			fileSize: `${JPEG.length} B`,
			fileName: 'passport',
			fileSizeBytes: JPEG.length,
			id: expect.stringMatching(OBJECT_ID),
		});
		expect(Object.keys(body)).toEqual(['md5', 'contentType', 'fileSize', 'fileName', 'fileSizeBytes', 'id']);

		const details = await get(`/${PROFILE}/attachment/passport/details`);
		expect(details.status).toBe(200);
		expect(await details.json()).toEqual(body);

		const download = await get(`/${PROFILE}/attachment/passport`);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBe('image/jpeg');
		expect(Buffer.from(await download.arrayBuffer()).equals(JPEG)).toBe(true);

		expect(crafter.acceptedUploads).toEqual([{ profileId: PROFILE, fileName: 'passport.jpg', bytes: JPEG.length }]);
		expect(crafter.profiles.get(PROFILE)?.get('passport')).toMatchObject({
			id: body.id,
			baseName: 'passport',
			fileName: 'passport.jpg',
			contentType: 'image/jpeg',
			data: JPEG,
		});
	});

	it('accepts a .json suffix, and binds names without their extension', async () => {
		expect((await upload({ suffix: '.json', fileName: 'selfie.png', data: PNG })).status).toBe(200);
		const details = await get(`/${PROFILE}/attachment/selfie/details.json`);
		expect(await details.json()).toMatchObject({ fileName: 'selfie', contentType: 'image/png' });
		for (const name of ['selfie.png', 'selfie.json', 'selfie']) {
			const download = await get(`/${PROFILE}/attachment/${name}`);
			expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
		}
	});

	it('accepts a trailing slash on the upload path', async () => {
		expect((await upload({ suffix: '/' })).status).toBe(200);
	});

	it('finds a profile by its id in upper case', async () => {
		expect((await upload({ profileId: PROFILE.toUpperCase() })).status).toBe(200);
		expect(crafter.profiles.get(PROFILE)?.has('passport')).toBe(true);
	});

	it('answers 200 with an empty object and an empty body for an unknown attachment name', async () => {
		const details = await get(`/${PROFILE}/attachment/missing/details`);
		expect(details.status).toBe(200);
		expect(await details.json()).toEqual({
			md5: null,
			contentType: null,
			fileSize: null,
			fileName: null,
			fileSizeBytes: 0,
			id: null,
		});
		const download = await get(`/${PROFILE}/attachment/missing`);
		expect(download.status).toBe(200);
		expect(download.headers.get('content-type')).toBeNull();
		expect((await download.arrayBuffer()).byteLength).toBe(0);
	});
});

describe('access token', () => {
	it('is read from the query string or from a multipart form field', async () => {
		expect((await upload({ token: CRAFTER_ACCESS_TOKEN })).status).toBe(200);
		expect((await upload({ token: null, formToken: CRAFTER_ACCESS_TOKEN, fileName: 'b.jpg' })).status).toBe(200);
	});

	it('prefers the multipart form field over the query string, as Spring does', async () => {
		expect((await upload({ token: 'wrong', formToken: CRAFTER_ACCESS_TOKEN })).status).toBe(200);
		await expectError(await upload({ token: CRAFTER_ACCESS_TOKEN, formToken: 'wrong' }), 403, 'ACCESS_DENIED', 'No access token found for ID "wrong"');
	});

	it('answers 403 ACCESS_DENIED when missing or empty', async () => {
		const missing = 'Access token ID param missing from request';
		await expectError(await upload({ token: null }), 403, 'ACCESS_DENIED', missing);
		await expectError(await upload({ token: '' }), 403, 'ACCESS_DENIED', missing);
		await expectError(await get(`/${PROFILE}/attachment/a`, { accessTokenId: null }), 403, 'ACCESS_DENIED', missing);
	});

	it('answers 403 ACCESS_DENIED for an unknown token', async () => {
		await expectError(await upload({ token: 'nope' }), 403, 'ACCESS_DENIED', 'No access token found for ID "nope"');
	});

	it('answers 403 ACCESS_DENIED with the expiry for an expired token', async () => {
		await expectError(
			await upload({ token: CRAFTER_EXPIRED_TOKEN }),
			403,
			'ACCESS_DENIED',
			`Access token "${CRAFTER_EXPIRED_TOKEN}" for application "legacy-portal" expired on 01/01/2024`,
		);
	});

	it('checks the token before the profile id', async () => {
		await expectError(await upload({ profileId: 'bad', token: 'nope' }), 403, 'ACCESS_DENIED', expect.any(String));
	});

	it('answers 403 ACTION_DENIED without MANAGE_PROFILES, for uploads and reads alike', async () => {
		const message = 'Current subject does not have permission to execute action "MANAGE_PROFILES" on tenant "default"';
		await expectError(await upload({ token: CRAFTER_READONLY_TOKEN }), 403, 'ACTION_DENIED', message);
		const readonly = { accessTokenId: CRAFTER_READONLY_TOKEN };
		await expectError(await get(`/${PROFILE}/attachment/a/details`, readonly), 403, 'ACTION_DENIED', message);
		await expectError(await get(`/${PROFILE}/attachment/a`, readonly), 403, 'ACTION_DENIED', message);
		await expectError(await get(`/${PROFILE}/attachments/`, { ...readonly, profileId: PROFILE }), 403, 'ACTION_DENIED', message);
		expect(crafter.acceptedUploads).toHaveLength(0);
	});

	it('looks the profile up before checking MANAGE_PROFILES', async () => {
		const readonly = { token: CRAFTER_READONLY_TOKEN };
		await expectError(await upload({ ...readonly, profileId: 'bad' }), 500, 'OTHER', expect.any(String));
		await expectError(await upload({ ...readonly, profileId: UNKNOWN_PROFILE }), 404, 'NO_SUCH_PROFILE', expect.any(String));
	});
});

describe('profile id', () => {
	it.each(['bad', '12345', `${PROFILE}0`, 'zzzzzzzzzzzzzzzzzzzzzzzz'])('answers 500 OTHER for "%s"', async (id) => {
		const message = `Error occurred while trying to get profile "${id}"`;
		await expectError(await upload({ profileId: id }), 500, 'OTHER', message);
	});

	it('answers 404 NO_SUCH_PROFILE for an unknown profile, on every endpoint', async () => {
		const message = `No profile with ID "${UNKNOWN_PROFILE}" found`;
		await expectError(await upload({ profileId: UNKNOWN_PROFILE }), 404, 'NO_SUCH_PROFILE', message);
		await expectError(await get(`/${UNKNOWN_PROFILE}/attachment/a/details`), 404, 'NO_SUCH_PROFILE', message);
		await expectError(await get(`/${UNKNOWN_PROFILE}/attachment/a`), 404, 'NO_SUCH_PROFILE', message);
	});
});

describe('file types', () => {
	it.each([
		['a.jpg', 'image/jpeg'],
		['a.jpeg', 'image/jpeg'],
		['a.jpe', 'image/jpeg'],
		['a.JPG', 'image/jpeg'],
		['a.png', 'image/png'],
		['a.PNG', 'image/png'],
		['a.gif', 'image/gif'],
		['a.GIF', 'image/gif'],
		['a.bmp', 'image/bmp'],
		['a.tif', 'image/tiff'],
		['a.tiff', 'image/tiff'],
		['a.svg', 'image/svg+xml'],
		['a.svgz', 'image/svg+xml'],
	])('accepts %s as %s', async (fileName, contentType) => {
		const response = await upload({ fileName });
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ contentType, fileName: 'a' });
	});

	it.each([
		['selfie.JPEG', 'application/octet-stream'],
		['selfie.Png', 'application/octet-stream'],
		['selfie.pdf', 'application/pdf'],
		['selfie.webp', 'image/webp'],
		['selfie.heic', 'image/heic'],
		['selfie', 'application/octet-stream'],
		['selfie.', 'application/octet-stream'],
	])('refuses %s (%s) with 500 OTHER', async (fileName, contentType) => {
		await expectError(await upload({ fileName }), 500, 'OTHER', `File ${fileName} if of content Type ${contentType} which is not allowed`);
		expect(crafter.acceptedUploads).toHaveLength(0);
		expect(crafter.profiles.get(PROFILE)?.size).toBe(0);
	});

	it('never looks at the bytes', async () => {
		const pngAsJpeg = await upload({ fileName: 'disguised.jpg', data: PNG });
		expect(await pngAsJpeg.json()).toMatchObject({ contentType: 'image/jpeg' });
		const download = await get(`/${PROFILE}/attachment/disguised`);
		expect(download.headers.get('content-type')).toBe('image/jpeg');
		expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);

		const pdfAsPng = await upload({ fileName: 'document.png', data: PDF });
		expect(await pdfAsPng.json()).toMatchObject({ contentType: 'image/png', fileSizeBytes: PDF.length });
	});

	it('lets the "filename" field override the part name, type included', async () => {
		const renamed = await upload({ fileName: 'scan.pdf', data: PNG, filenameField: 'id-front.png' });
		expect(await renamed.json()).toMatchObject({ fileName: 'id-front', contentType: 'image/png' });
		expect(crafter.acceptedUploads.at(-1)?.fileName).toBe('id-front.png');

		await expectError(
			await upload({ fileName: 'ok.jpg', filenameField: 'ok.webp' }),
			500,
			'OTHER',
			'File ok.webp if of content Type image/webp which is not allowed',
		);

		const blank = await upload({ fileName: 'kept.jpg', filenameField: '   ' });
		expect(await blank.json()).toMatchObject({ fileName: 'kept' });
	});

	it('drops a client path from the part file name', async () => {
		const response = await upload({ fileName: 'C:\\Users\\me\\licence.jpg' });
		expect(await response.json()).toMatchObject({ fileName: 'licence' });
		expect(crafter.profiles.get(PROFILE)?.has('licence')).toBe(true);
	});
});

describe('attachment identity', () => {
	it('replaces an attachment with the same base name and keeps its id', async () => {
		const first = await uploadedId({ fileName: 'document.jpg', data: JPEG });
		const second = await upload({ fileName: 'document.png', data: PNG });
		expect(await second.json()).toMatchObject({ id: first, contentType: 'image/png', fileSizeBytes: PNG.length });
		expect(crafter.profiles.get(PROFILE)?.size).toBe(1);

		const download = await get(`/${PROFILE}/attachment/document`);
		expect(download.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
		expect(crafter.acceptedUploads.map(({ fileName }) => fileName)).toEqual(['document.jpg', 'document.png']);
	});

	it('gives a new base name a new id, per profile', async () => {
		const front = await uploadedId({ fileName: 'front.jpg' });
		const back = await uploadedId({ fileName: 'back.jpg' });
		const otherFront = await uploadedId({ profileId: OTHER_PROFILE, fileName: 'front.jpg' });
		expect(new Set([front, back, otherFront]).size).toBe(3);
	});
});

describe('size limit', () => {
	it('accepts a file whose whole request stays within 5 MiB', async () => {
		const data = Buffer.alloc(CRAFTER_MAX_ATTACHMENT_BYTES - 1024, 7);
		const response = await upload({ data });
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ fileSize: '5 MB', fileSizeBytes: data.length });
	});

	it('refuses a 5 MiB file (the limit counts the whole multipart request) with Tomcat 500', async () => {
		await expectContainerError(await upload({ data: Buffer.alloc(CRAFTER_MAX_ATTACHMENT_BYTES, 7) }), 500);
		expect(crafter.acceptedUploads).toHaveLength(0);
	});

	it('checks the size before the token and the profile', async () => {
		const data = Buffer.alloc(CRAFTER_MAX_ATTACHMENT_BYTES + 1);
		await expectContainerError(await upload({ data, token: null, profileId: 'bad' }), 500);
	});
});

describe('fileSize', () => {
	it.each([
		[0, '0'],
		[1, '1 B'],
		[512, '512 B'],
		[1000, '1,000 B'],
		[1023, '1,023 B'],
		[1024, '1 KB'],
		[1280, '1.2 KB'],
		[1331, '1.3 KB'],
		[1536, '1.5 KB'],
		[3840, '3.8 KB'],
		[23_142, '22.6 KB'],
		[1_048_576, '1 MB'],
		[1_572_864, '1.5 MB'],
	])('formats %i bytes as "%s"', async (bytes, fileSize) => {
		const response = await upload({ data: Buffer.alloc(bytes, 1) });
		expect(await response.json()).toMatchObject({ fileSize, fileSizeBytes: bytes });
	});
});

describe('attachment list', () => {
	it('answers 500 OTHER without the profileId parameter (server bug)', async () => {
		await expectError(await get(`/${PROFILE}/attachments/`), 500, 'OTHER', 'Error occurred while trying to get profile "null"');
	});

	it('lists with ?profileId, in storage order, ignoring the id in the path', async () => {
		await upload({ fileName: 'a.jpg' });
		await upload({ fileName: 'b.png', data: PNG });
		await upload({ fileName: 'a.gif' });
		await upload({ profileId: OTHER_PROFILE, fileName: 'c.jpg' });

		const response = await get(`/${UNKNOWN_PROFILE}/attachments/`, { profileId: PROFILE });
		expect(response.status).toBe(200);
		const list = (await response.json()) as Array<Record<string, unknown>>;
		expect(list.map(({ fileName, contentType }) => [fileName, contentType])).toEqual([
			['b', 'image/png'],
			['a', 'image/gif'],
		]);
		expect(list[1]).toEqual({
			md5: null,
			contentType: 'image/gif',
			fileSize: `${JPEG.length} B`,
			fileName: 'a',
			fileSizeBytes: JPEG.length,
			id: crafter.profiles.get(PROFILE)?.get('a')?.id,
		});
	});

	it('answers an empty array for a profile without attachments', async () => {
		const response = await get(`/${PROFILE}/attachments/`, { profileId: PROFILE });
		expect(await response.json()).toEqual([]);
	});

	it('matches file names containing the profile id, as its regex query does', async () => {
		await upload({ profileId: OTHER_PROFILE, fileName: `copy-of-${PROFILE}.jpg` });
		const response = await get(`/${PROFILE}/attachments/`, { profileId: PROFILE });
		expect(await response.json()).toEqual([expect.objectContaining({ fileName: `copy-of-${PROFILE}` })]);
	});

	it('validates the profileId parameter like any profile id', async () => {
		await expectError(await get(`/${PROFILE}/attachments/`, { profileId: 'bad' }), 500, 'OTHER', 'Error occurred while trying to get profile "bad"');
		await expectError(
			await get(`/${PROFILE}/attachments/`, { profileId: UNKNOWN_PROFILE }),
			404,
			'NO_SUCH_PROFILE',
			`No profile with ID "${UNKNOWN_PROFILE}" found`,
		);
	});

	it('is not mapped without the trailing slash', async () => {
		await expectContainerError(await get(`/${PROFILE}/attachments`, { profileId: PROFILE }), 404);
	});
});

describe('missing attachment part', () => {
	it('answers Tomcat 500 (the controller dereferences a null file)', async () => {
		await expectContainerError(await upload({ data: null }), 500);
		await expectContainerError(await upload({ data: null, filenameField: 'a.jpg' }), 500);
	});

	it('treats a text field named attachment as no file', async () => {
		const form = new MultipartForm();
		form.append('attachment', JPEG.toString('base64'));
		const url = apiUrl(`/${PROFILE}/uploadAttachment`);
		url.searchParams.set('accessTokenId', CRAFTER_ACCESS_TOKEN);
		await expectContainerError(await fetch(url, { method: 'POST', body: form.getBuffer(), headers: form.getHeaders() }), 500);
	});

	it('is only noticed after the profile checks', async () => {
		const response = await upload({ data: null, profileId: UNKNOWN_PROFILE });
		await expectError(response, 404, 'NO_SUCH_PROFILE', expect.any(String));
	});

	it('answers Tomcat 500 for a body that is not valid multipart', async () => {
		const url = apiUrl(`/${PROFILE}/uploadAttachment`);
		url.searchParams.set('accessTokenId', CRAFTER_ACCESS_TOKEN);
		const response = await fetch(url, {
			method: 'POST',
			body: 'not multipart',
			headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
		});
		await expectContainerError(response, 500);
	});
});

describe('routing', () => {
	it('answers Tomcat 404 for unmapped paths, before any token check', async () => {
		await expectContainerError(await fetch(`${crafter.baseUrl}/api/1/profile/${PROFILE}/photos`), 404);
		await expectContainerError(await fetch(`${crafter.origin}/api/1/profile/${PROFILE}/attachment/a`), 404);
		await expectContainerError(await fetch(`${crafter.baseUrl}/api/1/tenant/default`), 404);
	});

	it('answers 405 for a wrong method, before any token check', async () => {
		const response = await fetch(apiUrl(`/${PROFILE}/uploadAttachment`));
		expect(response.headers.get('allow')).toBe('POST');
		await expectError(response, 405, 'OTHER', "Request method 'GET' not supported");
		const post = await fetch(apiUrl(`/${PROFILE}/attachment/a`), { method: 'POST' });
		await expectError(post, 405, 'OTHER', "Request method 'POST' not supported");
	});

	it('records every request with the status answered', async () => {
		await upload();
		await upload({ token: null });
		expect(crafter.received.map(({ method, status }) => [method, status])).toEqual([
			['POST', 200],
			['POST', 403],
		]);
		expect(crafter.received[0].query.get('accessTokenId')).toBe(CRAFTER_ACCESS_TOKEN);
	});
});
