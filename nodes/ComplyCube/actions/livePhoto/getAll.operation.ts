import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeGetMany } from '../../transport/pagination';
import { clientIdField } from '../shared/fields';
import { filtersField, readFilters } from '../shared/filters';

export const description = updateDisplayOptions({ show: { resource: ['livePhoto'], operation: ['getAll'] } }, [
	{ ...clientIdField, description: 'The ComplyCube client whose live photos to list' },
	...returnAllFields(),
	// [Docs pagination] the date range works on every list; live photos document no other filter.
	filtersField([]),
]);

/** GET /livePhotos?clientId=: one output item per live photo. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	return await complyCubeGetMany(ctx, itemIndex, '/livePhotos', { ...readFilters(ctx, itemIndex), clientId });
}
