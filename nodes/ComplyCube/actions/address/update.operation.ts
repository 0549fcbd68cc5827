import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { addressBody, addressIdField, optionalAddressFields, requiredAddressFields } from './fields';

const properties: INodeProperties[] = [
	addressIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...requiredAddressFields.map(({ required: _required, ...field }) => field), ...optionalAddressFields].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['address'], operation: ['update'] } }, properties);

/** ComplyCube updates with POST /addresses/{id}; fields not sent are kept (Docs addresses/update-an-address). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const addressId = requiredId(ctx, 'addressId', 'Address ID', itemIndex);
	const body = addressBody(ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) throw new InputRefusal('No field to update', 'Add at least one field under Update Fields.');
	const json = await complyCubeApiRequest(ctx, { method: 'POST', path: `/addresses/${pathSegment(addressId)}`, body, idempotent: true, itemIndex });
	return { json };
}
