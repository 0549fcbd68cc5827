import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PageWalk } from '../../../shared/http/page-bounds';
import { UnexpectedAnswerError } from '../../../shared/http/service-error';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { readReturnAll, returnAllFields } from '../../../shared/parameters/return-all';
import { ARGOS } from '../../transport';
import { readTokens } from '../../transport/tokens';

const properties: INodeProperties[] = [
	...returnAllFields(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Expired Only',
				name: 'expiredOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to output only the Token IDs Argos marks expired (those to delete)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['token'], operation: ['getAll'] } }, properties);

/** The tokens of a page and its cursor. The list's field names are inferred: [GET-TOKEN] names only the cursor fields. */
function pageOf(answer: IDataObject): { tokens: IDataObject[]; next?: { nextPageKeyId: string; nextPageKeyTime: string } } {
	const tokens = Array.isArray(answer.data) ? answer.data : Array.isArray(answer.tokens) ? answer.tokens : undefined;
	if (!tokens) throw new UnexpectedAnswerError(ARGOS, 200, answer, 'a list of tokens');
	const id = answer.nextPageKeyId;
	const next = typeof id === 'string' && id ? { nextPageKeyId: id, nextPageKeyTime: String(answer.nextPageKeyTime ?? '') } : undefined;
	return { tokens: tokens.map((token) => (token && typeof token === 'object' ? (token as IDataObject) : { tokenId: token })), next };
}

/**
 * GET /submission/tokens without tokenId [GET-TOKEN]: the whole list, 10,000 per request, with
 * nextPageKeyId / nextPageKeyTime while more remain (sent back as query parameters of the same names:
 * inferred). One output item per token; each carries `expired` [GET-TOKEN] "data['expired']".
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const { limit, returnAll } = readReturnAll(ctx, itemIndex);
	const expiredOnly = (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject).expiredOnly === true;
	const walk = new PageWalk(ctx, itemIndex, { service: ARGOS, returnAll, narrower: 'or delete expired Token IDs first', idOf: (token) => token.tokenId });
	const cursors = new Set<string>();
	let cursor: IDataObject = {};
	while (walk.records.length < limit) {
		walk.beforePage();
		const page = pageOf(await readTokens(ctx, cursor, itemIndex));
		const fresh = walk.add(page.tokens, expiredOnly ? (token) => token.expired === true : undefined);
		if (!page.next || fresh === 0) break;
		const key = `${page.next.nextPageKeyId}\u0000${page.next.nextPageKeyTime}`;
		if (cursors.has(key)) throw new UnexpectedAnswerError(ARGOS, 200, page.next, 'a new page key (it repeated an earlier page)');
		cursors.add(key);
		cursor = page.next;
	}
	return walk.records.slice(0, limit).map((json) => ({ json }));
}
