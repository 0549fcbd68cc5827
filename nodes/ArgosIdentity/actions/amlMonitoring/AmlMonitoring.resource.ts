import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as add from './add.operation';
import * as get from './get.operation';
import * as remove from './remove.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get'];

export const operations: Record<string, ItemOperation> = {
	add: add.execute,
	get: get.execute,
	remove: remove.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'amlMonitoring',
		[
			{
				name: 'Add',
				value: 'add',
				description: 'Register approved submissions for AML ongoing monitoring (up to 25)',
				action: 'Add submissions to AML monitoring',
			},
			{ name: 'Get', value: 'get', description: 'Get a monitoring record with its screening status', action: 'Get an AML monitoring record' },
			{ name: 'Remove', value: 'remove', description: 'Remove monitoring records (up to 25)', action: 'Remove AML monitoring records' },
		],
		'add',
		readOperations,
	),
	...add.description,
	...get.description,
	...remove.description,
];
