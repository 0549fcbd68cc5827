import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { DEFAULT_TIMEOUT_MS, withTimeoutOption } from '../../../shared/parameters/timeout-option';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesOptions } from './fields';
import { changeProfile } from './request';

export const description = withTimeoutOption(updateDisplayOptions({ show: { resource: ['profile'], operation: ['enable'] } }, [profileIdField, attributesOptions]), DEFAULT_TIMEOUT_MS);

/** POST /{id}/enable (ProfileController.enableProfile). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	return await changeProfile(ctx, itemIndex, profileIdOf(ctx, itemIndex), 'enable');
}
