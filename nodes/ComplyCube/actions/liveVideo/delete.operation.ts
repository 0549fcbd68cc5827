import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { liveVideoIdField } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['liveVideo'], operation: ['delete'] } }, [liveVideoIdField]);

/** DELETE /liveVideos/{id} (answers 204). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const liveVideoId = requiredId(ctx, 'liveVideoId', 'Live Video ID', itemIndex);
	await complyCubeApiRequest(ctx, { method: 'DELETE', path: `/liveVideos/${pathSegment(liveVideoId)}`, idempotent: true, answer: 'empty', itemIndex });
	return { json: { id: liveVideoId, deleted: true } };
}
