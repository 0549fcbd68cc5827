import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as get from './get.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get'];

/** The uploads and downloads: their Options → Timeout defaults to 60 s rather than 30 s. */
export const transferOperations: string[] = ['get'];

export const operations: Record<string, ItemOperation> = { get: get.execute };

export const description: INodeProperties[] = [
	...operationFields(
		'image',
		[{ name: 'Get', value: 'get', description: 'Download one image of a submission into a binary', action: 'Get a submission image' }],
		'get',
		readOperations,
	),
	...get.description,
];
