import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputRefusal } from '../../../shared/parameters/input-refusal';

/** A Filters collection as query parameters: trimmed, empty values left out. */
export function compactFilters(filters: IDataObject): IDataObject {
	const entries = Object.entries(filters)
		.map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value] as const)
		.filter(([, value]) => value !== '' && value !== undefined && value !== null);
	return Object.fromEntries(entries);
}

/** A Get Many's Filters collection: ComplyCube's list filters, each sent as a query parameter. */
export function filtersField(options: INodeProperties[]): INodeProperties {
	const all = [...options, ...DATE_RANGE_OPTIONS].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options: all };
}

/**
 * [Docs api-reference/pagination "You can use the query parameters below for all our list API methods"]:
 * createdAfter / createdBefore ("greater than" / "less than" on createdAt), updatedAfter / updatedBefore (on
 * updatedAt). Sent as ISO 8601 date-times, the form of createdAt itself (the value format is not stated).
 */
const DATE_RANGE: Record<string, string> = {
	createdAfter: 'Created After',
	createdBefore: 'Created Before',
	updatedAfter: 'Updated After',
	updatedBefore: 'Updated Before',
};

const DATE_RANGE_OPTIONS: INodeProperties[] = Object.entries(DATE_RANGE).map(([name, displayName]) => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
	description: `Only records ${name.startsWith('created') ? 'created' : 'last updated'} ${name.endsWith('After') ? 'after' : 'before'} this moment`,
}));

/** A date-time from the picker or an expression as ISO 8601; what is no date is refused before sending. */
function isoMoment(label: string, value: unknown): string {
	const moment = new Date(String(value));
	if (Number.isNaN(moment.getTime())) {
		throw new InputRefusal(`${label} '${String(value)}' is not a date`, `Pick a date in ${label}, or give one such as 2025-01-31T00:00:00Z.`);
	}
	return moment.toISOString();
}

/**
 * The Filters collection as ComplyCube's query: empty values left out, the date range as ISO date-times, and
 * each option renamed to its documented attribute where the two differ (`names`: option → attribute, e.g.
 * `firstName` → `personDetails.firstName`).
 */
export function readFilters(ctx: IExecuteFunctions, itemIndex: number, names: Record<string, string> = {}): IDataObject {
	const filters = compactFilters((ctx.getNodeParameter('filters', itemIndex, {}) ?? {}) as IDataObject);
	const query: IDataObject = {};
	for (const [name, value] of Object.entries(filters)) {
		query[names[name] ?? name] = DATE_RANGE[name] ? isoMoment(DATE_RANGE[name], value) : value;
	}
	return query;
}
