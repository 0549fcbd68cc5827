import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredText } from '../../../shared/parameters/parameters';
import { readTokens } from '../../transport/tokens';
import { tokenIdField } from './fields';
import { assertTokenId } from './token-id';

const properties: INodeProperties[] = [{ ...tokenIdField, description: 'The Token ID to look up' }];

export const description = updateDisplayOptions({ show: { resource: ['token'], operation: ['get'] } }, properties);

/**
 * GET /submission/tokens?tokenId= [GET-TOKEN]: {success, tokenId, data: {tokenId, updateTime, expired?}}; an
 * unknown one answers 400 {"errorCode": "token_not_found", "errorMessage": "Token not found."}.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const tokenId = requiredText(ctx, 'privateModeId', 'Token ID', itemIndex);
	assertTokenId(tokenId, 'Token ID');
	return { json: await readTokens(ctx, { tokenId }, itemIndex) };
}
