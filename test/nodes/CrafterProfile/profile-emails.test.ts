import { CRAFTER_VERIFYING_TENANT } from '../../emulators/crafter';
import { expectNoSecret } from '../../support/expect-no-secret';
import { apiPath, crafterForTests, formOf, freshUsername, runProfile } from './profile-harness';

/*
 * The operations whose work ends in an e-mail Crafter sends itself (ProfileServiceImpl.createProfile with a
 * verificationUrl, resetPassword), and what redeems its link (verifyProfile, changePassword). The emulator
 * delivers to a mail sink over SMTP, as Crafter does to its mail server.
 */
const crafter = crafterForTests({ mail: true });
const tokenOf = (html: string) => new URL(/href="([^"]+)"/.exec(html)![1]).searchParams.get('tokenId')!;

describe('Create with a Verification URL', () => {
	test('Crafter creates the profile disabled and e-mails the link; Verify with its token enables and verifies it', async () => {
		const emulator = crafter.emulator();
		const username = freshUsername('signup');
		const created = await runProfile(emulator, {
			operation: 'create',
			tenantName: CRAFTER_VERIFYING_TENANT,
			username,
			password: 'S1gn-up-Passw0rd',
			email: `${username}@example.com`,
			enabled: true,
			additionalFields: { verificationUrl: 'https://shop.example.com/verify' },
		});
		expect(created.error).toBeUndefined();
		expect(created.items[0]).toMatchObject({ username, enabled: false, verified: false });
		expect(formOf(emulator.received[0]).get('verificationUrl')).toBe('https://shop.example.com/verify');
		await emulator.mailsDelivered();
		const [mail] = crafter.mail().messages;
		expect(mail).toMatchObject({ to: [`${username}@example.com`], subject: 'Verify Account' });
		const verified = await runProfile(emulator, { operation: 'verify', verifyWith: 'token', verificationTokenId: tokenOf(mail.text) });
		expect(verified.items[0]).toMatchObject({ id: created.items[0].id, enabled: true, verified: true });
	});

	test('a Verification URL that is not a web address is refused before sending, naming the field', async () => {
		const emulator = crafter.emulator();
		const result = await runProfile(emulator, {
			operation: 'create',
			tenantName: CRAFTER_VERIFYING_TENANT,
			username: freshUsername(),
			password: 'x-Passw0rd',
			email: 'someone@example.com',
			additionalFields: { verificationUrl: 'shop.example.com/verify' },
		});
		expect(result.error?.message).toMatch(/^Verification URL is not a web address/);
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Reset Password, then Change Password', () => {
	test('Crafter e-mails the reset link; Change Password with its token sets the new password, which never shows', async () => {
		const emulator = crafter.emulator();
		const id = emulator.addProfile();
		const before = emulator.profileRecords.get(id)!.passwordHash;
		const reset = await runProfile(emulator, { operation: 'resetPassword', profileId: id, resetUrl: 'https://shop.example.com/reset?lang=en' });
		expect(reset.error).toBeUndefined();
		expect(reset.items[0]).toMatchObject({ id });
		expect([emulator.received[0].method, apiPath(emulator.received[0])]).toEqual(['POST', `/${id}/reset_password`]);
		expect(formOf(emulator.received[0]).get('resetPasswordUrl')).toBe('https://shop.example.com/reset?lang=en');
		await emulator.mailsDelivered();
		const [mail] = crafter.mail().messages;
		expect(mail.subject).toBe('Reset Password');
		expect(mail.text).toContain('https://shop.example.com/reset?lang=en&tokenId=');
		const token = tokenOf(mail.text);
		const NEW_PASSWORD = 'Chosen-n3w-Passw0rd';
		const changed = await runProfile(
			emulator,
			{ operation: 'changePassword', resetTokenId: '={{ $json.token }}', newPassword: '={{ $json.secret }}' },
			{ items: [{ json: { token, secret: NEW_PASSWORD } }] },
		);
		expect(changed.error).toBeUndefined();
		expect(changed.items[0]).toMatchObject({ id });
		expect(emulator.profileRecords.get(id)!.passwordHash).not.toBe(before);
		expect(Object.fromEntries(formOf(emulator.received[1]))).toEqual({ resetTokenId: token, newPassword: NEW_PASSWORD });
		expect(emulator.received[1].query.has('newPassword')).toBe(false);
		expectNoSecret(NEW_PASSWORD, changed.items);
	});

	test('a used or unknown token: 404 NO_SUCH_VERIFICATION_TOKEN with the token hidden', async () => {
		const token = '0b7d4c1e-2f3a-4b5c-8d9e-a1b2c3d4e5f6';
		const result = await runProfile(crafter.emulator(), { operation: 'changePassword', resetTokenId: token, newPassword: 'Whatever-1' });
		expect(result.error?.message).toContain('HTTP 404): No verification token found for ID "[redacted]" (NO_SUCH_VERIFICATION_TOKEN)');
		const { message, description } = result.run.data.resultData.error as unknown as Record<string, unknown>;
		expectNoSecret(token, message, description);
	});

	test('Reset Password for a profile Crafter does not have: 404 NO_SUCH_PROFILE, and no e-mail', async () => {
		const emulator = crafter.emulator();
		const result = await runProfile(emulator, {
			operation: 'resetPassword',
			profileId: '0123456789abcdef01234567',
			resetUrl: 'https://shop.example.com/reset',
		});
		expect(result.error?.message).toContain('(HTTP 404): No profile with ID "0123456789abcdef01234567" found (NO_SUCH_PROFILE)');
		await emulator.mailsDelivered();
		expect(crafter.mail().messages).toHaveLength(0);
	});
});
