import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as redact from './redact.operation';
import * as update from './update.operation';
import * as validate from './validate.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get', 'getAll'];

export const operations: Record<string, ItemOperation> = {
	create: create.execute,
	get: get.execute,
	getAll: getAll.execute,
	redact: redact.execute,
	update: update.execute,
	validate: validate.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'check',
		[
			{ name: 'Create', value: 'create', description: 'Start a check of a client (charged by ComplyCube)', action: 'Create a check' },
			{ name: 'Get', value: 'get', description: 'Get a check with its status and result', action: 'Get a check' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many checks', action: 'Get many checks' },
			{ name: 'Redact Outcome', value: 'redact', description: 'Mask details of a document check outcome; cannot be undone', action: 'Redact a check outcome' },
			{ name: 'Update', value: 'update', description: 'Switch ongoing monitoring of a check on or off', action: 'Update a check' },
			{ name: 'Validate', value: 'validate', description: 'Confirm or reject the outcome of a check or one of its matches', action: 'Validate a check' },
		],
		'create',
		readOperations,
	),
	...create.description,
	...get.description,
	...getAll.description,
	...validate.description,
	...redact.description,
	...update.description,
];
