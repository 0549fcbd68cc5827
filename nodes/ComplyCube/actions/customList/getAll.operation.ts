import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeGetMany } from '../../transport/pagination';
import { filtersField, readFilters } from '../shared/filters';

export const description = // [Docs pagination] the date range works on every list; custom lists document no other filter.
	updateDisplayOptions({ show: { resource: ['customList'], operation: ['getAll'] } }, [...returnAllFields(), filtersField([])]);

/** GET /customLists: one output item per custom list. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	return await complyCubeGetMany(ctx, itemIndex, '/customLists', readFilters(ctx, itemIndex));
}
