import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as get from './get.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get'];

export const operations: Record<string, ItemOperation> = { get: get.execute };

export const description: INodeProperties[] = [
	...operationFields(
		'accountInfo',
		[{ name: 'Get', value: 'get', description: 'Get the account name, plan and remaining credit', action: 'Get the account info' }],
		'get',
		readOperations,
	),
	...get.description,
];
