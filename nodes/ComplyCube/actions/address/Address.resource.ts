import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as create from './create.operation';
import * as deleteAddress from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as search from './search.operation';
import * as update from './update.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get', 'getAll', 'search'];

export const operations: Record<string, ItemOperation> = {
	create: create.execute,
	delete: deleteAddress.execute,
	get: get.execute,
	getAll: getAll.execute,
	search: search.execute,
	update: update.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'address',
		[
			{ name: 'Create', value: 'create', description: 'Add an address to a client', action: 'Create an address' },
			{ name: 'Delete', value: 'delete', description: 'Delete an address', action: 'Delete an address' },
			{ name: 'Get', value: 'get', description: 'Get an address', action: 'Get an address' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many addresses of a client', action: 'Get many addresses' },
			{ name: 'Search', value: 'search', description: 'Look up real addresses by street line and postal code', action: 'Search addresses' },
			{ name: 'Update', value: 'update', description: 'Update an address', action: 'Update an address' },
		],
		'create',
		readOperations,
	),
	...create.description,
	...deleteAddress.description,
	...get.description,
	...getAll.description,
	...search.description,
	...update.description,
];
