import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { crafterApiRequest } from '../../transport';
import { profileIdField, profileIdOf } from '../shared/profile-id';

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['delete'] } }, [profileIdField]);

/**
 * POST /{id}/delete (ProfileController.deleteProfile): 200 with no body. Crafter answers the same for an ID it
 * does not have, so the output says the profile is gone, not that it was there. Its attachments stay in GridFS.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	await crafterApiRequest(ctx, { method: 'POST', url: `/${pathSegment(profileId)}/delete`, json: false, itemIndex });
	return { json: { id: profileId, deleted: true } };
}
