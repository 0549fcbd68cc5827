import type { IDataObject } from 'n8n-workflow';

/** A Filters collection as query parameters: trimmed, empty values left out. */
export function compactFilters(filters: IDataObject): IDataObject {
	const entries = Object.entries(filters)
		.map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value] as const)
		.filter(([, value]) => value !== '' && value !== undefined && value !== null);
	return Object.fromEntries(entries);
}
