import type { INodeProperties } from 'n8n-workflow';

export interface IdLocator {
	displayName: string;
	name: string;
	/** The node's `methods.listSearch` entry that fills From List. */
	searchListMethod: string;
	/** The ID's shape, for By ID's check as the user types (without ^ and $). */
	idPattern?: string;
	idPlaceholder: string;
	description?: string;
}

/**
 * An ID parameter as n8n's resource locator: From List (searchable) or By ID (typed, or an expression).
 * Saved workflows hold a plain string here, which By ID reads as it is (n8n's extractValue returns a string
 * unchanged), so the parameter keeps its name and its old values; new nodes start on From List.
 */
export function idLocator(locator: IdLocator): INodeProperties {
	return {
		displayName: locator.displayName,
		name: locator.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		...(locator.description ? { description: locator.description } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select…',
				typeOptions: { searchListMethod: locator.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: locator.idPlaceholder,
				...(locator.idPattern
					? {
							validation: [
								{
									type: 'regex',
									properties: { regex: `^${locator.idPattern}$`, errorMessage: `Not a valid ID (e.g. ${locator.idPlaceholder.replace(/^e\.g\. /, '')})` },
								},
							],
						}
					: {}),
			},
		],
	};
}
