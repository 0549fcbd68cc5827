import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesOptions, requiredNames, rolesField } from './fields';
import { changeProfile } from './request';

const properties: INodeProperties[] = [profileIdField, rolesField('The roles to add, separated by commas'), attributesOptions];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['addRole'] } }, properties);

/** POST /{id}/roles/add (ProfileController.addRoles). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	return await changeProfile(ctx, itemIndex, profileId, 'roles/add', { role: requiredNames(ctx, 'roles', 'Roles', itemIndex) });
}
