import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { livePhotoIdField } from '../shared/fields';
import { redact, redactNotice } from '../shared/redact';

export const description = updateDisplayOptions({ show: { resource: ['livePhoto'], operation: ['redact'] } }, [redactNotice('this selfie'), livePhotoIdField]);

/** POST /livePhotos/{id}/redact (no body, as for live videos). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const livePhotoId = requiredId(ctx, 'livePhotoId', 'Live Photo ID', itemIndex);
	await redact(ctx, itemIndex, `/livePhotos/${pathSegment(livePhotoId)}`);
	return { json: { id: livePhotoId, redacted: true } };
}
