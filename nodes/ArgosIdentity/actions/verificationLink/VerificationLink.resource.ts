import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as create from './create.operation';

/** Create may register a token, so it is a change: an AI agent needs Allow Changes for it. */
export const readOperations: string[] = [];

export const operations: Record<string, ItemOperation> = {
	create: create.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'verificationLink',
		[
			{
				name: 'Create',
				value: 'create',
				description: "Make the link to Argos's hosted Liveform, ready to send to the applicant",
				action: 'Create a verification link',
			},
		],
		'create',
		readOperations,
	),
	...create.description,
];
