import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { staticEntries } from './entries';

export const description = updateDisplayOptions({ show: { resource: ['staticData'], operation: ['getScreeningLists'] } }, returnAllFields());

/** GET /static/screeningLists: the sanctions and watch lists a screening check can be scoped to, one item each. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	return await staticEntries(ctx, itemIndex, '/static/screeningLists');
}
