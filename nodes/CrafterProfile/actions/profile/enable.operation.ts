import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesOptions } from './fields';
import { changeProfile } from './request';

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['enable'] } }, [profileIdField, attributesOptions]);

/** POST /{id}/enable (ProfileController.enableProfile). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	return await changeProfile(ctx, itemIndex, profileIdOf(ctx, itemIndex), 'enable');
}
