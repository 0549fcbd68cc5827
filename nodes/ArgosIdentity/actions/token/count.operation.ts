import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { readTokens } from '../../transport/tokens';

export const description = updateDisplayOptions({ show: { resource: ['token'], operation: ['count'] } }, [
	{ displayName: 'Counts every Token ID registered in the project (at most 100,000)', name: 'countNotice', type: 'notice', default: '' },
]);

/** GET /submission/tokens?type=count [GET-TOKEN] "Retrieve only the total count of registered tokens"; the answer's shape ({success, count}) is inferred. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	return { json: await readTokens(ctx, { type: 'count' }, itemIndex) };
}
