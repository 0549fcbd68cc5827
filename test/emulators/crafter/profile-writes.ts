import type { EmulatorResponse } from '../emulator-server';
import { manageProfilesDenied } from './access-tokens';
import { containerError, errorDetails, missingParameter, typeMismatch } from './errors';
import { hashPassword, invalidEmail, isEmail, isResponse, lookupProfile, oneProfile, requireProfile } from './profiles';
import { listParam } from './request-params';
import { newObjectId, type Call, type CrafterState, type StoredProfile } from './state';
import { findTenant, rejectAttributes } from './tenants';
import { createToken, sendVerificationEmail } from './verification';

/*
 * The writing endpoints of server/src/main/java/org/craftercms/profile/controllers/rest/ProfileController.java,
 * each through the ProfileServiceImpl method it calls (server/.../services/impl/ProfileServiceImpl.java).
 * Spring binds the controller's parameters first (missing -> 400 OTHER), then the service checks in its order.
 */

/** Spring's StringToBooleanConverter. */
function parseBoolean(value: string): boolean | undefined {
	const lower = value.trim().toLowerCase();
	if (['true', 'on', 'yes', '1'].includes(lower)) return true;
	if (['false', 'off', 'no', '0'].includes(lower)) return false;
	return undefined;
}

/** ProfileController.deserializeAttributes: not a JSON object -> 400 PARAM_DESERIALIZATION_ERROR. */
function deserializeAttributes(serialized: string | undefined): Record<string, unknown> | undefined | EmulatorResponse {
	if (!serialized) return undefined;
	try {
		const parsed: unknown = JSON.parse(serialized);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
	} catch {
		// answered below
	}
	return errorDetails(400, 'PARAM_DESERIALIZATION_ERROR', 'Unable to correctly deserialize attributes from JSON string');
}

/** POST /create -> ProfileController.createProfile -> ProfileServiceImpl.createProfile. */
export function createProfile(state: CrafterState, call: Call): EmulatorResponse {
	const { params } = call;
	for (const name of ['tenantName', 'username']) if (params.get(name) === undefined) return missingParameter(name);
	if (params.get('email') === undefined) return missingParameter('email');
	const enabledText = params.get('enabled');
	if (enabledText === undefined) return missingParameter('enabled', 'boolean');
	const enabled = parseBoolean(enabledText);
	if (enabled === undefined) return typeMismatch('boolean', enabledText);
	const attributes = deserializeAttributes(params.get('attributes'));
	if (isResponse(attributes)) return attributes;
	const tenantName = params.get('tenantName') as string;
	const username = params.get('username') as string;
	const email = params.get('email') as string;
	const denied = manageProfilesDenied(call.token, tenantName);
	if (denied) return denied;
	if (!isEmail(email)) return invalidEmail(email);
	const tenant = findTenant(state.tenants, tenantName);
	if (isResponse(tenant)) return tenant;
	const password = params.get('password');
	// CryptoUtils.hashPassword(null) dereferences the password: a NullPointerException no handler maps (Tomcat's 500).
	if (password === undefined) return containerError(500);
	const profileAttributes: Record<string, unknown> = {};
	for (const definition of tenant.attributeDefinitions) {
		if (definition.defaultValue !== undefined) profileAttributes[definition.name] = definition.defaultValue;
	}
	if (attributes && Object.keys(attributes).length) {
		const refused = rejectAttributes(tenant, call.token, Object.keys(attributes), 'WRITE_ATTRIBUTE');
		if (refused) return refused;
		Object.assign(profileAttributes, attributes);
	}
	// The unique index on tenant + username: DuplicateKeyException -> ProfileExistsException, 409.
	if ([...state.records.values()].some((profile) => profile.tenant === tenantName && profile.username === username)) {
		return errorDetails(409, 'PROFILE_EXISTS', `A profile with name "${username}" already exists`);
	}
	const now = new Date();
	const profile: StoredProfile = {
		id: newObjectId(),
		tenant: tenantName,
		username,
		passwordHash: hashPassword(password),
		email,
		verified: false,
		// With verifyNewProfiles and a verificationUrl the profile stays disabled until verified.
		enabled: tenant.verifyNewProfiles && params.get('verificationUrl') ? false : enabled,
		createdOn: now,
		lastModified: now,
		roles: [...new Set(listParam(params, 'role'))],
		attributes: profileAttributes,
	};
	state.records.set(profile.id, profile);
	state.attachments.set(profile.id, new Map());
	state.createdProfiles.push({ id: profile.id, tenant: tenantName, username });
	// verifyNewProfiles and a verificationUrl: a token, and the "Verify Account" e-mail with its link.
	const verificationUrl = params.get('verificationUrl');
	if (tenant.verifyNewProfiles && verificationUrl) sendVerificationEmail(state, 'newProfile', createToken(state, profile), profile, verificationUrl);
	return oneProfile(state, call, profile);
}

