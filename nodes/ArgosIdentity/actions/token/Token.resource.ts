import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as count from './count.operation';
import * as create from './create.operation';
import * as deleteTokens from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get', 'getAll', 'count'];

export const operations: Record<string, ItemOperation> = {
	count: count.execute,
	create: create.execute,
	delete: deleteTokens.execute,
	get: get.execute,
	getAll: getAll.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'token',
		[
			{ name: 'Count', value: 'count', description: 'Count the Token IDs registered in the project', action: 'Count tokens' },
			{ name: 'Create', value: 'create', description: 'Register Token IDs for Private Mode links (up to 500)', action: 'Create tokens' },
			{ name: 'Delete', value: 'delete', description: 'Delete Token IDs from the pool (up to 500)', action: 'Delete tokens' },
			{ name: 'Get', value: 'get', description: 'Get one Token ID and whether it expired', action: 'Get a token' },
			{ name: 'Get Many', value: 'getAll', description: 'List the registered Token IDs', action: 'Get many tokens' },
		],
		'create',
		readOperations,
	),
	...count.description,
	...create.description,
	...deleteTokens.description,
	...get.description,
	...getAll.description,
];
