import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredText } from '../../../shared/parameters/parameters';
import { argosApiRequest } from '../../transport';
import { checkedTokenIds, tokenIdsField } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Deleted Token IDs are removed for good; a link that carries one is refused afterwards', name: 'deleteNotice', type: 'notice', default: '' },
	{ ...tokenIdsField, required: true, description: 'The Token IDs to delete, separated by commas, spaces or new lines (at most 500)' },
];

export const description = updateDisplayOptions({ show: { resource: ['token'], operation: ['delete'] } }, properties);

/**
 * DELETE /submission/tokens {"tokenId": [...]} [DEL-TOKEN]: at most 500 Token IDs (newest copy; an older one
 * said 100), processed partially: those not in the pool are listed in details.notFound. Deleting again finds
 * them gone, so a retry does no harm.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const tokenIds = checkedTokenIds(requiredText(ctx, 'privateModeIds', 'Token IDs', itemIndex), 'Token IDs');
	const answer = await argosApiRequest(ctx, { method: 'DELETE', path: '/submission/tokens', json: { tokenId: tokenIds }, idempotent: true, itemIndex });
	return { json: { tokenIds, ...answer } };
}
