import { randomUUID } from 'node:crypto';

import { sendSmtp } from '../smtp-client';
import type { CrafterState, StoredProfile, VerificationToken } from './state';

/*
 * VerificationServiceImpl (server/.../services/impl/VerificationServiceImpl.java) and the mail settings of
 * server/src/main/resources/crafter/profile/server-config.properties:
 *   crafter.profile.verification.newProfile.mail.{from,subject,templateName} = noreply@example.com, "Verify Account",
 *     verify-new-profile-email.ftl
 *   crafter.profile.verification.resetPassword.mail.{from,subject,templateName} = noreply@example.com, "Reset Password",
 *     reset-password-email.ftl
 * The templates (server/src/main/resources/crafter/profile/mail/templates/*.ftl) are HTML with one argument,
 * verificationLink. sendEmail is @Async: the REST answer does not wait for the mail, and a mail that cannot be
 * sent is only logged (the caller never sees it).
 */

export type VerificationMail = 'newProfile' | 'resetPassword';

const MAILS: Record<VerificationMail, { from: string; subject: string; lead: string }> = {
	newProfile: { from: 'noreply@example.com', subject: 'Verify Account', lead: 'Click on the link below to verify your Crafter Profile account.' },
	resetPassword: { from: 'noreply@example.com', subject: 'Reset Password', lead: 'Click on the link below to reset your password:' },
};

/** VerificationServiceImpl.createToken: a random UUID, the profile's tenant and id, now. */
export function createToken(state: CrafterState, profile: StoredProfile): VerificationToken {
	const token = { id: randomUUID(), tenant: profile.tenant, profileId: profile.id, timestamp: new Date() };
	state.verificationTokens.set(token.id, token);
	return token;
}

/** VerificationServiceImpl.createVerificationUrl: the base URL with "tokenId=<id>" after "?" or "&". */
export const verificationUrlOf = (baseUrl: string, tokenId: string) => `${baseUrl}${baseUrl.includes('?') ? '&' : '?'}tokenId=${tokenId}`;

/** The template's HTML with the link filled in. */
function templateHtml(lead: string, link: string): string {
	return [
		lead,
		'<br/><br/>',
		`<a id="verificationLink" href="${link}">${link}</a>`,
		'<br/><br/>',
		'If it does not work copy and paste the URL to your browser.',
		'<br/><br/>',
		'Best regards,',
		'<br/>',
		'Crafter Team',
	].join('\n');
}

/**
 * VerificationServiceImpl.sendEmail: to the profile's e-mail, through the configured SMTP server (the mail
 * sink). Recorded in state.sentMails whether or not an SMTP server is configured; not awaited (@Async).
 */
export function sendVerificationEmail(state: CrafterState, kind: VerificationMail, token: VerificationToken, profile: StoredProfile, baseUrl: string): void {
	const { from, subject, lead } = MAILS[kind];
	const link = verificationUrlOf(baseUrl, token.id);
	const mail = { from, to: [profile.email], subject, html: templateHtml(lead, link) };
	state.sentMails.push({ kind, to: profile.email, link, tokenId: token.id });
	if (!state.smtp) return;
	// Delivery failures are only logged by Crafter; the emulator records them for tests to read.
	state.pendingMails.push(sendSmtp(state.smtp, mail).catch((error: Error) => void state.mailFailures.push(error.message)));
}
