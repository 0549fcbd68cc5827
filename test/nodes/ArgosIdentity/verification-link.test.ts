import { argosDecrypt, ARGOS_PROJECT_ID, startArgosEmulator, TOKEN_USE_WINDOW_MS, type ArgosEmulator } from '../../emulators/argos';
import { sampleBytes } from '../../support/sample-files';
import { runOperation } from './run-operation';

let emulator: ArgosEmulator;

beforeEach(async () => {
	emulator = await startArgosEmulator();
});
afterEach(async () => await emulator.close());

const link = (parameters: Record<string, unknown>, settings?: Parameters<typeof runOperation>[3], items?: Parameters<typeof runOperation>[2]) =>
	runOperation(emulator, { resource: 'verificationLink', operation: 'create', projectId: ARGOS_PROJECT_ID, ...parameters }, items, settings);
const requests = () => emulator.received.filter(({ path }) => path.startsWith('/v3/')).map(({ method, path, status }) => `${method} ${path} ${status}`);
const queryOf = (url: string) => new URL(url).searchParams;
const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Opens a link the node made as the applicant's browser would (plain HTTP), following redirects. */
async function open(url: string): Promise<{ status: number; url: string; text: string }> {
	const response = await fetch(url);
	return { status: response.status, url: response.url, text: await response.text() };
}

/** Submits the Liveform page's form: its hidden session and two images, as a browser's multipart post. */
async function submitForm(page: string): Promise<string> {
	const session = /name="session" value="([^"]*)"/.exec(page)?.[1].replace(/&#38;/g, '&') ?? '';
	const form = new FormData();
	form.append('session', session);
	form.append('idType', 'passport');
	form.append('idImage', new Blob([sampleBytes('jpeg', 2048)], { type: 'image/jpeg' }), 'id.jpg');
	form.append('selfieImage', new Blob([sampleBytes('png', 2048)], { type: 'image/png' }), 'selfie.png');
	const response = await fetch(new URL('/form/submit', emulator.origin), { method: 'POST', body: form });
	const text = await response.text();
	expect(response.status).toBe(200);
	return /data-submission-id="([^"]+)"/.exec(text)?.[1] ?? '';
}

