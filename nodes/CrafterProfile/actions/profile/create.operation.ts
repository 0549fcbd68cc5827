import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { assertEmail } from '../../../shared/parameters/email';
import { optionalText, requiredText } from '../../../shared/parameters/parameters';
import { crafterApiRequest, crafterForm, crafterObject } from '../../transport';
import { linkUrlOf } from './link-url';
import { profileFinder } from './reconcile';
import { attributesJsonField, jsonObjectOf, splitNames, tenantNameField, tenantNameOf } from './fields';

const properties: INodeProperties[] = [
	tenantNameField,
	{ displayName: 'Username', name: 'username', type: 'string', default: '', required: true, description: 'Unique within the tenant' },
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The password the person signs in with; Crafter stores only its hash',
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
	{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether the profile may sign in' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			attributesJsonField("The attributes as a JSON object; each must be defined in the tenant and writable by the access token's application"),
			{ displayName: 'Roles', name: 'roles', type: 'string', default: '', placeholder: 'e.g. CUSTOMER, SOCIAL_USER', description: 'Comma-separated roles' },
			{
				displayName: 'Verification URL',
				name: 'verificationUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://shop.example.com/verify',
				description:
					'Your page that completes the sign-up. In a tenant with "verify new profiles" on, Crafter creates the profile disabled and e-mails the person this address with ?tokenId=… added; pass that token to Verify (Verify With: Verification Token). Other tenants ignore it.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['create'] } }, properties);

/**
 * POST /api/1/profile/create (ProfileController.createProfile). With verificationUrl, a tenant that verifies new
 * profiles creates it disabled and e-mails the link (ProfileServiceImpl.createProfile, VerificationServiceImpl.sendEmail).
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const tenantName = tenantNameOf(ctx, itemIndex);
	const username = requiredText(ctx, 'username', 'Username', itemIndex);
	const password = requiredText(ctx, 'password', 'Password', itemIndex);
	const email = requiredText(ctx, 'email', 'Email', itemIndex);
	assertEmail('Email', email);
	const enabled = Boolean(ctx.getNodeParameter('enabled', itemIndex, true));
	const attributes = jsonObjectOf(ctx, 'additionalFields.attributes', 'Attributes (JSON)', itemIndex);
	const roles = splitNames(optionalText(ctx, 'additionalFields.roles', itemIndex) ?? '');
	const verificationUrl = linkUrlOf(ctx, 'additionalFields.verificationUrl', 'Verification URL', itemIndex);
	const form = crafterForm({
		tenantName,
		username,
		password,
		email,
		enabled: String(enabled),
		role: roles,
		attributes: Object.keys(attributes).length ? JSON.stringify(attributes) : undefined,
		verificationUrl,
	});
	// Not repeated after a server fault (a create that did land would come back as PROFILE_EXISTS): Crafter is
	// asked for the username instead.
	const response = await crafterApiRequest(ctx, {
		method: 'POST',
		url: '/create',
		...form,
		json: false,
		itemIndex,
		idempotent: false,
		secrets: [password],
		reconcile: profileFinder(ctx, itemIndex, { tenantName, username, email }),
	});
	return { json: crafterObject(response, 'profile') };
}
