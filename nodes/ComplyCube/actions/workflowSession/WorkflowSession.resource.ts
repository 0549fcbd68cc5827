import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as complete from './complete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get', 'getAll'];

export const operations: Record<string, ItemOperation> = {
	complete: complete.execute,
	get: get.execute,
	getAll: getAll.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'workflowSession',
		[
			{
				name: 'Complete',
				value: 'complete',
				description: 'Mark a started session as finished so ComplyCube runs its checks',
				action: 'Complete a workflow session',
			},
			{ name: 'Get', value: 'get', description: 'Get a workflow session with its status, outcome and checks', action: 'Get a workflow session' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many workflow sessions, newest first', action: 'Get many workflow sessions' },
		],
		'get',
		readOperations,
	),
	...complete.description,
	...get.description,
	...getAll.description,
];
