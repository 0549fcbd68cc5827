import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, fileNameOptions } from '../../../shared/parameters/binary-property';
import { readUploadFile } from '../../../shared/files/binary-input';
import { requiredText } from '../../../shared/parameters/parameters';
import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { complyCubeDocumentRules } from '../../../shared/files/upload-rules';
import { complyCubeApiRequest } from '../../transport';
import { documentIdField, documentSideField } from '../shared/fields';

const properties: INodeProperties[] = [
	documentIdField,
	documentSideField,
	binaryPropertyField('JPG, PNG or PDF, between 34,816 and 4,000,000 bytes'),
	fileNameOptions(
		'e.g. passport-front.jpg',
		'The name ComplyCube stores. Must end in .jpg, .jpeg, .png or .pdf and match the file. Leave empty to use the file\'s own name, corrected to match its content.',
	),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['uploadImage'] } },
	properties,
);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const documentId = requiredText(ctx, 'documentId', 'Document ID', itemIndex);
	const side = ctx.getNodeParameter('documentSide', itemIndex) as string;
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Input Binary Field', itemIndex);
	const userFileName = ctx.getNodeParameter('options.fileName', itemIndex, '') as string;
	const file = await readUploadFile(ctx, itemIndex, binaryPropertyName, complyCubeDocumentRules, userFileName);
	const json = await complyCubeApiRequest(ctx, {
		method: 'POST',
		path: `/documents/${pathSegment(documentId)}/upload/${pathSegment(side)}`,
		body: { fileName: file.fileName, data: file.bytes.toString('base64') },
		// Re-uploading a side probably replaces it, but that is not documented: treat it as a create.
		idempotent: false,
	});
	return { json };
}
