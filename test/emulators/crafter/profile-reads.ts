import type { EmulatorResponse } from '../emulator-server';
import { manageProfilesDenied } from './access-tokens';
import { errorDetails, missingParameter, typeMismatch } from './errors';
import { isResponse, lookupProfile, oneProfile, profileDocument, profileJson, profilesJson, requireProfile } from './profiles';
import { matchesQuery, MongoQueryError, parseQuery, queryRefusalMessage, refuseQuery } from './query';
import { listParam } from './request-params';
import { isObjectId, type Call, type CrafterState, type StoredProfile } from './state';
import { findTenant } from './tenants';

/*
 * The reading endpoints of server/src/main/java/org/craftercms/profile/controllers/rest/ProfileController.java,
 * through ProfileServiceImpl and ProfileRepositoryImpl (addSort, addRange, addProjection).
 */

/** GET /{id} -> getProfile: null -> NoSuchProfileException.ById, 404. */
export function getProfile(state: CrafterState, call: Call): EmulatorResponse {
	const profile = requireProfile(state, call, call.vars.id);
	return isResponse(profile) ? profile : oneProfile(state, call, profile);
}

/** GET /{id}/attributes -> getAttributes: the readable attributes as a JSON object. */
export function getAttributes(state: CrafterState, call: Call): EmulatorResponse {
	const profile = requireProfile(state, call, call.vars.id);
	if (isResponse(profile)) return profile;
	const json = profileJson(state, call, profile);
	return isResponse(json) ? json : { status: 200, json: json.attributes };
}

/** GET /by_username -> getProfileByUsername: MANAGE_PROFILES on the tenant first, then 404 (noSuchProfileByUsername). */
export function getProfileByUsername(state: CrafterState, call: Call): EmulatorResponse {
	const tenantName = call.params.get('tenantName');
	if (tenantName === undefined) return missingParameter('tenantName');
	const username = call.params.get('username');
	if (username === undefined) return missingParameter('username');
	const denied = manageProfilesDenied(call.token, tenantName);
	if (denied) return denied;
	const profile = [...state.records.values()].find((candidate) => candidate.tenant === tenantName && candidate.username === username);
	if (!profile) return errorDetails(404, 'NO_SUCH_PROFILE', `No profile found for tenant "${tenantName}" and username "${username}"`);
	return oneProfile(state, call, profile);
}

/** GET /by_ticket -> getProfileByTicket: an unknown ticket is NoSuchTicketException.Expired, 400 (profile.auth.noSuchTicket). */
export function getProfileByTicket(state: CrafterState, call: Call): EmulatorResponse {
	const ticketId = call.params.get('ticketId');
	if (ticketId === undefined) return missingParameter('ticketId');
	const profileId = state.tickets.get(ticketId);
	if (!profileId) return errorDetails(400, 'NO_SUCH_TICKET', `No ticket with ID "${ticketId}" found`);
	const profile = lookupProfile(state, call.token, profileId);
	if (isResponse(profile)) return profile;
	if (!profile) return errorDetails(404, 'NO_SUCH_PROFILE', `No profile found for ticket "${ticketId}"`);
	return oneProfile(state, call, profile);
}

const profilesOf = (state: CrafterState, tenantName: string) => [...state.records.values()].filter((profile) => profile.tenant === tenantName);

/** The tenantName every list needs, with MANAGE_PROFILES on it. */
function tenantParam(call: Call): string | EmulatorResponse {
	const tenantName = call.params.get('tenantName');
	if (tenantName === undefined) return missingParameter('tenantName');
	return manageProfilesDenied(call.token, tenantName) ?? tenantName;
}

/** GET /count -> getProfileCount: only the permission check, no tenant lookup (an unknown tenant the token may manage counts 0). */
export function count(state: CrafterState, call: Call): EmulatorResponse {
	const tenantName = tenantParam(call);
	if (isResponse(tenantName)) return tenantName;
	return { status: 200, json: profilesOf(state, tenantName).length };
}

/**
 * The profiles of the tenant a query selects: permission, getTenant (404), validateQuery (400 INVALID_QUERY),
 * then MongoDB; what MongoDB cannot run is a MongoDataException, 500 OTHER with the service's sentence
 * (inferred: the {0} there is the Tenant object; the emulator writes its name).
 */
function byQuery(state: CrafterState, call: Call, failure: (tenant: string, query: string) => string): StoredProfile[] | EmulatorResponse {
	const tenantName = tenantParam(call);
	if (isResponse(tenantName)) return tenantName;
	const query = call.params.get('query');
	if (query === undefined) return missingParameter('query');
	const tenant = findTenant(state.tenants, tenantName);
	if (isResponse(tenant)) return tenant;
	const refusal = refuseQuery(tenant, call.token, query);
	if (refusal) return errorDetails(400, 'INVALID_QUERY', queryRefusalMessage(refusal));
	try {
		const parsed = parseQuery(query);
		return profilesOf(state, tenantName).filter((profile) => matchesQuery(profileDocument(profile), parsed));
	} catch (error) {
		if (error instanceof MongoQueryError) return errorDetails(500, 'OTHER', failure(tenantName, query));
		throw error;
	}
}

/** GET /count_by_query -> getProfileCountByQuery. */
export function countByQuery(state: CrafterState, call: Call): EmulatorResponse {
	const found = byQuery(state, call, (tenant, query) => `Error occurred while trying to get profile count of tenant "${tenant}" for query ${query}`);
	return isResponse(found) ? found : { status: 200, json: found.length };
}

