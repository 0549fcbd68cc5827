import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { addressFinder } from '../../transport/reconcile';
import { clientIdField } from '../shared/fields';
import { addressBody, optionalAddressFields, requiredAddressFields } from './fields';

const properties: INodeProperties[] = [
	{ ...clientIdField, description: 'The ComplyCube client the address belongs to' },
	...requiredAddressFields,
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: optionalAddressFields },
];

export const description = updateDisplayOptions({ show: { resource: ['address'], operation: ['create'] } }, properties);

/** POST /addresses `{clientId, line, city, country, type?, propertyNumber?, buildingName?, state?, postalCode?, fromDate?, toDate?}`. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const required = {
		line: requiredText(ctx, 'line', 'Line', itemIndex),
		city: requiredText(ctx, 'city', 'City', itemIndex),
		country: requiredText(ctx, 'country', 'Country', itemIndex),
	};
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { clientId, ...addressBody({ ...additional, ...required }) };
	const json = await complyCubeApiRequest(ctx, {
		method: 'POST',
		path: '/addresses',
		body,
		idempotent: false,
		answer: 'created',
		itemIndex,
		reconcile: addressFinder(ctx, itemIndex, body),
		howToCheck: `List the addresses of client ${clientId} (Address → Get Many) and look for ${String(body.line)}, ${String(body.city)} created in the last minutes.`,
	});
	return { json };
}
