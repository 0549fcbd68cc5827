import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { requiredText } from '../../../shared/parameters/parameters';
import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { crafterApiRequest } from '../../transport';
import { profileIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['list'] } }, [profileIdField]);

/** One output item per attachment. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const profileId = requiredText(ctx, 'profileId', 'Profile ID', itemIndex);
	const response = await crafterApiRequest(ctx, () => ({
		method: 'GET',
		// Current servers read the profile from a profileId parameter and ignore the path's id; the path
		// needs its trailing slash.
		url: `/${pathSegment(profileId)}/attachments/`,
		qs: { profileId },
		json: true,
	}));
	return ((response.body as IDataObject[]) ?? []).map((attachment) => ({ json: attachment }));
}
