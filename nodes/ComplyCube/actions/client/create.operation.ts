import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredText } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { clientFinder } from '../../transport/reconcile';
import { clientBody, contactFields, metadataField, personFields, personIdFields } from './details';

const properties: INodeProperties[] = [
	{
		displayName: 'Client Type',
		name: 'clientType',
		type: 'options',
		options: [
			{ name: 'Person', value: 'person' },
			{ name: 'Company', value: 'company' },
		],
		default: 'person',
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true, displayOptions: { show: { clientType: ['person'] } } },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true, displayOptions: { show: { clientType: ['person'] } } },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', required: true, displayOptions: { show: { clientType: ['company'] } } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...contactFields, ...personFields, ...personIdFields].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	metadataField,
];

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['create'] } }, properties);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const type = ctx.getNodeParameter('clientType', itemIndex) as string;
	const fields: IDataObject = { type, email: requiredText(ctx, 'email', 'Email', itemIndex) };
	if (type === 'person') {
		fields.firstName = requiredText(ctx, 'firstName', 'First Name', itemIndex);
		fields.lastName = requiredText(ctx, 'lastName', 'Last Name', itemIndex);
	} else {
		fields.companyName = requiredText(ctx, 'companyName', 'Company Name', itemIndex);
	}
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = clientBody({ ...additional, ...fields }, ctx.getNodeParameter('metadata', itemIndex, {}) as IDataObject);
	if (type === 'company') delete body.personDetails;
	const externalId = typeof body.externalId === 'string' && body.externalId ? body.externalId : undefined;
	const email = String(body.email);
	const json = await complyCubeApiRequest(ctx, {
		method: 'POST',
		path: '/clients',
		body,
		idempotent: false,
		answer: 'created',
		itemIndex,
		reconcile: clientFinder(ctx, itemIndex, { type, email, externalId }),
		howToCheck: `List the clients with email ${email}${externalId ? ` and external ID ${externalId}` : ''} (Client → Get Many) and look for one created in the last minutes.`,
	});
	return { json };
}
