import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { FILE_KINDS, sniffFileKind } from '../../shared/files/file-type';
import { COMPLYCUBE_MAX_BYTES } from '../../shared/files/upload-rules';
import { UnexpectedAnswerError } from '../../shared/http/service-error';
import type { OperationResult } from '../../shared/items/per-item-runner';
import { complyCubeApiRequest } from './index';

/** A download's answer: a file of at most COMPLYCUBE_MAX_BYTES as base64 (4 characters per 3 bytes), and its few fields. */
export const DOWNLOAD_ANSWER_MAX_BYTES = Math.ceil(COMPLYCUBE_MAX_BYTES / 3) * 4 + 64 * 1024;

/**
 * ComplyCube downloads answer JSON `{fileName, contentType, data: <base64>}`, not raw bytes: this turns
 * one into an n8n binary with its real name and MIME type, and the answer's other fields as `json`.
 */
export async function complyCubeDownload(
	ctx: IExecuteFunctions,
	path: string,
	binaryPropertyName: string,
	fallbackName: string,
	itemIndex?: number,
): Promise<OperationResult> {
	const answer = await complyCubeApiRequest(ctx, { method: 'GET', path, idempotent: true, itemIndex, transfer: true, maxBytes: DOWNLOAD_ANSWER_MAX_BYTES });
	if (typeof answer.data !== 'string') throw new UnexpectedAnswerError('ComplyCube', 200, answer, 'a file as base64 data');
	const bytes = Buffer.from(answer.data, 'base64');
	const kind = sniffFileKind(bytes);
	// The bytes decide: ComplyCube's sandbox answers 'image/jpg', and for live photos 'images/jpg', which are no MIME types.
	const mimeType = kind ? FILE_KINDS[kind].mimeType : String(answer.contentType ?? '') || 'application/octet-stream';
	const fileName = String(answer.fileName ?? '') || `${fallbackName}.${kind ? FILE_KINDS[kind].extension : 'bin'}`;
	const binary = await ctx.helpers.prepareBinaryData(bytes, fileName, mimeType);
	const { data: _data, ...fields } = answer;
	const json: IDataObject = { ...fields, fileName, contentType: mimeType, size: bytes.length };
	return { json, binary: { [binaryPropertyName]: binary } };
}
