import type { IDataObject, INodeProperties } from 'n8n-workflow';

/** A Filters collection as query parameters: trimmed, empty values left out. */
export function compactFilters(filters: IDataObject): IDataObject {
	const entries = Object.entries(filters)
		.map(([key, value]) => [key, typeof value === 'string' ? value.trim() : value] as const)
		.filter(([, value]) => value !== '' && value !== undefined && value !== null);
	return Object.fromEntries(entries);
}

/** A Get Many's Filters collection: ComplyCube's list filters, each sent as a query parameter. */
export function filtersField(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Filters', name: 'filters', type: 'collection', placeholder: 'Add Filter', default: {}, options };
}
