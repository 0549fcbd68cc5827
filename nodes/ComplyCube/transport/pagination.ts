import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { PageWalk } from '../../shared/http/page-bounds';
import { UnexpectedAnswerError } from '../../shared/http/service-error';
import type { OperationResult } from '../../shared/items/per-item-runner';
import { readReturnAll } from '../../shared/parameters/return-all';
import { complyCubeApiRequest } from './index';

/** ComplyCube's default page size; it accepts up to 1000, but 100 keeps each answer small. */
const PAGE_SIZE = 100;

/**
 * A Get Many: walks ComplyCube's `page`/`pageSize` pages (answers `{page, pageSize, totalItems, pages, items}`)
 * until Return All has everything or Limit is reached. One output item per record. `keep` filters on the
 * answers what ComplyCube cannot filter; then full pages are read, as a page may hold few that match.
 * `pages` is not trusted alone: a page that brings no record not seen before ends the walk, and PageWalk's
 * ceiling (page-bounds.ts) ends one that would not.
 */
export async function complyCubeGetMany(
	ctx: IExecuteFunctions,
	itemIndex: number,
	path: string,
	filters: IDataObject = {},
	keep?: (record: IDataObject) => boolean,
): Promise<OperationResult[]> {
	const { limit, returnAll } = readReturnAll(ctx, itemIndex);
	const pageSize = keep ? PAGE_SIZE : Math.min(limit, PAGE_SIZE);
	const walk = new PageWalk(ctx, itemIndex, {
		service: 'ComplyCube',
		returnAll,
		narrower: "or narrow the list with the operation's filters (a client, a status, a date range)",
		idOf: (record) => record.id,
	});
	for (let page = 1; walk.records.length < limit; page++) {
		walk.beforePage();
		const answer = await complyCubeApiRequest(ctx, { method: 'GET', path, qs: { ...filters, page, pageSize }, idempotent: true, itemIndex });
		if (!Array.isArray(answer.items)) throw new UnexpectedAnswerError('ComplyCube', 200, answer, 'a page of items');
		const items = answer.items as IDataObject[];
		const fresh = walk.add(items, keep);
		const lastPage = Number(answer.pages);
		if (fresh === 0 || items.length < pageSize || !Number.isFinite(lastPage) || page >= lastPage) break;
	}
	return walk.records.slice(0, limit).map((json) => ({ json }));
}
