import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { DEFAULT_TIMEOUT_MS, withTimeoutOption } from '../../../shared/parameters/timeout-option';
import { complyCubeGetMany } from '../../transport/pagination';
import { filtersField, readFilters } from '../shared/filters';

export const description = withTimeoutOption(
	// [Docs pagination] the date range works on every list; custom lists document no other filter.
	updateDisplayOptions({ show: { resource: ['customList'], operation: ['getAll'] } }, [...returnAllFields(), filtersField([])]),
	DEFAULT_TIMEOUT_MS,
);

/** GET /customLists: one output item per custom list. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	return await complyCubeGetMany(ctx, itemIndex, '/customLists', readFilters(ctx, itemIndex));
}
