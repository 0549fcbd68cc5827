import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { PageWalk } from '../../shared/http/page-bounds';
import { UnexpectedAnswerError } from '../../shared/http/service-error';
import type { OperationResult } from '../../shared/items/per-item-runner';
import { readReturnAll } from '../../shared/parameters/return-all';
import { ARGOS } from './index';
import { readSubmissions } from './submissions';

/** [GET-SUB] count defaults to 50; the node asks for no more per page (an older page's 2,000 maximum is unconfirmed for v3). */
export const ARGOS_PAGE_SIZE = 50;

/**
 * A Get Many over GET /submission: while an answer carries `nextpageKey`, the next request repeats the
 * filters with nextpage_id = nextpageKey.id and nextpage_date = nextpageKey.created_at; the last page has no
 * nextpageKey [GET-SUB-GB]. Stops at Limit (asking only for what is still missing), at the last page, or at a
 * page that brings no submission not seen before; PageWalk's ceiling (page-bounds.ts) ends a walk that would
 * not. One output item per submission.
 */
export async function argosGetMany(ctx: IExecuteFunctions, itemIndex: number, filters: IDataObject): Promise<OperationResult[]> {
	const { limit, returnAll } = readReturnAll(ctx, itemIndex);
	const walk = new PageWalk(ctx, itemIndex, {
		service: ARGOS,
		returnAll,
		narrower: 'or search by User ID, Email or a shorter Date Range',
		idOf: (submission) => submission.submission_id,
	});
	const cursors = new Set<string>();
	let cursor: { id: string; created_at: string } | undefined;
	while (walk.records.length < limit) {
		walk.beforePage();
		const count = Math.min(ARGOS_PAGE_SIZE, limit - walk.records.length);
		const page = await readSubmissions(ctx, { ...filters, count, ...(cursor ? { nextpage_id: cursor.id, nextpage_date: cursor.created_at } : {}) }, itemIndex);
		const fresh = walk.add(page.Items);
		if (!page.nextpageKey || page.Items.length === 0) break;
		// A cursor seen before would page forever.
		const key = `${page.nextpageKey.id}\u0000${page.nextpageKey.created_at}`;
		if (cursors.has(key)) throw new UnexpectedAnswerError(ARGOS, 200, page.nextpageKey, 'a new nextpageKey (it repeated an earlier page)');
		cursors.add(key);
		if (fresh === 0) break;
		cursor = page.nextpageKey;
	}
	return walk.records.slice(0, limit).map((json) => ({ json }));
}
