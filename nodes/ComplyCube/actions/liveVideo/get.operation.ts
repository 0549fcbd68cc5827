import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { liveVideoIdField } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['liveVideo'], operation: ['get'] } }, [liveVideoIdField]);

/** GET /liveVideos/{id}: `{id, clientId, language, challenges[], createdAt, updatedAt}` (no video bytes). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const liveVideoId = requiredId(ctx, 'liveVideoId', 'Live Video ID', itemIndex);
	return { json: await complyCubeApiRequest(ctx, { method: 'GET', path: `/liveVideos/${pathSegment(liveVideoId)}`, idempotent: true, itemIndex }) };
}
