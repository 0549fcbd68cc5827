import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, fileNameOptions } from '../../../shared/parameters/binary-property';
import { readUploadFile } from '../../../shared/files/binary-input';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { itemParameter } from '../../../shared/parameters/item-parameter';
import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { complyCubeDocumentRules } from '../../../shared/files/upload-rules';
import { Base64Field } from '../../../shared/http/json-body';
import { complyCubeApiRequest } from '../../transport';
import { documentImageFinder } from '../../transport/reconcile';
import { documentIdField, documentSideField, readDocumentSide } from '../shared/fields';

const properties: INodeProperties[] = [
	documentIdField,
	documentSideField,
	binaryPropertyField('JPG, PNG or PDF, between 34,816 and 4,000,000 bytes'),
	fileNameOptions(
		'e.g. passport-front.jpg',
		"The name ComplyCube stores. Must end in .jpg, .jpeg, .png or .pdf and match the file. Leave empty to use the file's own name, corrected to match its content.",
	),
];

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['uploadImage'] } }, properties);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const documentId = requiredId(ctx, 'documentId', 'Document ID', itemIndex);
	const side = readDocumentSide(ctx, itemIndex);
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Input Binary Field', itemIndex);
	const userFileName = itemParameter(ctx, 'options.fileName', itemIndex, '') as string;
	const file = await readUploadFile(ctx, itemIndex, binaryPropertyName, complyCubeDocumentRules, userFileName);
	// The document rules always name the file.
	const fileName = file.fileName ?? '';
	const json = await complyCubeApiRequest(ctx, {
		method: 'POST',
		path: `/documents/${pathSegment(documentId)}/upload/${pathSegment(side)}`,
		body: { fileName, data: new Base64Field(file.bytes) },
		// Re-uploading a side probably replaces it, but that is not documented: treat it as a create, and
		// after an ambiguous failure look for the image on the document before sending it again.
		idempotent: false,
		answer: 'created',
		itemIndex,
		transfer: true,
		reconcile: documentImageFinder(ctx, itemIndex, documentId, side, fileName, file.bytes.length),
		howToCheck: `Get the document ${documentId} (Document → Get) and look for a ${side} image named '${fileName}' of ${file.bytes.length.toLocaleString('en-US')} bytes.`,
	});
	return { json };
}