describe('Verification Link → Create', () => {
	test('a plain link: pid, then the options URL-encoded, the policy switches as =false; nothing is sent to Argos', async () => {
		const run = await link({
			email: 'jane.doe+kyc@example.com',
			userId: 'user 1001',
			options: { cf1: 'order/77', turnOff: ['blacklistCountries', 'ageLimit'], rejectDuplicateUser: 'false', lang: 'en' },
		});
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toEqual({
			url: `https://form.argosidentity.com/?pid=${ARGOS_PROJECT_ID}&email=jane.doe%2Bkyc%40example.com&userid=user%201001&cf1=order%2F77&ageLimit=false&blacklistCountries=false&rejectDuplicateUser=false&lang=en`,
			projectId: ARGOS_PROJECT_ID,
		});
		expect(emulator.received).toHaveLength(0);
	});

	test("encrypted-only options go inside encrypted=, with the credential's key and module, and the Liveform reads them", async () => {
		const until = inOneHour();
		const run = await link(
			{
				email: 'jane.doe@example.com',
				options: {
					allowedCountries: 'usa, kor',
					allowedIdTypes: 'passport, drvlic',
					auxidField: 'phoneNumber',
					startValidUntil: until,
					liveformUrl: emulator.liveformUrl,
				},
			},
			{ credentials: { secretKey: 'liveform-secret-key-1', encryptionModule: 'gcm256' } },
		);
		expect(run.error).toBeUndefined();
		const query = queryOf(String(run.items[0].json.url));
		expect([...query.keys()]).toEqual(['pid', 'email', 'encrypted']);
		expect(JSON.parse(argosDecrypt(query.get('encrypted')!, 'liveform-secret-key-1', 'gcm256')!)).toEqual({
			allowedCountries: 'USA,KOR',
			allowedIdTypes: 'passport,drvlic',
			auxidField: 'phoneNumber',
			startValidUntil: until,
		});
		emulator.liveformSettings.secretKey = 'liveform-secret-key-1';
		emulator.liveformSettings.module = 'gcm256';
		const page = await open(String(run.items[0].json.url));
		expect(page.status).toBe(200);
		expect(page.text).toContain('allowedCountries: USA,KOR');
	});

	test('Encrypted Only: every option but pid and lang goes inside encrypted=', async () => {
		const run = await link({ email: 'jane.doe@example.com', userId: 'u-1', options: { encryptedOnly: true, lang: 'ko', cf2: 'x' } });
		const query = queryOf(String(run.items[0].json.url));
		expect([...query.keys()]).toEqual(['pid', 'encrypted', 'lang']);
		expect(JSON.parse(argosDecrypt(query.get('encrypted')!, emulator.apiKey, 'aes256')!)).toEqual({ email: 'jane.doe@example.com', userid: 'u-1', cf2: 'x' });
	});

	test('an unknown country code is refused before anything is made, naming the field', async () => {
		const run = await link({ privateMode: true, options: { allowedCountries: 'USA,XYZ' } });
		expect(run.error?.message).toBe("Allowed Countries holds 'XYZ', not an ISO 3166-1 alpha-3 country code [item 0]");
		expect(run.error?.description).toContain('Nothing was sent');
		expect(emulator.received).toHaveLength(0);
	});

	test('a Link Valid Until that has passed is refused before sending', async () => {
		const run = await link({ privateMode: true, options: { startValidUntil: '2020-01-01T00:00:00Z' } });
		expect(run.error?.message).toBe("Link Valid Until '2020-01-01T00:00:00Z' has passed [item 0]");
		expect(emulator.received).toHaveLength(0);
	});

	test('a Token ID Argos would refuse is refused before sending', async () => {
		const run = await link({ privateMode: true, options: { privateModeId: 'short' } });
		expect(run.error?.message).toBe("Token ID 'short' is 5 bytes long; Argos takes 8 to 64 [item 0]");
		expect(emulator.received).toHaveLength(0);
	});

	test('Private Mode: a fresh Token ID per item, registered before the links are made and put in each', async () => {
		const run = await link({ privateMode: true, email: '={{ $json.email }}' }, undefined, [
			{ json: { email: 'a@example.com' } },
			{ json: { email: 'b@example.com' } },
		]);
		expect(run.error).toBeUndefined();
		const tokens = run.items.map((item) => String(item.json.tokenId));
		expect(new Set(tokens).size).toBe(2);
		for (const [index, item] of run.items.entries()) {
			expect(queryOf(String(item.json.url)).get('tokenId')).toBe(tokens[index]);
			expect(item.pairedItem).toEqual({ item: index });
		}
		expect([...emulator.tokens.keys()].sort()).toEqual([...tokens].sort());
		// Both registered in one request, before either link is output.
		expect(requests()).toEqual(['POST /v3/submission/tokens 200']);
		expect(JSON.parse(emulator.received[0].body.toString('utf8'))).toEqual({ tokenId: tokens });
	});

	test('links for 501 applicants in one run: their tokens are registered in requests of at most 500', async () => {
		const items = Array.from({ length: 501 }, (_, index) => ({ json: { email: `applicant${index}@example.com` } }));
		const run = await link({ privateMode: true, email: '={{ $json.email }}' }, undefined, items);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(501);
		expect(requests()).toEqual(['POST /v3/submission/tokens 200', 'POST /v3/submission/tokens 200']);
		const sent = emulator.received.map((request) => (JSON.parse(request.body.toString('utf8')) as { tokenId: string[] }).tokenId);
		expect(sent.map((batch) => batch.length)).toEqual([500, 1]);
		expect(sent.flat()).toEqual(run.items.map((item) => item.json.tokenId));
		expect(emulator.tokens.size).toBe(501);
	});

	test('with continue on error, an item whose Token ID is refused fails alone; the others are registered together', async () => {
		const run = await link({ privateMode: true, options: { privateModeId: '={{ $json.token }}' } }, { continueOnFail: true }, [
			{ json: { token: 'applicant-0001' } },
			{ json: { token: 'bad token' } },
			{ json: { token: 'applicant-0003' } },
		]);
		expect(run.items.map((item) => item.json.tokenId ?? item.json.error)).toEqual([
			'applicant-0001',
			expect.stringContaining("Token ID 'bad token'"),
			'applicant-0003',
		]);
		expect(JSON.parse(emulator.received[0].body.toString('utf8'))).toEqual({ tokenId: ['applicant-0001', 'applicant-0003'] });
		expect(emulator.received).toHaveLength(1);
	});

	test('Private Mode under Secure Data Transmission: the registration goes encrypted and is accepted', async () => {
		emulator.setSecureTransmission(true);
		const run = await link({ privateMode: true, options: { privateModeId: 'order-1234-kyc' } }, { credentials: { secureTransmission: true } });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.tokenId).toBe('order-1234-kyc');
		expect(emulator.tokens.has('order-1234-kyc')).toBe(true);
		expect(JSON.parse(emulator.received[0].body.toString('utf8'))).toEqual({ body: expect.any(String) });
	});

	describe('following the link on the hosted Liveform (Private Mode with token pre-registration)', () => {
		beforeEach(() => {
			emulator.liveformSettings.privateMode = true;
			emulator.liveformSettings.preRegistration = true;
		});

		test('the link opens the form; submitting it creates a pending submission with the token, e-mail and custom field', async () => {
			const run = await link({ privateMode: true, email: 'jane.doe@example.com', options: { cf1: 'order-77', liveformUrl: emulator.liveformUrl } });
			const page = await open(String(run.items[0].json.url));
			expect(page.status).toBe(200);
			expect(page.text).toContain('<form method="post"');
			const id = await submitForm(page.text);
			expect(emulator.submissions.get(id)).toMatchObject({
				email: 'jane.doe@example.com',
				tokenId: run.items[0].json.tokenId,
				cf: { cf1: 'order-77' },
				kyc: { result: 'pending' },
			});
			expect(Object.keys(emulator.submissions.get(id)!.images).sort()).toEqual(['idImage', 'selfieImage']);
			// The submission has a KYC status: the same link is refused from now on [QS-TOKEN] 3-1.
			const again = await open(String(run.items[0].json.url));
			expect(again.url).toMatch(/\/form\/error-page\/used-token$/);
		});

		test('3 minutes after its first use the token has expired', async () => {
			const run = await link({ privateMode: true, options: { liveformUrl: emulator.liveformUrl } });
			expect((await open(String(run.items[0].json.url))).status).toBe(200);
			const tokenId = String(run.items[0].json.tokenId);
			emulator.tokenFirstUse.set(tokenId, Date.now() - TOKEN_USE_WINDOW_MS - 1000);
			const expired = await open(String(run.items[0].json.url));
			expect(expired.url).toMatch(/\/form\/error-page\/expired-token$/);
			expect(expired.text).toContain('more than 3 minutes ago');
		});

		test('a token not registered (Register Token off) is refused by the Liveform', async () => {
			const run = await link({ privateMode: true, options: { registerToken: false, liveformUrl: emulator.liveformUrl } });
			expect(requests()).toEqual([]);
			const page = await open(String(run.items[0].json.url));
			expect(page.url).toMatch(/\/form\/error-page\/unregistered-token$/);
		});

		test('a link without a token is refused in Private Mode', async () => {
			const run = await link({ options: { liveformUrl: emulator.liveformUrl } });
			expect((await open(String(run.items[0].json.url))).url).toMatch(/\/form\/error-page\/missing-token$/);
		});
	});
});
