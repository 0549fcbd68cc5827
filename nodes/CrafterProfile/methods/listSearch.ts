import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { literalPattern, searchTerm } from '../../shared/list-search/search-term';
import { crafterApiRequest, crafterList } from '../transport';

/** Profiles per page of the picker (Crafter's start/count). */
const PAGE_SIZE = 50;

/** The tenant the picker lists: the node's Tenant Name where the operation has one, else Crafter's "default". */
function tenantOf(ctx: ILoadOptionsFunctions): string {
	let tenant: unknown;
	try {
		tenant = ctx.getCurrentNodeParameter('tenantName');
	} catch {
		tenant = undefined;
	}
	return typeof tenant === 'string' && tenant.trim() && !tenant.startsWith('=') ? tenant.trim() : 'default';
}

/**
 * Profile ID → From List: the tenant's profiles by username, sorted; a search matches part of the username,
 * any case (GET /by_query with {"username": {"$regex": …, "$options": "i"}}, ProfileController.getProfilesByQuery;
 * without a search GET /range, getProfileRange). The page token is Crafter's `start`.
 */
export async function searchProfiles(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const tenantName = tenantOf(this);
	const start = Number(paginationToken ?? 0) || 0;
	const term = searchTerm(filter);
	const page = { tenantName, sortBy: 'username', sortOrder: 'ASC', start: String(start), count: String(PAGE_SIZE), attributeToReturn: '$none' };
	const qs = term ? { ...page, query: JSON.stringify({ username: { $regex: literalPattern(term), $options: 'i' } }) } : page;
	const response = await crafterApiRequest(this, { method: 'GET', url: term ? '/by_query' : '/range', qs, json: true });
	const profiles: IDataObject[] = crafterList(response);
	return {
		results: profiles.map((profile) => ({ name: `${String(profile.username)} (${String(profile.email)})`, value: String(profile.id) })),
		...(profiles.length === PAGE_SIZE ? { paginationToken: String(start + PAGE_SIZE) } : {}),
	};
}
