import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { documentFinder } from '../../transport/reconcile';
import { clientIdField } from '../shared/fields';
import { documentDetailFields, documentDetails } from './fields';
import { documentTypeOptions } from './types';

const properties: INodeProperties[] = [
	clientIdField,
	{
		displayName: 'Document Type',
		name: 'documentType',
		type: 'options',
		options: documentTypeOptions,
		default: 'passport',
		description: 'What the document is; upload its images next with Document → Upload Document Image',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: documentDetailFields,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['create'] } }, properties);

/** POST /documents `{clientId, type, classification?, issuingCountry?, documentNumber?}`: the document the images are uploaded to. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const type = ctx.getNodeParameter('documentType', itemIndex) as string;
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { clientId, type, ...documentDetails(additional) };
	const json = await complyCubeApiRequest(ctx, {
		method: 'POST',
		path: '/documents',
		body,
		idempotent: false,
		answer: 'created',
		itemIndex,
		reconcile: documentFinder(ctx, itemIndex, clientId, type),
		howToCheck: `List the documents of client ${clientId} (Document → Get Many) and look for a ${type} document created in the last minutes.`,
	});
	return { json };
}
