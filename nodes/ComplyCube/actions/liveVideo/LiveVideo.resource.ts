import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as deleteLiveVideo from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as redact from './redact.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get', 'getAll'];

export const operations: Record<string, ItemOperation> = {
	delete: deleteLiveVideo.execute,
	get: get.execute,
	getAll: getAll.execute,
	redact: redact.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'liveVideo',
		[
			{ name: 'Delete', value: 'delete', description: 'Delete a live video', action: 'Delete a live video' },
			{ name: 'Get', value: 'get', description: 'Get a live video (its challenges, not the recording)', action: 'Get a live video' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many live videos of a client', action: 'Get many live videos' },
			{ name: 'Redact', value: 'redact', description: 'Mask a live video everywhere, checks included; cannot be undone', action: 'Redact a live video' },
		],
		'get',
		readOperations,
	),
	...deleteLiveVideo.description,
	...get.description,
	...getAll.description,
	...redact.description,
];
