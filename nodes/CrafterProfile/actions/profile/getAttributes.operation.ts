import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { crafterObject } from '../../transport';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesOptions } from './fields';
import { readProfiles } from './request';

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['getAttributes'] } }, [profileIdField, attributesOptions]);

/** GET /{id}/attributes (ProfileController.getAttributes): the attributes the access token may read, as one item. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	return { json: crafterObject(await readProfiles(ctx, itemIndex, `/${pathSegment(profileId)}/attributes`, {}), 'object') };
}
