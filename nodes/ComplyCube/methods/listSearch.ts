import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { UnexpectedAnswerError } from '../../shared/http/service-error';
import { searchTerm } from '../../shared/list-search/search-term';
import { complyCubeApiRequest } from '../transport';

/** Records per page of a picker (ComplyCube's pageSize; it accepts up to 1000). */
const PAGE_SIZE = 100;

/** One page of a ComplyCube list ({page, pageSize, totalItems, pages, items}), newest first; the next page number as the token. */
async function pageOf(ctx: ILoadOptionsFunctions, path: string, paginationToken: string | undefined, qs: IDataObject = {}) {
	const page = Math.max(1, Number(paginationToken ?? 1) || 1);
	const answer = await complyCubeApiRequest(ctx, { method: 'GET', path, qs: { ...qs, page, pageSize: PAGE_SIZE }, idempotent: true });
	if (!Array.isArray(answer.items)) throw new UnexpectedAnswerError('ComplyCube', 200, answer, 'a page of items');
	const items = answer.items as IDataObject[];
	const more = items.length === PAGE_SIZE && page < Number(answer.pages);
	return { items, next: more ? String(page + 1) : undefined };
}

const matches = (term: string, ...texts: unknown[]) =>
	!term || texts.some((text) => typeof text === 'string' && text.toLowerCase().includes(term.toLowerCase()));

const result = (results: INodeListSearchItems[], next: string | undefined): INodeListSearchResult => ({ results, ...(next ? { paginationToken: next } : {}) });

/** A whole e-mail address: ComplyCube's own `email` filter finds it (Docs api-reference/overview/clients/filtering). */
const isEmail = (term: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(term);

/**
 * Client ID → From List: the clients, newest first, as "name (e-mail)" (`entityName` is the person's or the
 * company's name). A whole e-mail address is sent as ComplyCube's `email` filter; other text is matched, any
 * case, in the name and e-mail of each page (ComplyCube has no name search). GET /clients.
 */
export async function searchClients(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const term = searchTerm(filter);
	const { items, next } = await pageOf(this, '/clients', paginationToken, isEmail(term) ? { email: term } : {});
	const found = items.filter((client) => isEmail(term) || matches(term, client.entityName, client.email));
	return result(
		found.map((client) => ({ name: `${String(client.entityName ?? client.id)} (${String(client.email ?? client.type)})`, value: String(client.id) })),
		next,
	);
}

/** Custom List ID → From List: the account's custom lists by name (GET /customLists, PHP CustomListApi list). */
export async function searchCustomLists(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const term = searchTerm(filter);
	const { items, next } = await pageOf(this, '/customLists', paginationToken);
	return result(
		items.filter((list) => matches(term, list.name)).map((list) => ({ name: String(list.name ?? list.id), value: String(list.id) })),
		next,
	);
}

/**
 * Workflow Template ID → From List: ComplyCube documents no list of workflow templates (they are made in the
 * portal), so the picker offers the templates the account's workflow sessions were started from, by name
 * (GET /workflowSessions: workflowTemplateId, workflowTemplateName; Docs workflow-sessions/list-workflow-sessions).
 * A template no one has started yet is given By ID.
 */
export async function searchWorkflowTemplates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const term = searchTerm(filter);
	const { items, next } = await pageOf(this, '/workflowSessions', paginationToken);
	const templates = new Map<string, string>();
	for (const session of items) {
		const id = session.workflowTemplateId;
		if (typeof id === 'string' && id && !templates.has(id) && matches(term, session.workflowTemplateName, id)) {
			templates.set(id, String(session.workflowTemplateName ?? id));
		}
	}
	return result(
		[...templates].map(([value, name]) => ({ name, value })),
		next,
	);
}
