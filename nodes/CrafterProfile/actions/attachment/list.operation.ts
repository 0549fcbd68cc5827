import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { crafterApiRequest, crafterList } from '../../transport';
import { profileIdField, profileIdOf } from '../shared/profile-id';

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['list'] } }, [profileIdField]);

/** One output item per attachment. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const profileId = profileIdOf(ctx, itemIndex);
	const response = await crafterApiRequest(ctx, {
		method: 'GET',
		// Current servers read the profile from a profileId parameter and ignore the path's id; the path
		// needs its trailing slash.
		url: `/${pathSegment(profileId)}/attachments/`,
		qs: { profileId },
		json: true,
		itemIndex,
	});
	return crafterList(response).map((attachment) => ({ json: attachment }));
}
