import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get', 'getAll'];

export const operations: Record<string, ItemOperation> = { get: get.execute, getAll: getAll.execute };

export const description: INodeProperties[] = [
	...operationFields(
		'teamMember',
		[
			{ name: 'Get', value: 'get', description: 'Get a team member: the name and role behind an audit log', action: 'Get a team member' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many team members', action: 'Get many team members' },
		],
		'getAll',
		readOperations,
	),
	...get.description,
	...getAll.description,
];
