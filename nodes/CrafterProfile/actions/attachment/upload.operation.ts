import type { Readable } from 'node:stream';

import FormData from 'form-data';
import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { binaryPropertyField, fileNameOptions } from '../../../shared/parameters/binary-property';
import { openUploadFile } from '../../../shared/files/binary-stream';
import { requiredText } from '../../../shared/parameters/parameters';
import { itemParameter } from '../../../shared/parameters/item-parameter';
import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { CRAFTER_MAX_BYTES, crafterAttachmentRules } from '../../../shared/files/upload-rules';
import { crafterApiRequest, crafterObject } from '../../transport';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attachmentFinder } from './reconcile';
import { TRANSFER_TIMEOUT_MS, withTimeoutOption } from '../../../shared/parameters/timeout-option';

const properties: INodeProperties[] = [
	profileIdField,
	binaryPropertyField('A JPG, PNG, GIF, BMP or TIFF image of at most 5 MB'),
	fileNameOptions(
		'e.g. avatar.png',
		'The name to store. The part before the extension identifies the attachment: uploading the same name again replaces it. Leave empty to use the file\'s own name, corrected to match its content.',
	),
];

export const description = withTimeoutOption(updateDisplayOptions({ show: { resource: ['attachment'], operation: ['upload'] } }, properties), TRANSFER_TIMEOUT_MS);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Input Binary Field', itemIndex);
	const userFileName = itemParameter(ctx, 'options.fileName', itemIndex, '') as string;
	const file = await openUploadFile(ctx, itemIndex, binaryPropertyName, crafterAttachmentRules, userFileName);
	const part = { filename: file.fileName, contentType: file.mimeType, knownLength: file.size };
	// The server's 5 MB limit applies to the whole multipart request, not only the file. Measured with an
	// empty stand-in of the file's known length: opening the file just to measure it would leave a stream open.
	const measure = new FormData();
	measure.append('attachment', Buffer.alloc(0), part);
	const requestSize = measure.getLengthSync();
	if (requestSize > CRAFTER_MAX_BYTES) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The upload would be ${requestSize.toLocaleString('en-US')} bytes with its multipart headers, over the ${CRAFTER_MAX_BYTES.toLocaleString('en-US')} bytes Crafter Profile accepts`,
			{ itemIndex, description: 'Resize or compress the image a little before sending it. Nothing was sent for this item.' },
		);
	}
	// One stream per attempt; whatever an attempt left unread (a timeout, a reset) is closed, not left to the collector.
	const opened: Array<Readable | Buffer> = [];
	try {
		const response = await crafterApiRequest(
			ctx,
			async () => {
				for (const earlier of opened.splice(0)) closeStream(earlier);
				const content = await file.open();
				opened.push(content);
				const body = new FormData();
				body.append('attachment', content, part);
				return { method: 'POST', url: `/${pathSegment(profileId)}/uploadAttachment`, body };
			},
			{ itemIndex, transfer: true, reconcile: attachmentFinder(ctx, itemIndex, profileId, file.fileName ?? '', file) },
		);
		return { json: crafterObject(response, 'attachment') };
	} finally {
		for (const stream of opened) closeStream(stream);
	}
}

function closeStream(content: Readable | Buffer): void {
	if (!Buffer.isBuffer(content) && !content.destroyed) content.destroy();
}
