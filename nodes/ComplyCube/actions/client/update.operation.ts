import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { clientIdField } from '../shared/fields';
import { clientBody, contactFields, metadataField, personFields, personIdFields } from './details';

const properties: INodeProperties[] = [
	clientIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
				{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
				{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
				{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
				...contactFields,
				...personFields,
				...personIdFields,
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	{ ...metadataField, description: 'Key-value pairs ComplyCube keeps with the client; these replace the metadata it holds' },
];

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['update'] } }, properties);

/** ComplyCube updates with POST /clients/{id}; fields not sent are kept. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = clientBody(fields, ctx.getNodeParameter('metadata', itemIndex, {}) as IDataObject);
	if (Object.keys(body).length === 0) {
		throw new InputRefusal('No field to update', 'Add at least one field under Update Fields or Metadata.');
	}
	const json = await complyCubeApiRequest(ctx, { method: 'POST', path: `/clients/${pathSegment(clientId)}`, body, idempotent: true, itemIndex });
	return { json };
}
