import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as generate from './generate.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['generate'];

/** The uploads and downloads: their Options → Timeout defaults to 60 s rather than 30 s. */
export const transferOperations: string[] = ['generate'];

export const operations: Record<string, ItemOperation> = {
	generate: generate.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
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
		readOperations,
	),
	...generate.description,
];
