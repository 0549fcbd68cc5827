import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, fileNameOptions } from '../../../shared/parameters/binary-property';
import { readUploadFile } from '../../../shared/files/binary-input';
import { requiredText } from '../../../shared/parameters/parameters';
import { itemParameter } from '../../../shared/parameters/item-parameter';
import { multipartBody, multipartOptions } from '../../../shared/http/multipart';
import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { CRAFTER_MAX_BYTES, crafterAttachmentRules } from '../../../shared/files/upload-rules';
import { crafterApiRequest, crafterObject } from '../../transport';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attachmentFinder } from './reconcile';

const properties: INodeProperties[] = [
	profileIdField,
	binaryPropertyField('A JPG, PNG, GIF, BMP or TIFF image of at most 5 MB'),
	fileNameOptions(
		'e.g. avatar.png',
		"The name to store. The part before the extension identifies the attachment: uploading the same name again replaces it. Leave empty to use the file's own name, corrected to match its content.",
	),
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['upload'] } }, properties);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Input Binary Field', itemIndex);
	const userFileName = itemParameter(ctx, 'options.fileName', itemIndex, '') as string;
	// Read whole: at most 5 MB, and the items in flight at once are bounded by Parallel Requests.
	const file = await readUploadFile(ctx, itemIndex, binaryPropertyName, crafterAttachmentRules, userFileName);
	const fileName = file.fileName ?? '';
	const upload = multipartBody([{ name: 'attachment', data: file.bytes, filename: fileName, contentType: file.mimeType }]);
	// The server's 5 MB limit applies to the whole multipart request, not only the file.
	if (upload.body.length > CRAFTER_MAX_BYTES) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The upload would be ${upload.body.length.toLocaleString('en-US')} bytes with its multipart headers, over the ${CRAFTER_MAX_BYTES.toLocaleString('en-US')} bytes Crafter Profile accepts`,
			{ itemIndex, description: 'Resize or compress the image a little before sending it. Nothing was sent for this item.' },
		);
	}
	const options = multipartOptions(upload);
	// The file as it lies in the body, so the file read from the binary store is not held as well.
	const [sent] = upload.data;
	const response = await crafterApiRequest(ctx, {
		method: 'POST',
		url: `/${pathSegment(profileId)}/uploadAttachment`,
		...options,
		itemIndex,
		transfer: true,
		reconcile: attachmentFinder(ctx, itemIndex, profileId, fileName, sent),
	});
	return { json: crafterObject(response, 'attachment') };
}
