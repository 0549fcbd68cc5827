import { startHttpEmulator, type EmulatorRequest, type EmulatorResponse, type RunningEmulator } from '../emulator-server';
import type { MultipartPart } from '../multipart';
import type { SmtpTarget } from '../smtp-client';
import { authenticate, type AccessToken } from './access-tokens';
import { details, download, list, upload } from './attachments';
import { CONTEXT_PATH, CRAFTER_ACCESS_TOKEN, CRAFTER_SEEDED_PROFILE_IDS, CRAFTER_SEEDED_TICKET, CRAFTER_SEEDED_USERNAMES, CRAFTER_TENANT } from './constants';
import { containerError, errorDetails } from './errors';
import * as reads from './profile-reads';
import * as writes from './profile-writes';
import { hashPassword } from './profiles';
import { isMultipartPost, parseMultipartRequest, requestParams } from './request-params';
import { lookupRoute, optionsAllow, type Route } from './routing';
import { isObjectId, newObjectId, type CrafterState, type Handler, type StoredAttachment, type StoredProfile } from './state';
import { SEEDED_TENANTS, type Tenant } from './tenants';

export * from './constants';
export type { StoredAttachment, StoredProfile } from './state';
export { attributeLabel, SEEDED_TENANTS, type Tenant } from './tenants';

/*
 * Emulates a self-hosted Crafter Profile server (Spring MVC in Tomcat, profiles in MongoDB, files in GridFS):
 * the profile and attachment endpoints of ProfileController under /api/1/profile. The behaviour follows the
 * server's source (craftercms/profile) rather than its documentation, in the order a request meets each layer:
 *   1. a multipart POST is parsed before anything else (request-params.ts);
 *   2. handler lookup: no mapping -> Tomcat's 404 page; wrong method -> 405 JSON (ResponseEntityExceptionHandler);
 *   3. AccessTokenCheckingInterceptor: accessTokenId missing, unknown or expired -> 403 ACCESS_DENIED;
 *   4. the controller's parameter binding, then the ProfileServiceImpl method (profile-*.ts, attachments.ts).
 */

export interface CrafterEmulator extends RunningEmulator {
	/** origin + '/crafter-profile', what a credential's baseUrl is set to. */
	baseUrl: string;
	accessToken: string;
	/** profileId -> baseName -> attachment. */
	profiles: Map<string, Map<string, StoredAttachment>>;
	/** profileId -> the stored profile document (the password only as a hash). */
	profileRecords: Map<string, StoredProfile>;
	tenants: Map<string, Tenant>;
	/** Creates a profile in tenant "default" (random 24-hex id if none; an existing one is kept); returns its id. */
	addProfile(id?: string): string;
	/** Uploads answered 200, in order. */
	acceptedUploads: CrafterState['acceptedUploads'];
	/** Profiles created through the API (not the seeded ones), in order. */
	createdProfiles: CrafterState['createdProfiles'];
	/** Verification and reset e-mails the server sent (verification.ts), whether or not an SMTP server took them. */
	sentMails: CrafterState['sentMails'];
	/** Deliveries the SMTP server refused (Crafter only logs them). */
	mailFailures: string[];
	/** Resolves when every e-mail sent so far reached the SMTP server (sendEmail is @Async in Crafter). */
	mailsDelivered(): Promise<void>;
}

type RouteName = keyof typeof HANDLERS;

const HANDLERS = {
	count: reads.count,
	countByQuery: reads.countByQuery,
	byUsername: reads.getProfileByUsername,
	byTicket: reads.getProfileByTicket,
	byQuery: reads.getProfilesByQuery,
	byIds: reads.getProfilesByIds,
	range: reads.getProfileRange,
	byRole: reads.getProfilesByRole,
	byAttributeValue: reads.getProfilesByAttributeValue,
	byExistingAttribute: reads.getProfilesByExistingAttribute,
	get: reads.getProfile,
	getAttributes: reads.getAttributes,
	create: writes.createProfile,
	verify: writes.verifyProfile,
	update: writes.updateProfile,
	enable: writes.enableProfile,
	disable: writes.disableProfile,
	addRoles: writes.changeRoles(true),
	removeRoles: writes.changeRoles(false),
	updateAttributes: writes.updateAttributes,
	removeAttributes: writes.removeAttributes,
	delete: writes.deleteProfile,
	createVerificationToken: writes.createVerificationToken,
	resetPassword: writes.resetPassword,
	changePassword: writes.changePassword,
	upload,
	list,
	details,
	download,
} satisfies Record<string, Handler>;

