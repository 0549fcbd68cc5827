import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeGetMany } from '../../transport/pagination';
import { compactFilters, filtersField } from '../shared/filters';
import { DEFAULT_TIMEOUT_MS, withTimeoutOption } from '../../../shared/parameters/timeout-option';

const properties: INodeProperties[] = [
	...returnAllFields(),
	filtersField([
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
		{ displayName: 'External ID', name: 'externalId', type: 'string', default: '' },
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Company', value: 'company' },
				{ name: 'Person', value: 'person' },
			],
			default: 'person',
		},
	]),
];

export const description = withTimeoutOption(updateDisplayOptions({ show: { resource: ['client'], operation: ['getAll'] } }, properties), DEFAULT_TIMEOUT_MS);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const filters = compactFilters(ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	return await complyCubeGetMany(ctx, itemIndex, '/clients', filters);
}
