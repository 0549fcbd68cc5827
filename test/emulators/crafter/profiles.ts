import { createHash, randomBytes } from 'node:crypto';

import type { EmulatorResponse } from '../emulator-server';
import { manageProfilesDenied, type AccessToken } from './access-tokens';
import { errorDetails } from './errors';
import { isObjectId, type Call, type CrafterState, type StoredProfile } from './state';
import { readableAttributes } from './tenants';

/** ProfileServiceImpl.getProfile: not an ObjectId -> 500 OTHER (getProfileError); none -> null; else the tenant's MANAGE_PROFILES. */
export function lookupProfile(state: CrafterState, token: AccessToken, rawId: string | null | undefined): StoredProfile | null | EmulatorResponse {
	if (rawId === null || rawId === undefined || !isObjectId(rawId)) {
		return errorDetails(500, 'OTHER', `Error occurred while trying to get profile "${rawId ?? null}"`);
	}
	const profile = state.records.get(rawId.toLowerCase());
	if (!profile) return null;
	return manageProfilesDenied(token, profile.tenant) ?? profile;
}

/** getNonNullProfile / the controllers' own check: an unknown id is 404 NO_SUCH_PROFILE (profile.profile.noSuchProfileById). */
export function requireProfile(state: CrafterState, call: Call, rawId: string | null | undefined): StoredProfile | EmulatorResponse {
	const found = lookupProfile(state, call.token, rawId);
	return found ?? errorDetails(404, 'NO_SUCH_PROFILE', `No profile with ID "${rawId}" found`);
}

export const isResponse = (value: unknown): value is EmulatorResponse =>
	typeof value === 'object' && value !== null && 'status' in value && typeof (value as EmulatorResponse).status === 'number';

/** CryptoUtils.hashPassword stores a salted hash; the emulator keeps one so a stored profile never holds the clear text. */
export function hashPassword(password: string): string {
	const salt = randomBytes(8).toString('hex');
	return `${salt}|${createHash('sha256')
		.update(salt + password)
		.digest('base64')}`;
}

/**
 * The profile as Jackson writes it: password, failedLoginAttempts and lastFailedLogin are @Exclude'd, the
 * ObjectId is "id" (ObjectIdSerializer), dates are epoch milliseconds (Jackson's default; inferred: the
 * server's object mapper sets no date format). Attributes the application may not read are left out
 * (filterNonReadableAttributes); attributeToReturn narrows them further (projection / filterAttributes).
 */
export function profileJson(state: CrafterState, call: Call, profile: StoredProfile): Record<string, unknown> | EmulatorResponse {
	const tenant = state.tenants.get(profile.tenant);
	const readable = tenant ? readableAttributes(tenant, call.token, profile.attributes) : { ...profile.attributes };
	if (isResponse(readable)) return readable;
	const wanted = call.params.getAll('attributeToReturn');
	const attributes = wanted.length ? Object.fromEntries(Object.entries(readable).filter(([name]) => wanted.includes(name))) : readable;
	const { _id: id, ...fields } = profileDocument(profile);
	return { id, ...fields, roles: [...profile.roles], attributes };
}

/** The document MongoDB matches a query against. */
export const profileDocument = (profile: StoredProfile): Record<string, unknown> => ({
	_id: profile.id,
	username: profile.username,
	email: profile.email,
	verified: profile.verified,
	enabled: profile.enabled,
	createdOn: profile.createdOn.getTime(),
	lastModified: profile.lastModified.getTime(),
	tenant: profile.tenant,
	roles: profile.roles,
	attributes: profile.attributes,
});

/** A list of profiles as JSON, or the first error one of them raises while being filtered. */
export function profilesJson(state: CrafterState, call: Call, profiles: StoredProfile[]): EmulatorResponse {
	const json: Array<Record<string, unknown>> = [];
	for (const profile of profiles) {
		const one = profileJson(state, call, profile);
		if (isResponse(one)) return one;
		json.push(one);
	}
	return { status: 200, json };
}

export function oneProfile(state: CrafterState, call: Call, profile: StoredProfile): EmulatorResponse {
	const json = profileJson(state, call, profile);
	return isResponse(json) ? json : { status: 200, json };
}

/** EmailUtils.validateEmail (crafter commons); inferred: a local part, "@", a domain with a dot. */
export const isEmail = (email: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email);

/** InvalidEmailAddressException -> 400 (profile.profile.invalidEmailAddress; the sentence really ends "is in an invalid"). */
export const invalidEmail = (email: string) => errorDetails(400, 'INVALID_EMAIL_ADDRESS', `The specified email address "${email}" is in an invalid`);
