import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeGetMany } from '../../transport/pagination';
import { clientIdField } from '../shared/fields';
import { compactFilters, filtersField } from '../shared/filters';
import { documentTypeOptions } from './types';
import { DEFAULT_TIMEOUT_MS, withTimeoutOption } from '../../../shared/parameters/timeout-option';

const properties: INodeProperties[] = [
	{ ...clientIdField, description: 'The ComplyCube client whose documents to list' },
	...returnAllFields(),
	filtersField([{ displayName: 'Type', name: 'type', type: 'options', options: documentTypeOptions, default: 'passport' }]),
];

export const description = withTimeoutOption(updateDisplayOptions({ show: { resource: ['document'], operation: ['getAll'] } }, properties), DEFAULT_TIMEOUT_MS);

/** GET /documents?clientId=&type=: one output item per document. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const filters = compactFilters(ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	return await complyCubeGetMany(ctx, itemIndex, '/documents', { ...filters, clientId });
}
