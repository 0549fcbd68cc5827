import FormData from 'form-data';
import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, fileNameOptions } from '../../../shared/parameters/binary-property';
import { openUploadFile } from '../../../shared/files/binary-stream';
import { requiredText } from '../../../shared/parameters/parameters';
import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { CRAFTER_MAX_BYTES, crafterAttachmentRules } from '../../../shared/files/upload-rules';
import { crafterApiRequest } from '../../transport';
import { profileIdField } from './fields';

const properties: INodeProperties[] = [
	profileIdField,
	binaryPropertyField('A JPG, PNG, GIF, BMP or TIFF image of at most 5 MB'),
	fileNameOptions(
		'e.g. avatar.png',
		'The name to store. The part before the extension identifies the attachment: uploading the same name again replaces it. Leave empty to use the file\'s own name, corrected to match its content.',
	),
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['upload'] } }, properties);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = requiredText(ctx, 'profileId', 'Profile ID', itemIndex);
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Input Binary Field', itemIndex);
	const userFileName = ctx.getNodeParameter('options.fileName', itemIndex, '') as string;
	const file = await openUploadFile(ctx, itemIndex, binaryPropertyName, crafterAttachmentRules, userFileName);
	const form = async () => {
		const body = new FormData();
		body.append('attachment', await file.open(), { filename: file.fileName, contentType: file.mimeType, knownLength: file.size });
		return body;
	};
	// The server's 5 MB limit applies to the whole multipart request, not only the file.
	const requestSize = (await form()).getLengthSync();
	if (requestSize > CRAFTER_MAX_BYTES) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The upload would be ${requestSize.toLocaleString('en-US')} bytes with its multipart headers, over the ${CRAFTER_MAX_BYTES.toLocaleString('en-US')} bytes Crafter Profile accepts`,
			{ itemIndex, description: 'Resize or compress the image a little before sending it. Nothing was sent for this item.' },
		);
	}
	const response = await crafterApiRequest(ctx, async () => ({
		method: 'POST',
		url: `/${pathSegment(profileId)}/uploadAttachment`,
		body: await form(),
	}));
	return { json: response.body as IDataObject };
}
