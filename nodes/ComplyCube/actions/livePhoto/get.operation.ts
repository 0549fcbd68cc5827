import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { livePhotoIdField } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['livePhoto'], operation: ['get'] } }, [livePhotoIdField]);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const livePhotoId = requiredId(ctx, 'livePhotoId', 'Live Photo ID', itemIndex);
	return { json: await complyCubeApiRequest(ctx, { method: 'GET', path: `/livePhotos/${pathSegment(livePhotoId)}`, idempotent: true, itemIndex }) };
}
