import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { liveVideoIdField } from '../shared/fields';
import { redact, redactNotice } from '../shared/redact';

export const description = updateDisplayOptions({ show: { resource: ['liveVideo'], operation: ['redact'] } }, [
	redactNotice('this live video'),
	liveVideoIdField,
]);

/** POST /liveVideos/{id}/redact (no body; answers {}). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const liveVideoId = requiredId(ctx, 'liveVideoId', 'Live Video ID', itemIndex);
	await redact(ctx, itemIndex, `/liveVideos/${pathSegment(liveVideoId)}`);
	return { json: { id: liveVideoId, redacted: true } };
}
