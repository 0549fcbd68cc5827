import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { DEFAULT_TIMEOUT_MS, withTimeoutOption } from '../../../shared/parameters/timeout-option';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesOptions, requiredNames, rolesField } from './fields';
import { changeProfile } from './request';

const properties: INodeProperties[] = [profileIdField, rolesField('The roles to remove, separated by commas'), attributesOptions];

export const description = withTimeoutOption(updateDisplayOptions({ show: { resource: ['profile'], operation: ['removeRole'] } }, properties), DEFAULT_TIMEOUT_MS);

/** POST /{id}/roles/remove (ProfileController.removeRoles). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	return await changeProfile(ctx, itemIndex, profileId, 'roles/remove', { role: requiredNames(ctx, 'roles', 'Roles', itemIndex) });
}
