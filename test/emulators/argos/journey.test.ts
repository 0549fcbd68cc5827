import {
	argosEncrypt,
	ARGOS_ADMIN_EMAIL,
	ARGOS_API_KEY,
	ARGOS_PROJECT_ID,
	ARGOS_SEEDED_SUBMISSION_IDS,
	ARGOS_WORKLIST_ID,
	startArgosEmulator,
	type ArgosEmulator,
} from '../argos';

const [APPROVED] = ARGOS_SEEDED_SUBMISSION_IDS;
let argos: ArgosEmulator;

beforeEach(async () => {
	argos = await startArgosEmulator();
});
afterEach(async () => await argos.close());

async function call(method: string, path: string, body?: unknown, contentType = 'text/plain'): Promise<{ status: number; json: Record<string, unknown> }> {
	const response = await fetch(`${argos.origin}/v3${path}`, {
		method,
		headers: { 'x-api-key': ARGOS_API_KEY, ...(body === undefined ? {} : { 'content-type': contentType }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
const tokens = (count: number) => Array.from({ length: count }, (_, index) => `token-${String(index).padStart(5, '0')}`);

describe('the token pool [POST-TOKEN] [GET-TOKEN] [DEL-TOKEN]', () => {
	test('takes JSON sent as text/plain (what Argos advises) and application/json alike; a Token ID sent again is overwritten', async () => {
		expect((await call('POST', '/submission/tokens', { tokenId: ['user001a'] })).json).toMatchObject({
			success: true,
			summary: { processed: 1, currentCount: 1 },
		});
		expect((await call('POST', '/submission/tokens', { tokenId: ['user001a', 'user002b'] }, 'application/json')).json).toMatchObject({
			summary: { totalSubmitted: 2, currentCount: 2 },
		});
	});

	test('refuses more than 500 per request, a malformed Token ID, and a body without the tokenId array', async () => {
		expect(await call('POST', '/submission/tokens', { tokenId: tokens(501) })).toEqual({
			status: 400,
			json: { errorCode: 'request_token_limit_exceeded', errorMessage: 'Request token count limit exceeded (500).' },
		});
		expect((await call('POST', '/submission/tokens', { tokenId: ['-starts-with-dash'] })).json.errorCode).toBe('invalid_token_id_format');
		expect((await call('POST', '/submission/tokens', { tokenId: ['short'] })).json.errorCode).toBe('invalid_token_id_format');
		expect((await call('POST', '/submission/tokens', { tokenId: 'user001a' })).json.errorCode).toBe('invalid_token_id');
		expect(argos.tokens.size).toBe(0);
	});

	test('a full pool (100,000 per project) refuses new Token IDs', async () => {
		for (let index = 0; index < 100_000; index++) argos.tokens.set(`pool-${index}`, { updateTime: '2026-01-01T00:00:00.000Z' });
		expect((await call('POST', '/submission/tokens', { tokenId: ['one-more-token'] })).json.errorCode).toBe('token_pool_limit_exceeded');
		expect((await call('POST', '/submission/tokens', { tokenId: ['pool-1234'] })).status).toBe(200);
	});

	test('delete takes 500 at most, and reports those not found', async () => {
		await call('POST', '/submission/tokens', { tokenId: ['user001a'] });
		expect((await call('DELETE', '/submission/tokens', { tokenId: tokens(501) })).json.errorCode).toBe('request_token_limit_exceeded');
		expect((await call('DELETE', '/submission/tokens', { tokenId: ['user001a', 'user009z'] })).json).toMatchObject({
			summary: { deleted: 1, notFound: 1 },
			details: { notFound: ['user009z'] },
		});
	});
});

describe('the hosted Liveform', () => {
	const open = async (query: string) => await fetch(`${argos.liveformUrl}?${query}`);

	test('an unknown project, an encrypted-only option sent plain, and an undecryptable encrypted= are refused', async () => {
		expect((await open('pid=another-project')).url).toMatch(/error-page\/invalid-project$/);
		expect((await open(`pid=${ARGOS_PROJECT_ID}&allowedCountries=USA`)).url).toMatch(/error-page\/plain-not-allowed$/);
		expect((await open(`pid=${ARGOS_PROJECT_ID}&encrypted=${encodeURIComponent(argosEncrypt('{"allowedCountries":"USA"}', 'another-key'))}`)).url).toMatch(
			/error-page\/invalid-encrypted$/,
		);
	});

	test('startValidUntil is checked first, even before the token: PV-40018', async () => {
		argos.liveformSettings.privateMode = true;
		const sealed = encodeURIComponent(argosEncrypt('{"startValidUntil":"2020-01-01T00:00:00Z"}', ARGOS_API_KEY));
		const page = await open(`pid=${ARGOS_PROJECT_ID}&encrypted=${sealed}`);
		expect(page.url).toMatch(/error-page\/expired-start-valid-until$/);
		const text = await page.text();
		expect(text).toContain('data-code="PV-40018"');
		expect(text).toContain('The verification link has expired. Please try again with a new link.');
	});
});

describe('AML ongoing monitoring [AML-MON-POST] [AML-MON-DEL]', () => {
	test('refuses more than 25 submissions, an admin not on the project, and a body without the list', async () => {
		const many = Array.from({ length: 26 }, () => APPROVED);
		expect(
			(await call('POST', `/submission/aml/monitor/${ARGOS_WORKLIST_ID}`, { submissionIds: many, admin: ARGOS_ADMIN_EMAIL }, 'application/json')).json
				.errorCode,
		).toBe('invalid_submissionIds');
		expect(
			(await call('POST', `/submission/aml/monitor/${ARGOS_WORKLIST_ID}`, { submissionIds: [APPROVED], admin: 'someone@example.com' }, 'application/json')).json
				.errorCode,
		).toBe('invalid_admin');
		expect((await call('POST', `/submission/aml/monitor/${ARGOS_WORKLIST_ID}`, { admin: ARGOS_ADMIN_EMAIL }, 'application/json')).json.errorCode).toBe(
			'missing_required_parameters',
		);
		expect(
			(
				await call(
					'DELETE',
					`/submission/aml/monitor/${ARGOS_WORKLIST_ID}`,
					{ admin: ARGOS_ADMIN_EMAIL, recordIds: Array.from({ length: 26 }, (_, i) => `r${i}`) },
					'application/json',
				)
			).json.errorCode,
		).toBe('invalid_payload');
	});

	test('an unknown worklist path is the gateway 403 only without an ID; with one, invalid_worklist', async () => {
		expect(
			(await call('POST', '/submission/aml/monitor/no-such-worklist', { submissionIds: [APPROVED], admin: ARGOS_ADMIN_EMAIL }, 'application/json')).json
				.errorCode,
		).toBe('invalid_worklist');
		expect((await call('POST', '/submission/aml/monitor/', { submissionIds: [APPROVED], admin: ARGOS_ADMIN_EMAIL }, 'application/json')).json).toEqual({
			message: 'Missing Authentication Token',
		});
	});
});