function integerParam(call: Call, name: string): number | undefined | EmulatorResponse {
	const text = call.params.get(name);
	if (text === undefined || text === '') return undefined;
	if (!/^[-+]?\d+$/.test(text.trim())) return typeMismatch('java.lang.Integer', text);
	return Number(text);
}

/** ProfileRepositoryImpl.addSort: by sortBy (dotted for attributes) when given, ASC unless DESC; else natural order. */
function sorted(call: Call, profiles: StoredProfile[]): StoredProfile[] | EmulatorResponse {
	const sortBy = call.params.get('sortBy');
	const order = call.params.get('sortOrder');
	if (order !== undefined && order !== '' && order !== 'ASC' && order !== 'DESC') return typeMismatch('org.craftercms.profile.api.SortOrder', order);
	if (!sortBy) return profiles;
	const direction = order === 'DESC' ? -1 : 1;
	const keyOf = (profile: StoredProfile) =>
		sortBy
			.split('.')
			.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), profileDocument(profile));
	return [...profiles].sort((a, b) => {
		const [x, y] = [keyOf(a), keyOf(b)];
		if (x === y) return 0;
		if (x === undefined) return -direction;
		if (y === undefined) return direction;
		return (String(x) < String(y) ? -1 : 1) * direction;
	});
}

/** Sort, then addRange (skip start, limit count), then the JSON list. */
function listAnswer(state: CrafterState, call: Call, profiles: StoredProfile[], ranged: boolean): EmulatorResponse {
	const ordered = sorted(call, profiles);
	if (isResponse(ordered)) return ordered;
	if (!ranged) return profilesJson(state, call, ordered);
	const start = integerParam(call, 'start');
	if (isResponse(start)) return start;
	const limit = integerParam(call, 'count');
	if (isResponse(limit)) return limit;
	const from = Math.max(start ?? 0, 0);
	return profilesJson(state, call, ordered.slice(from, limit ? from + limit : undefined));
}

/** GET /by_query -> getProfilesByQuery (start/count). */
export function getProfilesByQuery(state: CrafterState, call: Call): EmulatorResponse {
	const found = byQuery(state, call, (tenant, query) => `Error occurred while trying to get profiles of tenant "${tenant}" by query ${query}`);
	return isResponse(found) ? found : listAnswer(state, call, found, true);
}

/** GET /range -> getProfileRange: the tenant's profiles (start/count). */
export function getProfileRange(state: CrafterState, call: Call): EmulatorResponse {
	const tenantName = tenantParam(call);
	return isResponse(tenantName) ? tenantName : listAnswer(state, call, profilesOf(state, tenantName), true);
}

/** GET /by_role -> getProfilesByRole: no start/count, every match. */
export function getProfilesByRole(state: CrafterState, call: Call): EmulatorResponse {
	const tenantName = tenantParam(call);
	if (isResponse(tenantName)) return tenantName;
	const role = call.params.get('role');
	if (role === undefined) return missingParameter('role');
	return listAnswer(
		state,
		call,
		profilesOf(state, tenantName).filter((profile) => profile.roles.includes(role)),
		false,
	);
}

/** GET /by_attribute_value -> getProfilesByAttributeValue: attributes.<name> equal to the value (as text); no start/count. */
export function getProfilesByAttributeValue(state: CrafterState, call: Call): EmulatorResponse {
	const tenantName = tenantParam(call);
	if (isResponse(tenantName)) return tenantName;
	const name = call.params.get('attributeName');
	if (name === undefined) return missingParameter('attributeName');
	const value = call.params.get('attributeValue');
	if (value === undefined) return missingParameter('attributeValue');
	const matches = profilesOf(state, tenantName).filter((profile) => matchesQuery(profileDocument(profile), { [`attributes.${name}`]: value }));
	return listAnswer(state, call, matches, false);
}

/**
 * GET /by_existing_attribute -> getProfilesByExistingAttribute: {tenant, attributes.<name>: {$exists: true}}
 * (profile-queries.xml byTenantAndExistingAttribute); no start/count, every match.
 */
export function getProfilesByExistingAttribute(state: CrafterState, call: Call): EmulatorResponse {
	const tenantName = tenantParam(call);
	if (isResponse(tenantName)) return tenantName;
	const name = call.params.get('attributeName');
	if (name === undefined) return missingParameter('attributeName');
	const matches = profilesOf(state, tenantName).filter((profile) => Object.prototype.hasOwnProperty.call(profile.attributes, name));
	return listAnswer(state, call, matches, false);
}

/**
 * GET /by_ids -> getProfilesByIds: the request parameter is "id" (PATH_VAR_ID), several values. Unknown ids are
 * left out; each found profile needs MANAGE_PROFILES on its tenant. An id that is not an ObjectId fails the
 * query: 500 OTHER (profile.profile.getProfilesError, its tenant argument never filled in).
 */
export function getProfilesByIds(state: CrafterState, call: Call): EmulatorResponse {
	if (!call.params.getAll('id').length) return missingParameter('id', 'List');
	const ids = listParam(call.params, 'id');
	if (!ids.every(isObjectId)) return errorDetails(500, 'OTHER', `Error occurred while trying to get profiles [${ids.join(', ')}] of tenant "{1}"`);
	const wanted = new Set(ids.map((id) => id.toLowerCase()));
	const found = [...state.records.values()].filter((profile) => wanted.has(profile.id));
	for (const profile of found) {
		const denied = manageProfilesDenied(call.token, profile.tenant);
		if (denied) return denied;
	}
	return listAnswer(state, call, found, false);
}
