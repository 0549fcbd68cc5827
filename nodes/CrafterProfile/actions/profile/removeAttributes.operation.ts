import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesOptions, requiredNames } from './fields';
import { changeProfile } from './request';

const properties: INodeProperties[] = [
	profileIdField,
	{
		displayName: 'Attribute Names',
		name: 'attributeNames',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. phone, idScan',
		description: 'The attributes to remove, separated by commas',
	},
	attributesOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['removeAttributes'] } }, properties);

/** POST /{id}/attributes/remove (ProfileController.removeAttributes). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	return await changeProfile(ctx, itemIndex, profileId, 'attributes/remove', {
		attributeName: requiredNames(ctx, 'attributeNames', 'Attribute Names', itemIndex),
	});
}
