import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as getDetails from './getDetails.operation';
import * as search from './search.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['getDetails', 'search'];

export const operations: Record<string, ItemOperation> = {
	getDetails: getDetails.execute,
	search: search.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'company',
		[
			{ name: 'Get Details', value: 'getDetails', description: 'Get the registry details of a company found by a search', action: 'Get company details' },
			{ name: 'Search', value: 'search', description: 'Search company registries by name or registration number', action: 'Search companies' },
		],
		'search',
		readOperations,
	),
	...getDetails.description,
	...search.description,
];
