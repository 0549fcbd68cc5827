import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationField } from '../../../shared/parameters/operation-field';
import * as create from './create.operation';

export const operations: Record<string, ItemOperation> = {
	create: create.execute,
};

export const description: INodeProperties[] = [
	operationField(
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
	),
	...create.description,
];
