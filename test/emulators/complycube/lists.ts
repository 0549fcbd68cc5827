import type { EmulatorResponse } from '../emulator-server';
import { ok } from './errors';

/** Reads a dotted path (personDetails.firstName, metadata.key) from an object. */
function valueAt(item: unknown, path: string): unknown {
	let value: unknown = item;
	for (const key of path.split('.')) {
		if (!value || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[key];
	}
	return value;
}

/**
 * A paged list answer. `filters` are the attributes the endpoint documents; `metadata.*` is allowed when listed as 'metadata.*'.
 */
/**
 * [Docs api-reference/pagination] on every list: createdAfter / createdBefore ("greater than" / "less than" on
 * createdAt), updatedAfter / updatedBefore (on updatedAt). Compared as instants (the value format is not stated:
 * anything Date.parse reads is taken, inferred).
 */
const DATE_RANGE: Record<string, { field: 'createdAt' | 'updatedAt'; after: boolean }> = {
	createdAfter: { field: 'createdAt', after: true },
	createdBefore: { field: 'createdAt', after: false },
	updatedAfter: { field: 'updatedAt', after: true },
	updatedBefore: { field: 'updatedAt', after: false },
};

function inRange(item: { createdAt: string; updatedAt?: string }, key: string, wanted: string): boolean {
	const { field, after } = DATE_RANGE[key];
	const at = Date.parse(String(item[field] ?? ''));
	const bound = Date.parse(wanted);
	return after ? at > bound : at < bound;
}

export function listAnswer<T extends { createdAt: string; updatedAt?: string }>(
	items: Iterable<T>,
	query: URLSearchParams,
	filters: string[],
	view: (item: T) => unknown = (item) => item,
): EmulatorResponse {
	let selected = [...items];
	for (const [key, wanted] of query) {
		if (key === 'page' || key === 'pageSize') continue;
		if (DATE_RANGE[key]) {
			// [Docs api-reference/filtering] "Passing an incorrectly formatted filter ... will return a 200 response with no results."
			selected = Number.isNaN(Date.parse(wanted)) ? [] : selected.filter((item) => inRange(item, key, wanted));
			continue;
		}
		// [Docs api-reference/filtering] each endpoint lists its filter attributes; several filters are ANDed.
		// inferred: an attribute the endpoint does not list (e.g. a client's externalId) is ignored, so a client that relies
		// on one gets every record back.
		const allowed = filters.includes(key) || (key.startsWith('metadata.') && filters.includes('metadata.*'));
		if (!allowed) continue;
		selected = selected.filter((item) => {
			const value = valueAt(item, key);
			// inferred: an array attribute (a webhook's events) matches when it holds the value ([Docs v1.7.2 filtering-webhooks events=...]).
			if (Array.isArray(value)) return value.map(String).includes(wanted);
			return value !== undefined && value !== null && String(value) === wanted;
		});
	}
	// [Docs workflow-sessions/list-workflow-sessions "sorted by creation date, with the most recent ... first"]; inferred for the other lists.
	selected = selected
		.map((item, index) => ({ item, index }))
		.sort((a, b) => b.item.createdAt.localeCompare(a.item.createdAt) || b.index - a.index)
		.map(({ item }) => item);
	// [Docs pagination; PHP ClientTest testList2PersonsOnly] page from 1, pageSize default 100, at most 1000 (clamped: inferred).
	const page = Math.max(1, Math.floor(Number(query.get('page') ?? 1)) || 1);
	const pageSize = Math.min(1000, Math.max(1, Math.floor(Number(query.get('pageSize') ?? 100)) || 100));
	return ok({
		page,
		pageSize,
		totalItems: selected.length,
		pages: Math.ceil(selected.length / pageSize),
		items: selected.slice((page - 1) * pageSize, page * pageSize).map(view),
	});
}
