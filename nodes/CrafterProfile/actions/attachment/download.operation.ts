import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { outputBinaryField } from '../../../shared/parameters/binary-property';
import { FILE_KINDS, sniffFileKind } from '../../../shared/files/file-type';
import { CRAFTER_MAX_BYTES } from '../../../shared/files/upload-rules';
import { requiredText } from '../../../shared/parameters/parameters';
import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { crafterApiRequest } from '../../transport';
import { attachmentName, attachmentNameField } from './fields';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { noSuchAttachment } from './getDetails.operation';

const properties: INodeProperties[] = [profileIdField, attachmentNameField, outputBinaryField()];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['download'] } }, properties);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	const name = attachmentName(ctx, itemIndex);
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Put Output File in Field', itemIndex);
	const response = await crafterApiRequest(ctx, {
		method: 'GET',
		url: `/${pathSegment(profileId)}/attachment/${pathSegment(name)}`,
		encoding: 'arraybuffer',
		json: false,
		itemIndex,
		transfer: true,
		maxBytes: CRAFTER_MAX_BYTES,
	});
	const bytes = Buffer.from(response.body as ArrayBuffer);
	// An unknown name streams an empty 200.
	if (bytes.length === 0) throw noSuchAttachment(ctx, itemIndex, name, profileId);
	const kind = sniffFileKind(bytes);
	const mimeType = String(response.headers['content-type'] ?? '').split(';')[0] || (kind ? FILE_KINDS[kind].mimeType : 'application/octet-stream');
	const extension = kind ? FILE_KINDS[kind].extension : (mimeType.split('/')[1]?.replace('svg+xml', 'svg') ?? 'bin');
	const binary = await ctx.helpers.prepareBinaryData(bytes, `${name}.${extension}`, mimeType);
	const json: IDataObject = { profileId, fileName: name, contentType: mimeType, fileSizeBytes: bytes.length };
	return { json, binary: { [binaryPropertyName]: binary } };
}
