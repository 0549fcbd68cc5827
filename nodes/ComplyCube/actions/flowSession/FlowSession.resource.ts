import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as create from './create.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = [];

export const operations: Record<string, ItemOperation> = {
	create: create.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'flowSession',
		[
			{
				name: 'Create',
				value: 'create',
				description: "Create a link to ComplyCube's hosted verification page for a client",
				action: 'Create a verification link',
			},
		],
		'create',
		readOperations,
	),
	...create.description,
];
