import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredText } from '../../../shared/parameters/parameters';
import { readReturnAll, returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeApiRequest } from '../../transport';
import { assertCountryCode } from '../shared/validate';

// [Docs lookups/address-search/search-address] line*, postalCode*, country*.
const properties: INodeProperties[] = [
	{
		displayName: 'Line',
		name: 'searchLine',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 350 Fifth',
		description: 'The street line, or its start',
	},
	{ displayName: 'Postal Code', name: 'searchPostalCode', type: 'string', default: '', required: true, placeholder: 'e.g. 10118' },
	{
		displayName: 'Country',
		name: 'searchCountry',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. US',
		description: 'ISO 3166-1 alpha-2 country code',
	},
	...returnAllFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['address'], operation: ['search'] } }, properties);

/**
 * POST /lookup/addresses `{line, postalCode, country}`: one output item per matching address, in the fields Address → Create
 * takes (propertyNumber, buildingName, line, city, state, postalCode, country). Nothing is stored at ComplyCube.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const body: IDataObject = {
		line: requiredText(ctx, 'searchLine', 'Line', itemIndex),
		postalCode: requiredText(ctx, 'searchPostalCode', 'Postal Code', itemIndex),
		country: requiredText(ctx, 'searchCountry', 'Country', itemIndex),
	};
	assertCountryCode('Country', String(body.country));
	const { limit } = readReturnAll(ctx, itemIndex);
	const { items } = await complyCubeApiRequest(ctx, { method: 'POST', path: '/lookup/addresses', body, idempotent: true, answer: 'items', itemIndex });
	return (items as IDataObject[]).slice(0, limit).map((json) => ({ json }));
}
