import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { assertEmail } from '../../../shared/parameters/email';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesJsonField, jsonObjectOf } from './fields';
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
			{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', description: 'A new password' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['update'] } }, properties);

/** POST /{id}/update (ProfileController.updateProfile): only the fields given change. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const email = String(fields.email ?? '').trim();
	if (email) assertEmail('Email', email);
	const password = String(fields.password ?? '');
	const attributes = jsonObjectOf(ctx, 'updateFields.attributes', 'Attributes (JSON)', itemIndex);
	const hasAttributes = Object.keys(attributes).length > 0;
	if (!email && !password && !hasAttributes) {
		throw new InputRefusal('Update Fields is empty', 'Add Email, Password or Attributes (JSON) under Update Fields: Crafter changes only the fields sent.');
	}
	return await changeProfile(ctx, itemIndex, profileId, 'update', {
		email: email || undefined,
		password: password || undefined,
		attributes: hasAttributes ? JSON.stringify(attributes) : undefined,
	}, [password]);
}
