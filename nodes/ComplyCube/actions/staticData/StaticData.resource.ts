import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as getScreeningLists from './getScreeningLists.operation';
import * as getSupportedDocuments from './getSupportedDocuments.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['getScreeningLists', 'getSupportedDocuments'];

export const operations: Record<string, ItemOperation> = {
	getScreeningLists: getScreeningLists.execute,
	getSupportedDocuments: getSupportedDocuments.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'staticData',
		[
			{
				name: 'Get Screening Lists',
				value: 'getScreeningLists',
				description: 'Get the sanctions and watch lists a screening check searches, to scope one',
				action: 'Get the screening lists',
			},
			{
				name: 'Get Supported Documents',
				value: 'getSupportedDocuments',
				description: 'Get the documents ComplyCube can check',
				action: 'Get the supported documents',
			},
		],
		'getScreeningLists',
		readOperations,
	),
	...getScreeningLists.description,
	...getSupportedDocuments.description,
];
