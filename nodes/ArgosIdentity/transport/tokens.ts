import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import type { ServiceContext } from '../../shared/http/service-request';
import { MAX_TOKENS_PER_REQUEST } from '../actions/token/token-id';
import { argosEncryption, openAnswer } from './encrypted-answer';
import { argosApiRequest, argosRead } from './index';

/** The Token IDs an answer lists as failed, from `details` (its shape is not shown on [POST-TOKEN]: inferred). */
function failedTokens(answer: IDataObject): string[] {
	const details = (answer.details ?? {}) as IDataObject;
	const failed = Array.isArray(details.failed) ? details.failed : Array.isArray(details.failedTokens) ? details.failedTokens : [];
	return failed.map((entry) => (entry && typeof entry === 'object' ? String((entry as IDataObject).tokenId ?? JSON.stringify(entry)) : String(entry)));
}

/**
 * POST /submission/tokens {"tokenId": [...]} [POST-TOKEN], at most 500 per request, so a longer list goes in
 * several requests. A Token ID already in the pool is overwritten without error, so sending again is safe.
 * An answer that counts failures is an error naming them, since a link with an unregistered token would be
 * refused. The answers, in order.
 */
export async function registerTokens(ctx: ServiceContext, tokenIds: string[], itemIndex?: number): Promise<IDataObject[]> {
	const answers: IDataObject[] = [];
	for (let start = 0; start < tokenIds.length; start += MAX_TOKENS_PER_REQUEST) {
		const batch = tokenIds.slice(start, start + MAX_TOKENS_PER_REQUEST);
		const answer = await argosApiRequest(ctx, { method: 'POST', path: '/submission/tokens', json: { tokenId: batch }, idempotent: true, itemIndex });
		const summary = (answer.summary ?? {}) as IDataObject;
		if (answer.success === false || Number(summary.failed ?? 0) > 0) {
			const failed = failedTokens(answer);
			throw new NodeOperationError(ctx.getNode(), `Argos Identity did not register ${Number(summary.failed ?? failed.length) || 'some'} of the Token IDs`, {
				itemIndex,
				description: `Argos answered: ${String(answer.message ?? 'no message')}${failed.length ? ` (not registered: ${failed.slice(0, 10).join(', ')})` : ''}. A link with an unregistered Token ID is refused in Private Mode; check the IDs, and that the project's token pool (100,000 at most) has room.`,
			});
		}
		answers.push(answer);
	}
	return answers;
}

/**
 * GET /submission/tokens with this query [GET-TOKEN]; with Secure Data Transmission on the answer comes
 * encrypted ("all response data is protected") and is decrypted here.
 */
export async function readTokens(ctx: ServiceContext, qs: IDataObject, itemIndex?: number): Promise<IDataObject> {
	return openAnswer(ctx.getNode(), await argosEncryption(ctx), await argosRead(ctx, { path: '/submission/tokens', qs, itemIndex }), itemIndex);
}
