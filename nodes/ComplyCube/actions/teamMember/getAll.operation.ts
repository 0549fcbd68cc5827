import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeGetMany } from '../../transport/pagination';
import { filtersField, readFilters } from '../shared/filters';

// [Docs pagination] the date range works on every list; the "Filtering team members" page's attributes were not read.
export const description = updateDisplayOptions({ show: { resource: ['teamMember'], operation: ['getAll'] } }, [...returnAllFields(), filtersField([])]);

/** GET /teamMembers [Node SDK 1.1.13 TeamMembers.list]: one output item per team member. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	return await complyCubeGetMany(ctx, itemIndex, '/teamMembers', readFilters(ctx, itemIndex));
}