/** ProfileServiceImpl.updateProfile(id, callback): getNonNullProfile, the change, lastModified. */
function update(state: CrafterState, call: Call, change: (profile: StoredProfile) => EmulatorResponse | undefined): EmulatorResponse {
	const profile = requireProfile(state, call, call.vars.id);
	if (isResponse(profile)) return profile;
	const refused = change(profile);
	if (refused) return refused;
	profile.lastModified = new Date();
	return oneProfile(state, call, profile);
}

/** POST /{id}/update -> updateProfile: the e-mail is checked before the profile is looked up. */
export function updateProfile(state: CrafterState, call: Call): EmulatorResponse {
	const { params } = call;
	const enabledText = params.get('enabled');
	const enabled = enabledText ? parseBoolean(enabledText) : undefined;
	if (enabledText && enabled === undefined) return typeMismatch('java.lang.Boolean', enabledText);
	const attributes = deserializeAttributes(params.get('attributes'));
	if (isResponse(attributes)) return attributes;
	const email = params.get('email');
	if (email && !isEmail(email)) return invalidEmail(email);
	return update(state, call, (profile) => {
		const username = params.get('username');
		const password = params.get('password');
		if (attributes && Object.keys(attributes).length) {
			const tenant = findTenant(state.tenants, profile.tenant);
			if (isResponse(tenant)) return tenant;
			const refused = rejectAttributes(tenant, call.token, Object.keys(attributes), 'WRITE_ATTRIBUTE');
			if (refused) return refused;
		}
		if (username) profile.username = username;
		if (password) profile.passwordHash = hashPassword(password);
		if (email) profile.email = email;
		if (enabled !== undefined) profile.enabled = enabled;
		if (params.getAll('role').length) profile.roles = [...new Set(listParam(params, 'role'))];
		if (attributes) Object.assign(profile.attributes, attributes);
		return undefined;
	});
}

/** POST /{id}/enable and /{id}/disable -> enableProfile / disableProfile. */
export const enableProfile = (state: CrafterState, call: Call) => update(state, call, (profile) => void (profile.enabled = true));
export const disableProfile = (state: CrafterState, call: Call) => update(state, call, (profile) => void (profile.enabled = false));

/** POST /{id}/roles/add and /remove -> addRoles / removeRoles; "role" is required (Collection<String>). */
export function changeRoles(adding: boolean) {
	return (state: CrafterState, call: Call): EmulatorResponse => {
		if (!call.params.getAll('role').length) return missingParameter('role', 'Collection');
		const roles = listParam(call.params, 'role');
		return update(state, call, (profile) => {
			profile.roles = adding ? [...new Set([...profile.roles, ...roles])] : profile.roles.filter((role) => !roles.includes(role));
			return undefined;
		});
	};
}

/**
 * POST /{id}/attributes/update -> updateAttributes: the attributes are the JSON request body (@RequestBody),
 * which Spring reads before the service runs: another content type is 415, unreadable JSON 400 (both OTHER,
 * through ResponseEntityExceptionHandler). Inferred: the exact Spring/Jackson wording of those two messages.
 */
export function updateAttributes(state: CrafterState, call: Call): EmulatorResponse {
	if (!/^application\/(.+\+)?json/i.test(call.contentType)) {
		return errorDetails(415, 'OTHER', `Content-Type '${call.contentType.split(';')[0] || 'application/octet-stream'}' is not supported`);
	}
	let attributes: unknown;
	try {
		attributes = JSON.parse(call.body.toString('utf8'));
	} catch (error) {
		const detail = call.body.length ? `JSON parse error: ${(error as Error).message}` : 'Required request body is missing';
		return errorDetails(400, 'OTHER', detail);
	}
	if (!attributes || typeof attributes !== 'object' || Array.isArray(attributes)) {
		return errorDetails(400, 'OTHER', 'JSON parse error: Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.String,java.lang.Object>`');
	}
	const changes = attributes as Record<string, unknown>;
	return update(state, call, (profile) => {
		const tenant = findTenant(state.tenants, profile.tenant);
		if (isResponse(tenant)) return tenant;
		const refused = rejectAttributes(tenant, call.token, Object.keys(changes), 'WRITE_ATTRIBUTE');
		if (refused) return refused;
		Object.assign(profile.attributes, changes);
		return undefined;
	});
}

