import type { EmulatorResponse } from '../emulator-server';
import type { AccessToken } from './access-tokens';
import { CRAFTER_TENANT, CRAFTER_VERIFYING_TENANT } from './constants';
import { actionDenied, errorDetails } from './errors';

/** AttributeAction (server): what an AttributePermission allows. */
export type AttributeAction = 'READ_ATTRIBUTE' | 'WRITE_ATTRIBUTE' | 'REMOVE_ATTRIBUTE';

/** AttributeDefinition (api): a name, permissions per application ("*" any), and an optional default value. */
export interface AttributeDefinition {
	name: string;
	permissions: Array<{ application: string; actions: string[] }>;
	defaultValue?: unknown;
}

/** Tenant (api), the parts the profile endpoints use. */
export interface Tenant {
	name: string;
	/** Tenant.verifyNewProfiles: with a verificationUrl, a new profile starts disabled and is mailed a link. */
	verifyNewProfiles: boolean;
	attributeDefinitions: AttributeDefinition[];
}

const EVERYONE = [{ application: '*', actions: ['*'] }];

const DEFINITIONS: AttributeDefinition[] = [
	{ name: 'firstName', permissions: EVERYONE },
	{ name: 'lastName', permissions: EVERYONE },
	{ name: 'phone', permissions: EVERYONE },
	{ name: 'idScan', permissions: EVERYONE },
	{ name: 'kycStatus', permissions: EVERYONE, defaultValue: 'pending' },
	// Written only by the back office; every other application may read it.
	{
		name: 'riskScore',
		permissions: [
			{ application: 'back-office', actions: ['*'] },
			{ application: '*', actions: ['READ_ATTRIBUTE'] },
		],
	},
	// Only the back office sees it: filtered out of every other application's answers.
	{ name: 'internalNotes', permissions: [{ application: 'back-office', actions: ['*'] }] },
];

/** The seeded tenants, printed by `npm run emulators`: the same attributes, only the second verifies new profiles. */
export const SEEDED_TENANTS: Tenant[] = [
	{ name: CRAFTER_TENANT, verifyNewProfiles: false, attributeDefinitions: DEFINITIONS },
	{ name: CRAFTER_VERIFYING_TENANT, verifyNewProfiles: true, attributeDefinitions: DEFINITIONS },
];

/** AttributePermissionResolver: the first permission for "*" or the token's application decides. */
export function attributeAllows(definition: AttributeDefinition, token: AccessToken, action: AttributeAction): boolean {
	const permission = definition.permissions.find((candidate) => candidate.application === '*' || candidate.application === token.application);
	return Boolean(permission && (permission.actions.includes(action) || permission.actions.includes('*')));
}

/** ProfileServiceImpl.getTenant: NoSuchTenantException -> 404 NO_SUCH_TENANT (errors.properties profile.tenant.noSuchTenant). */
export function findTenant(tenants: Map<string, Tenant>, name: string): Tenant | EmulatorResponse {
	return tenants.get(name) ?? errorDetails(404, 'NO_SUCH_TENANT', `No tenant with name "${name}" found`);
}

/**
 * ProfileServiceImpl.rejectAttributesIfActionNotAllowed, name by name: an undefined attribute is 400
 * ATTRIBUTE_NOT_DEFINED, a forbidden one 403 ACTION_DENIED.
 */
export function rejectAttributes(tenant: Tenant, token: AccessToken, names: Iterable<string>, action: AttributeAction): EmulatorResponse | undefined {
	for (const name of names) {
		const definition = tenant.attributeDefinitions.find((candidate) => candidate.name === name);
		if (!definition) return attributeNotDefined(name, tenant.name);
		if (!attributeAllows(definition, token, action)) return actionDenied(action, `attribute "${name}"`);
	}
	return undefined;
}

/** AttributeNotDefinedException -> 400 (errors.properties profile.attribute.attributeNotDefined). */
export const attributeNotDefined = (name: string, tenant: string) =>
	errorDetails(400, 'ATTRIBUTE_NOT_DEFINED', `Attribute definition for attribute "${name}" not found in tenant "${tenant}"`);

/**
 * ProfileServiceImpl.filterNonReadableAttributes: attributes the application may not read are dropped; one
 * without a definition fails the whole read with ATTRIBUTE_NOT_DEFINED.
 */
export function readableAttributes(tenant: Tenant, token: AccessToken, attributes: Record<string, unknown>): Record<string, unknown> | EmulatorResponse {
	const readable: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(attributes)) {
		const definition = tenant.attributeDefinitions.find((candidate) => candidate.name === name);
		if (!definition) return attributeNotDefined(name, tenant.name);
		if (attributeAllows(definition, token, 'READ_ATTRIBUTE')) readable[name] = value;
	}
	return readable;
}

/** How `npm run emulators` lists an attribute: its name, and what an application other than the back office may not do. */
export function attributeLabel(definition: AttributeDefinition): string {
	const forOthers = definition.permissions.find((permission) => permission.application === '*');
	if (!forOthers) return `${definition.name} (hidden)`;
	if (forOthers.actions.includes('*')) return definition.name;
	return `${definition.name} (read only)`;
}
