import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { optionalText, requiredText } from '../../../shared/parameters/parameters';
import { readReturnAll, returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeApiRequest } from '../../transport';
import { assertCountryCode } from '../shared/validate';

const properties: INodeProperties[] = [
	{
		displayName: 'Incorporation Country',
		name: 'incorporationCountry',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. GB',
		description: 'Where the company is registered, as an ISO 3166-1 alpha-2 code',
	},
	{
		displayName: 'Company Name',
		name: 'companyName',
		type: 'string',
		default: '',
		placeholder: 'e.g. CLEDARA',
		description: 'The name or part of it; set this, the Registration Number, or both',
	},
	{
		displayName: 'Registration Number',
		name: 'registrationNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. 11455373',
		description: 'The number the registry gave the company',
	},
	...returnAllFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['company'], operation: ['search'] } }, properties);

/**
 * POST /lookup/companies `{incorporationCountry, companyName?, registrationNumber?}`: one output item per company found
 * (its `id` is what Get Details takes). A search answers one list; Limit keeps the first ones.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const incorporationCountry = requiredText(ctx, 'incorporationCountry', 'Incorporation Country', itemIndex);
	assertCountryCode('Incorporation Country', incorporationCountry);
	const companyName = optionalText(ctx, 'companyName', itemIndex);
	const registrationNumber = optionalText(ctx, 'registrationNumber', itemIndex);
	if (!companyName && !registrationNumber) {
		throw new InputRefusal('Company Name and Registration Number are both empty', 'Set the Company Name, the Registration Number, or both.');
	}
	const { limit } = readReturnAll(ctx, itemIndex);
	const body: IDataObject = { incorporationCountry, ...(companyName ? { companyName } : {}), ...(registrationNumber ? { registrationNumber } : {}) };
	const { items } = await complyCubeApiRequest(ctx, { method: 'POST', path: '/lookup/companies', body, idempotent: true, answer: 'items', itemIndex });
	return (items as IDataObject[]).slice(0, limit).map((json) => ({ json }));
}
