import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as create from './create.operation';
import * as deleteClient from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getRiskProfile from './getRiskProfile.operation';
import * as update from './update.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get', 'getAll', 'getRiskProfile'];

export const operations: Record<string, ItemOperation> = {
	create: create.execute,
	delete: deleteClient.execute,
	get: get.execute,
	getAll: getAll.execute,
	getRiskProfile: getRiskProfile.execute,
	update: update.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'client',
		[
			{ name: 'Create', value: 'create', description: 'Create a person or company client', action: 'Create a client' },
			{ name: 'Delete', value: 'delete', description: 'Delete a client and everything it holds', action: 'Delete a client' },
			{ name: 'Get', value: 'get', description: 'Get a client', action: 'Get a client' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many clients', action: 'Get many clients' },
			{
				name: 'Get Risk Profile',
				value: 'getRiskProfile',
				description: 'Get the risk profile ComplyCube keeps for a client',
				action: 'Get the risk profile of a client',
			},
			{ name: 'Update', value: 'update', description: 'Update a client', action: 'Update a client' },
		],
		'create',
		readOperations,
	),
	...create.description,
	...deleteClient.description,
	...get.description,
	...getAll.description,
	...getRiskProfile.description,
	...update.description,
];
