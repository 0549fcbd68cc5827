import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeGetMany } from '../../transport/pagination';
import { clientIdField } from '../shared/fields';
import { filtersField, readFilters } from '../shared/filters';
import { addressTypeField } from './fields';

const properties: INodeProperties[] = [
	{ ...clientIdField, description: 'The ComplyCube client whose addresses to list' },
	...returnAllFields(),
	filtersField([
		{ displayName: 'City', name: 'city', type: 'string', default: '', placeholder: 'e.g. London' },
		{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'e.g. GB' },
		{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
		{ ...addressTypeField, description: 'Only addresses of this type' },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['address'], operation: ['getAll'] } }, properties);

/** GET /addresses?clientId=&type=&city=&country=&postalCode=: one output item per address, newest first. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const filters = readFilters(ctx, itemIndex);
	return await complyCubeGetMany(ctx, itemIndex, '/addresses', { ...filters, clientId });
}