/** POST /{id}/attributes/remove -> removeAttributes: "attributeName" required, REMOVE_ATTRIBUTE on each. */
export function removeAttributes(state: CrafterState, call: Call): EmulatorResponse {
	if (!call.params.getAll('attributeName').length) return missingParameter('attributeName', 'Collection');
	const names = listParam(call.params, 'attributeName');
	return update(state, call, (profile) => {
		const tenant = findTenant(state.tenants, profile.tenant);
		if (isResponse(tenant)) return tenant;
		const refused = rejectAttributes(tenant, call.token, names, 'REMOVE_ATTRIBUTE');
		if (refused) return refused;
		for (const name of names) delete profile.attributes[name];
		return undefined;
	});
}

/**
 * POST /{id}/delete -> deleteProfile: 200 with no body. An unknown (well-formed) id is no error: the service
 * removes only a profile it found. GridFS attachments are not removed with the profile.
 */
export function deleteProfile(state: CrafterState, call: Call): EmulatorResponse {
	const found = lookupProfile(state, call.token, call.vars.id);
	if (isResponse(found)) return found;
	if (found) state.records.delete(found.id);
	return { status: 200, body: Buffer.alloc(0) };
}

/** POST /{id}/verification_token/create -> createVerificationToken: VerificationToken {id, tenant, profileId, timestamp}. */
export function createVerificationToken(state: CrafterState, call: Call): EmulatorResponse {
	const profile = requireProfile(state, call, call.vars.id);
	if (isResponse(profile)) return profile;
	const token = createToken(state, profile);
	return { status: 200, json: { ...token, timestamp: token.timestamp.getTime() } };
}

/** POST /verify -> verifyProfile: unknown token 404 NO_SUCH_VERIFICATION_TOKEN; enables and verifies; the token is used up. */
export function verifyProfile(state: CrafterState, call: Call): EmulatorResponse {
	const tokenId = call.params.get('verificationTokenId');
	if (tokenId === undefined) return missingParameter('verificationTokenId');
	const token = state.verificationTokens.get(tokenId);
	if (!token) return errorDetails(404, 'NO_SUCH_VERIFICATION_TOKEN', `No verification token found for ID "${tokenId}"`);
	const answer = update(state, { ...call, vars: { id: token.profileId } }, (profile) => {
		profile.enabled = true;
		profile.verified = true;
		return undefined;
	});
	if (answer.status === 200) state.verificationTokens.delete(tokenId);
	return answer;
}

/**
 * POST /{id}/reset_password -> resetPassword: "resetPasswordUrl" is required; getNonNullProfile (404), then a
 * token and the "Reset Password" e-mail with the link; the answer is the profile, unchanged.
 */
export function resetPassword(state: CrafterState, call: Call): EmulatorResponse {
	const resetPasswordUrl = call.params.get('resetPasswordUrl');
	if (resetPasswordUrl === undefined) return missingParameter('resetPasswordUrl');
	const profile = requireProfile(state, call, call.vars.id);
	if (isResponse(profile)) return profile;
	sendVerificationEmail(state, 'resetPassword', createToken(state, profile), profile, resetPasswordUrl);
	return oneProfile(state, call, profile);
}

/**
 * POST /change_password -> changePassword: "resetTokenId" and "newPassword" required; an unknown token is 404
 * NO_SUCH_VERIFICATION_TOKEN; the password is set and the token used up.
 */
export function changePassword(state: CrafterState, call: Call): EmulatorResponse {
	const tokenId = call.params.get('resetTokenId');
	if (tokenId === undefined) return missingParameter('resetTokenId');
	const newPassword = call.params.get('newPassword');
	if (newPassword === undefined) return missingParameter('newPassword');
	const token = state.verificationTokens.get(tokenId);
	if (!token) return errorDetails(404, 'NO_SUCH_VERIFICATION_TOKEN', `No verification token found for ID "${tokenId}"`);
	const answer = update(state, { ...call, vars: { id: token.profileId } }, (profile) => void (profile.passwordHash = hashPassword(newPassword)));
	if (answer.status === 200) state.verificationTokens.delete(tokenId);
	return answer;
}
