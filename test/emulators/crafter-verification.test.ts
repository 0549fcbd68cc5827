import { CRAFTER_ACCESS_TOKEN, CRAFTER_SEEDED_PROFILE_IDS, CRAFTER_VERIFYING_TENANT, startCrafterEmulator, type CrafterEmulator } from './crafter';
import { startMailSink, type MailSink } from './mail-sink';

/*
 * Crafter's e-mailed links and the list by existing attribute, over HTTP: ProfileController.createProfile
 * (verificationUrl), resetPassword, changePassword, getProfilesByExistingAttribute, through ProfileServiceImpl
 * and VerificationServiceImpl (the mail goes to the SMTP server, here the mail sink).
 */
let crafter: CrafterEmulator;
let sink: MailSink;
beforeAll(async () => {
	sink = await startMailSink();
	crafter = await startCrafterEmulator({ smtp: { host: sink.host, port: sink.port } });
});
afterAll(async () => {
	await crafter.close();
	await sink.close();
});
beforeEach(() => void (sink.messages.length = 0));

async function call(method: 'GET' | 'POST', path: string, params: Record<string, string> = {}) {
	const query = new URLSearchParams({ accessTokenId: CRAFTER_ACCESS_TOKEN });
	const form = new URLSearchParams(params);
	const url = `${crafter.baseUrl}/api/1/profile${path}?${method === 'GET' ? `${query}&${form}` : query}`;
	const init: RequestInit =
		method === 'POST' ? { method, body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } } : { method };
	const response = await fetch(url, init);
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const newProfile = (username: string, tenantName = CRAFTER_VERIFYING_TENANT) => ({
	tenantName,
	username,
	password: 'Secret-1!',
	email: `${username}@example.com`,
	enabled: 'true',
});
const linkIn = (html: string) => /href="([^"]+)"/.exec(html)?.[1];

describe('create with a verificationUrl', () => {
	test('in a tenant that verifies new profiles: the profile starts disabled, "Verify Account" mails the link with tokenId, which /verify redeems', async () => {
		const created = await call('POST', '/create', { ...newProfile('mail.one'), verificationUrl: 'https://shop.example.com/verify?lang=en' });
		expect(created).toMatchObject({ status: 200, body: { enabled: false, verified: false } });
		await crafter.mailsDelivered();
		expect(sink.messages).toHaveLength(1);
		const [mail] = sink.messages;
		expect(mail).toMatchObject({ from: 'noreply@example.com', to: ['mail.one@example.com'], subject: 'Verify Account' });
		const link = linkIn(mail.text)!;
		expect(link).toMatch(/^https:\/\/shop\.example\.com\/verify\?lang=en&tokenId=[0-9a-f-]{36}$/);
		const verified = await call('POST', '/verify', { verificationTokenId: new URL(link).searchParams.get('tokenId')! });
		expect(verified.body).toMatchObject({ id: created.body.id, enabled: true, verified: true });
	});

	test('in a tenant that does not verify new profiles (Crafter\'s "default"): no e-mail, enabled as asked', async () => {
		const created = await call('POST', '/create', { ...newProfile('mail.two', 'default'), verificationUrl: 'https://shop.example.com/verify' });
		expect(created.body).toMatchObject({ enabled: true });
		await crafter.mailsDelivered();
		expect(sink.messages).toHaveLength(0);
	});
});

describe('reset and change password', () => {
	test('reset_password mails "Reset Password" with the link; change_password with its token sets the password once', async () => {
		const profileId = CRAFTER_SEEDED_PROFILE_IDS[1];
		const reset = await call('POST', `/${profileId}/reset_password`, { resetPasswordUrl: 'https://shop.example.com/reset' });
		expect(reset).toMatchObject({ status: 200, body: { id: profileId } });
		await crafter.mailsDelivered();
		const [mail] = sink.messages;
		expect(mail).toMatchObject({ subject: 'Reset Password', to: ['grace.hopper@example.com'] });
		const tokenId = new URL(linkIn(mail.text)!).searchParams.get('tokenId')!;
		const before = crafter.profileRecords.get(profileId)!.passwordHash;
		expect(await call('POST', '/change_password', { resetTokenId: tokenId, newPassword: 'New-Secret-2!' })).toMatchObject({
			status: 200,
			body: { id: profileId },
		});
		expect(crafter.profileRecords.get(profileId)!.passwordHash).not.toBe(before);
		expect(await call('POST', '/change_password', { resetTokenId: tokenId, newPassword: 'again' })).toEqual({
			status: 404,
			body: { errorCode: 'NO_SUCH_VERIFICATION_TOKEN', message: `No verification token found for ID "${tokenId}"` },
		});
	});

	test('the parameters are bound before the profile is looked up', async () => {
		expect((await call('POST', `/${CRAFTER_SEEDED_PROFILE_IDS[0]}/reset_password`)).body).toEqual({
			errorCode: 'OTHER',
			message: "Required request parameter 'resetPasswordUrl' for method parameter type String is not present",
		});
		expect((await call('POST', '/0123456789abcdef01234567/reset_password', { resetPasswordUrl: 'https://x.example.com' })).body).toMatchObject({
			errorCode: 'NO_SUCH_PROFILE',
		});
		expect((await call('POST', '/change_password', { resetTokenId: 'x' })).body).toMatchObject({ message: expect.stringContaining("'newPassword'") });
	});
});

test('by_existing_attribute lists the profiles that have the attribute, whatever its value', async () => {
	crafter.profileRecords.get(CRAFTER_SEEDED_PROFILE_IDS[2])!.attributes.phone = '+44 20 7946 0000';
	const found = await call('GET', '/by_existing_attribute', { tenantName: 'default', attributeName: 'phone' });
	expect(found.status).toBe(200);
	expect((found.body as unknown as Array<{ id: string }>).map((profile) => profile.id)).toEqual([CRAFTER_SEEDED_PROFILE_IDS[2]]);
	expect((await call('GET', '/by_existing_attribute', { tenantName: 'default' })).body).toMatchObject({ errorCode: 'OTHER' });
});
