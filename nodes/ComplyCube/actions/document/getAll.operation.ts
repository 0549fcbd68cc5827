import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeGetMany } from '../../transport/pagination';
import { clientIdField } from '../shared/fields';
import { filtersField, readFilters } from '../shared/filters';
import { assertCountryCode } from '../shared/validate';
import { classificationOptions, documentTypeOptions } from './types';

const properties: INodeProperties[] = [
	{ ...clientIdField, description: 'The ComplyCube client whose documents to list' },
	...returnAllFields(),
	filtersField([
		{
			displayName: 'Classification',
			name: 'classification',
			type: 'options',
			options: classificationOptions,
			default: 'proof_of_identity',
		},
		{ displayName: 'Issuing Country', name: 'issuingCountry', type: 'string', default: '', placeholder: 'e.g. GB', description: 'ISO 3166-1 alpha-2 code' },
		{ displayName: 'Type', name: 'type', type: 'options', options: documentTypeOptions, default: 'passport' },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['getAll'] } }, properties);

/** GET /documents?clientId= with [Docs documents/filtering-documents]'s type, classification, issuingCountry: one output item per document. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const filters = readFilters(ctx, itemIndex);
	if (filters.issuingCountry) assertCountryCode('Issuing Country', String(filters.issuingCountry));
	return await complyCubeGetMany(ctx, itemIndex, '/documents', { ...filters, clientId });
}
