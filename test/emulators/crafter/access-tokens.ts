import type { EmulatorResponse } from '../emulator-server';
import {
	CRAFTER_ACCESS_TOKEN,
	CRAFTER_ALL_TENANTS_TOKEN,
	CRAFTER_EXPIRED_TOKEN,
	CRAFTER_READONLY_TOKEN,
	CRAFTER_TENANT,
	CRAFTER_VERIFYING_TENANT,
	MANAGE_PROFILES,
} from './constants';
import { actionDenied, errorDetails } from './errors';

/** AccessToken (api): the application it was issued to and its TenantPermissions. */
export interface AccessToken {
	application: string;
	/** tenant (or '*') -> allowed actions (or '*'), in the order TenantPermissionResolver tries them. */
	tenantPermissions: Array<{ tenant: string; actions: string[] }>;
	expiresOn?: Date;
}

/** The application of the node's token; attribute definitions grant their permissions per application. */
export const NODE_APPLICATION = 'n8n-identity-uploads';

const ACCESS_TOKENS = new Map<string, AccessToken>([
	[
		CRAFTER_ACCESS_TOKEN,
		{
			application: NODE_APPLICATION,
			tenantPermissions: [
				{ tenant: CRAFTER_TENANT, actions: ['READ_TENANT', MANAGE_PROFILES] },
				{ tenant: CRAFTER_VERIFYING_TENANT, actions: ['READ_TENANT', MANAGE_PROFILES] },
			],
		},
	],
	[CRAFTER_READONLY_TOKEN, { application: 'reporting', tenantPermissions: [{ tenant: CRAFTER_TENANT, actions: ['READ_TENANT'] }] }],
	[
		CRAFTER_EXPIRED_TOKEN,
		{
			application: 'legacy-portal',
			tenantPermissions: [{ tenant: CRAFTER_TENANT, actions: ['READ_TENANT', MANAGE_PROFILES] }],
			expiresOn: new Date(Date.UTC(2024, 0, 1)),
		},
	],
	[CRAFTER_ALL_TENANTS_TOKEN, { application: NODE_APPLICATION, tenantPermissions: [{ tenant: '*', actions: ['*'] }] }],
]);

const twoDigits = (value: number) => String(value).padStart(2, '0');
/** {2,date,MM/dd/yyyy} in the message pattern; the server's time zone is taken to be UTC. */
const formatDate = (date: Date) => `${twoDigits(date.getUTCMonth() + 1)}/${twoDigits(date.getUTCDate())}/${date.getUTCFullYear()}`;

/** AccessTokenCheckingInterceptor (errors.properties profile.accessToken.*): 403 ACCESS_DENIED. */
export function authenticate(tokenId: string | undefined): AccessToken | EmulatorResponse {
	if (!tokenId) return errorDetails(403, 'ACCESS_DENIED', 'Access token ID param missing from request');
	const token = ACCESS_TOKENS.get(tokenId);
	if (!token) return errorDetails(403, 'ACCESS_DENIED', `No access token found for ID "${tokenId}"`);
	if (token.expiresOn && Date.now() >= token.expiresOn.getTime()) {
		const expiry = formatDate(token.expiresOn);
		const message = `Access token "${tokenId}" for application "${token.application}" expired on ${expiry}`;
		return errorDetails(403, 'ACCESS_DENIED', message);
	}
	return token;
}

/** TenantPermissionResolver: the first permission for "*" or the tenant decides; none allows nothing. */
function allows(token: AccessToken, tenant: string, action: string): boolean {
	const permission = token.tenantPermissions.find((candidate) => candidate.tenant === '*' || candidate.tenant === tenant);
	return Boolean(permission && (permission.actions.includes(action) || permission.actions.includes('*')));
}

/** ProfileServiceImpl.checkIfManageProfilesIsAllowed: undefined when allowed, else the 403. */
export function manageProfilesDenied(token: AccessToken, tenant: string): EmulatorResponse | undefined {
	return allows(token, tenant, MANAGE_PROFILES) ? undefined : actionDenied(MANAGE_PROFILES, `tenant "${tenant}"`);
}
