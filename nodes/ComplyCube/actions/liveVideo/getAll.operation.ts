import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeGetMany } from '../../transport/pagination';
import { clientIdField } from '../shared/fields';
import { filtersField, readFilters } from '../shared/filters';

export const description = updateDisplayOptions({ show: { resource: ['liveVideo'], operation: ['getAll'] } }, [
	{ ...clientIdField, description: 'The ComplyCube client whose live videos to list' },
	...returnAllFields(),
	// [Docs pagination] the date range works on every list; live videos document no other filter.
	filtersField([]),
]);

/** GET /liveVideos?clientId=: one output item per live video, newest first. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	return await complyCubeGetMany(ctx, itemIndex, '/liveVideos', { ...readFilters(ctx, itemIndex), clientId });
}
