import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { outputBinaryField } from '../../../shared/parameters/binary-property';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { complyCubeDownload } from '../../transport/download';
import { livePhotoIdField } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['livePhoto'], operation: ['download'] } }, [livePhotoIdField, outputBinaryField()]);

/** GET /livePhotos/{id}/download: the selfie as an n8n binary. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const livePhotoId = requiredId(ctx, 'livePhotoId', 'Live Photo ID', itemIndex);
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Put Output File in Field', itemIndex);
	return await complyCubeDownload(ctx, `/livePhotos/${pathSegment(livePhotoId)}/download`, binaryPropertyName, 'live-photo', itemIndex);
}