/** ProfileConstants.URL_PROFILE_*, literal patterns before those with a variable in the same place. */
const ROUTES: Array<Route<RouteName>> = [
	{ name: 'count', method: 'GET', pattern: '/count' },
	{ name: 'countByQuery', method: 'GET', pattern: '/count_by_query' },
	{ name: 'create', method: 'POST', pattern: '/create' },
	{ name: 'verify', method: 'POST', pattern: '/verify' },
	{ name: 'byUsername', method: 'GET', pattern: '/by_username' },
	{ name: 'byTicket', method: 'GET', pattern: '/by_ticket' },
	{ name: 'byQuery', method: 'GET', pattern: '/by_query' },
	{ name: 'byIds', method: 'GET', pattern: '/by_ids' },
	{ name: 'range', method: 'GET', pattern: '/range' },
	{ name: 'byRole', method: 'GET', pattern: '/by_role' },
	{ name: 'byAttributeValue', method: 'GET', pattern: '/by_attribute_value' },
	{ name: 'byExistingAttribute', method: 'GET', pattern: '/by_existing_attribute' },
	{ name: 'changePassword', method: 'POST', pattern: '/change_password' },
	{ name: 'get', method: 'GET', pattern: '/{id}' },
	{ name: 'update', method: 'POST', pattern: '/{id}/update' },
	{ name: 'enable', method: 'POST', pattern: '/{id}/enable' },
	{ name: 'disable', method: 'POST', pattern: '/{id}/disable' },
	{ name: 'addRoles', method: 'POST', pattern: '/{id}/roles/add' },
	{ name: 'removeRoles', method: 'POST', pattern: '/{id}/roles/remove' },
	{ name: 'getAttributes', method: 'GET', pattern: '/{id}/attributes' },
	{ name: 'updateAttributes', method: 'POST', pattern: '/{id}/attributes/update' },
	{ name: 'removeAttributes', method: 'POST', pattern: '/{id}/attributes/remove' },
	{ name: 'delete', method: 'POST', pattern: '/{id}/delete' },
	{ name: 'createVerificationToken', method: 'POST', pattern: '/{id}/verification_token/create' },
	{ name: 'resetPassword', method: 'POST', pattern: '/{id}/reset_password' },
	{ name: 'upload', method: 'POST', pattern: '/{id}/uploadAttachment' },
	{ name: 'list', method: 'GET', pattern: '/{id}/attachments/' },
	{ name: 'details', method: 'GET', pattern: '/{id}/attachment/{attachmentId}/details' },
	{ name: 'download', method: 'GET', pattern: '/{id}/attachment/{attachmentId}' },
];

function handle(state: CrafterState, request: EmulatorRequest): EmulatorResponse {
	let parts: MultipartPart[] | undefined;
	if (isMultipartPost(request)) {
		const parsed = parseMultipartRequest(request);
		if (!Array.isArray(parsed)) return parsed;
		parts = parsed;
	}
	const lookup = lookupRoute(ROUTES, request.method, request.path);
	if (lookup.kind === 'none') return containerError(404);
	// Spring answers OPTIONS itself, but through a handler, so after the token interceptor.
	if (lookup.kind === 'wrong-method' && request.method !== 'OPTIONS') {
		return {
			...errorDetails(405, 'OTHER', `Request method '${request.method}' not supported`),
			headers: { allow: lookup.allowed.join(',') },
		};
	}
	const params = requestParams(request, parts);
	const token = authenticate(params.get('accessTokenId'));
	if (!('tenantPermissions' in token)) return token;
	if (lookup.kind === 'wrong-method') return { status: 200, headers: { allow: optionsAllow(lookup.allowed) } };
	const contentType = String(request.headers['content-type'] ?? '');
	return HANDLERS[lookup.route.name](state, { params, vars: lookup.vars, parts, token: token as AccessToken, body: request.body, contentType });
}

function addProfile(state: CrafterState, id?: string, username?: string): string {
	if (id !== undefined && !isObjectId(id)) throw new Error(`Crafter profile ids are 24 hex characters, not "${id}"`);
	const profileId = (id ?? newObjectId()).toLowerCase();
	if (!state.records.has(profileId)) {
		const now = new Date();
		const name = username ?? `customer-${profileId.slice(-6)}`;
		state.records.set(profileId, {
			id: profileId,
			tenant: CRAFTER_TENANT,
			username: name,
			passwordHash: hashPassword(randomPassword()),
			email: `${name}@example.com`,
			verified: false,
			enabled: true,
			createdOn: now,
			lastModified: now,
			roles: ['CUSTOMER'],
			attributes: { kycStatus: 'pending' },
		});
	}
	if (!state.attachments.has(profileId)) state.attachments.set(profileId, new Map());
	return profileId;
}

const randomPassword = () => newObjectId();

export interface CrafterEmulatorOptions {
	port?: number;
	host?: string;
	/** crafter.profile.mail.host/port: the SMTP server for verification and reset e-mails (the mail sink). */
	smtp?: SmtpTarget;
}

export async function startCrafterEmulator(options: CrafterEmulatorOptions = {}): Promise<CrafterEmulator> {
	const state: CrafterState = {
		tenants: new Map(SEEDED_TENANTS.map((tenant) => [tenant.name, structuredClone(tenant)])),
		records: new Map(),
		attachments: new Map(),
		acceptedUploads: [],
		createdProfiles: [],
		saveOrder: new Map(),
		saves: 0,
		verificationTokens: new Map(),
		tickets: new Map([[CRAFTER_SEEDED_TICKET, CRAFTER_SEEDED_PROFILE_IDS[0]]]),
		smtp: options.smtp,
		sentMails: [],
		pendingMails: [],
		mailFailures: [],
	};
	const mailsDelivered = async () => void (await Promise.all(state.pendingMails));
	CRAFTER_SEEDED_PROFILE_IDS.forEach((id, index) => addProfile(state, id, CRAFTER_SEEDED_USERNAMES[index]));
	const emulator = await startHttpEmulator((request) => handle(state, request), { port: options.port, host: options.host });
	return {
		...emulator,
		baseUrl: `${emulator.origin}${CONTEXT_PATH}`,
		accessToken: CRAFTER_ACCESS_TOKEN,
		profiles: state.attachments,
		profileRecords: state.records,
		tenants: state.tenants,
		addProfile: (id?: string) => addProfile(state, id),
		acceptedUploads: state.acceptedUploads,
		createdProfiles: state.createdProfiles,
		sentMails: state.sentMails,
		mailFailures: state.mailFailures,
		mailsDelivered,
		close: async () => {
			await mailsDelivered();
			await emulator.close();
		},
	};
}
