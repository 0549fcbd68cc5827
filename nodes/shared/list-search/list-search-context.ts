import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

/**
 * The node's request path (nodes/shared/http) as a resource locator's list search uses it. n8n runs a
 * `listSearch` method with ILoadOptionsFunctions, which has the node, its credential and the request helpers
 * but no items: every parameter the request path reads per item (Options → Timeout, password parameters)
 * gets its default here, so a picker request has the default timeout, the rate limit and the same errors.
 */
export function listSearchContext(ctx: ILoadOptionsFunctions): IExecuteFunctions {
	const context: Pick<IExecuteFunctions, 'getNode' | 'getCredentials' | 'helpers' | 'getNodeParameter'> = {
		getNode: () => ctx.getNode(),
		getCredentials: async (type: string) => await ctx.getCredentials(type),
		helpers: ctx.helpers as IExecuteFunctions['helpers'],
		getNodeParameter: ((_name: string, _itemIndex: number, fallback?: unknown) => fallback) as IExecuteFunctions['getNodeParameter'],
	};
	// The request path calls only the members above (service-request.ts and what it uses).
	return context as IExecuteFunctions;
}

/** A search term as typed in the picker: trimmed, empty when there is none. */
export const searchTerm = (filter?: string) => (filter ?? '').trim();

/** A term matched literally inside a regular expression (a picker's search is text, not a pattern). */
export const literalPattern = (term: string) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
