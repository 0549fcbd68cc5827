import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { documentIdField } from '../shared/fields';
import { documentDetailFields, documentDetails } from './fields';
import { documentTypeOptions } from './types';

const properties: INodeProperties[] = [
	documentIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: (
			[
				...documentDetailFields,
				{
					displayName: 'Document Type',
					name: 'documentType',
					type: 'options',
					options: documentTypeOptions,
					default: 'passport',
					description: 'What the document is',
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['update'] } }, properties);

/**
 * POST /documents/{id} `{type?, classification?, issuingCountry?, documentNumber?}` [Node SDK 1.1.13 Documents.update;
 * PHP DocumentTest testUpdateDocumentType]: fields not sent are kept, so a wrong type, country or number is corrected
 * without deleting the document and uploading its images again. Sending the same fields again changes nothing.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const documentId = requiredId(ctx, 'documentId', 'Document ID', itemIndex);
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const type = String(fields.documentType ?? '').trim();
	const body: IDataObject = { ...(type ? { type } : {}), ...documentDetails(fields) };
	if (Object.keys(body).length === 0) throw new InputRefusal('No field to update', 'Add at least one field under Update Fields.');
	const json = await complyCubeApiRequest(ctx, { method: 'POST', path: `/documents/${pathSegment(documentId)}`, body, idempotent: true, itemIndex });
	return { json };
}
