import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as get from './get.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get'];

/** Downloads: their Timeout defaults to the longer transfer one (read by the node class once Timeout is node-level). */
export const transferOperations: string[] = ['get'];

export const operations: Record<string, ItemOperation> = {
	get: get.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'amlReport',
		[{ name: 'Get', value: 'get', description: 'Download the AML report of a match as a PDF', action: 'Get an AML report' }],
		'get',
		readOperations,
	),
	...get.description,
];
