import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as addEntity from './addEntity.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get', 'getAll'];

export const operations: Record<string, ItemOperation> = {
	addEntity: addEntity.execute,
	get: get.execute,
	getAll: getAll.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'customList',
		[
			{ name: 'Add Entity', value: 'addEntity', description: 'Add a person or company to a custom screening list', action: 'Add an entity to a custom list' },
			{ name: 'Get', value: 'get', description: 'Get a custom list and how many entities it holds', action: 'Get a custom list' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many custom lists', action: 'Get many custom lists' },
		],
		'get',
		readOperations,
	),
	...addEntity.description,
	...get.description,
	...getAll.description,
];
