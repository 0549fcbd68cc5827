import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { optionalId } from '../../../shared/parameters/parameters';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeGetMany } from '../../transport/pagination';
import { clientIdField } from '../shared/fields';
import { compactFilters, filtersField } from '../shared/filters';
import { checkTypeOptions } from './types';
import { DEFAULT_TIMEOUT_MS, withTimeoutOption } from '../../../shared/parameters/timeout-option';

const properties: INodeProperties[] = [
	{ ...clientIdField, required: false, description: 'The ComplyCube client whose checks to list; leave empty to list the checks of every client' },
	...returnAllFields(),
	filtersField([
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Complete', value: 'complete' },
				{ name: 'Failed', value: 'failed' },
				{ name: 'Pending', value: 'pending' },
			],
			default: 'complete',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: checkTypeOptions.map(({ name, value }) => ({ name, value })),
			default: 'standard_screening_check',
		},
	]),
];

export const description = withTimeoutOption(updateDisplayOptions({ show: { resource: ['check'], operation: ['getAll'] } }, properties), DEFAULT_TIMEOUT_MS);

/** GET /checks?clientId=&type=&status=: one output item per check. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const clientId = optionalId(ctx, 'clientId', 'Client ID', itemIndex);
	const filters = compactFilters(ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	return await complyCubeGetMany(ctx, itemIndex, '/checks', { ...filters, ...(clientId ? { clientId } : {}) });
}
