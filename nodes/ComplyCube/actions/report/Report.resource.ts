import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationField } from '../../../shared/parameters/operation-field';
import * as generate from './generate.operation';

export const operations: Record<string, ItemOperation> = {
	generate: generate.execute,
};

export const description: INodeProperties[] = [
	operationField(
		'report',
		[
			{
				name: 'Generate',
				value: 'generate',
				description: 'Generate the PDF report of a client, a check or a workflow session into a binary',
				action: 'Generate a PDF report',
			},
		],
		'generate',
	),
	...generate.description,
];
