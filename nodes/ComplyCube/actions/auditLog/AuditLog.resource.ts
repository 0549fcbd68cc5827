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
		'auditLog',
		[
			{ name: 'Get', value: 'get', description: 'Get an audit log: who changed what, with the old and new values', action: 'Get an audit log' },
			{ name: 'Get Many', value: 'getAll', description: "Get many audit logs, newest first, e.g. a client's audit trail", action: 'Get many audit logs' },
		],
		'getAll',
		readOperations,
	),
	...get.description,
	...getAll.description,
];
