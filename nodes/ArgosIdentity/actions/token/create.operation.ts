import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { optionalText } from '../../../shared/parameters/parameters';
import { registerTokens } from '../../transport/tokens';
import { checkedTokenIds, tokenIdsField } from './fields';
import { freshTokenId } from './token-id';

const properties: INodeProperties[] = [
	{
		...tokenIdsField,
		description: 'The Token IDs to register, separated by commas, spaces or new lines (at most 500); empty, one fresh random Token ID is made',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['token'], operation: ['create'] } }, properties);

/**
 * POST /submission/tokens {"tokenId": [...]} [POST-TOKEN]: up to 500 per request, the pool holds up to 100,000
 * per project; a Token ID already in the pool is overwritten without error, so a retry does no harm.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const listed = optionalText(ctx, 'privateModeIds', itemIndex);
	const tokenIds = listed ? checkedTokenIds(listed, 'Token IDs') : [freshTokenId()];
	const [answer] = await registerTokens(ctx, tokenIds, itemIndex);
	return { json: { tokenIds, ...answer } };
}
