import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { assertEmail } from '../../../shared/parameters/email';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesJsonField, jsonObjectOf, splitNames } from './fields';
import { changeProfile } from './request';

const properties: INodeProperties[] = [
	profileIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			attributesJsonField('Attributes to set, as a JSON object; attributes not named keep their values'),
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether the profile may sign in' },
			{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', description: 'A new password' },
			{
				displayName: 'Roles',
				name: 'roles',
				type: 'string',
				default: '',
				placeholder: 'e.g. CUSTOMER, VERIFIED_CUSTOMER',
				description: "Comma-separated roles that replace the profile's roles (Add Role and Remove Role change one role at a time)",
			},
			{ displayName: 'Username', name: 'username', type: 'string', default: '', description: 'A new username, unique within the tenant' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['update'] } }, properties);

/** POST /{id}/update (ProfileController.updateProfile: username, password, email, enabled, role, attributes): only the fields given change. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const email = String(fields.email ?? '').trim();
	if (email) assertEmail('Email', email);
	const password = String(fields.password ?? '');
	const attributes = jsonObjectOf(ctx, 'updateFields.attributes', 'Attributes (JSON)', itemIndex);
	const hasAttributes = Object.keys(attributes).length > 0;
	const username = String(fields.username ?? '').trim();
	const enabled = fields.enabled === undefined ? undefined : String(Boolean(fields.enabled));
	const roles = splitNames(String(fields.roles ?? ''));
	if (!email && !password && !hasAttributes && !username && enabled === undefined && !roles.length) {
		throw new InputRefusal(
			'Update Fields is empty',
			'Add Username, Email, Password, Enabled, Roles or Attributes (JSON) under Update Fields: Crafter changes only the fields sent.',
		);
	}
	return await changeProfile(
		ctx,
		itemIndex,
		profileId,
		'update',
		{
			username: username || undefined,
			email: email || undefined,
			password: password || undefined,
			enabled,
			// Crafter sets the profile's roles to these (ProfileServiceImpl.updateProfile: setRoles).
			role: roles.length ? roles : undefined,
			attributes: hasAttributes ? JSON.stringify(attributes) : undefined,
		},
		[password],
	);
}
