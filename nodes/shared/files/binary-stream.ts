import type { Readable } from 'node:stream';

import type { IExecuteFunctions } from 'n8n-workflow';

import { readUploadFile } from './binary-input';
import { checkFile, type CheckedFile } from './file-check';
import { SNIFF_BYTES } from './file-type';
import type { UploadRules } from './upload-rules';

export interface StreamedUploadFile extends CheckedFile {
	size: number;
	/** A fresh stream of the whole file for each call, so a retried request can send it again. */
	open(): Promise<Readable | Buffer>;
}

async function readHead(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of stream) {
		chunks.push(chunk as Buffer);
		length += (chunk as Buffer).length;
		if (length >= SNIFF_BYTES) break;
	}
	stream.destroy();
	return Buffer.concat(chunks).subarray(0, SNIFF_BYTES);
}

/**
 * Checks an item's binary from its first bytes and stored size, and streams it from n8n's binary
 * store when sent, so a file is never held whole in memory. Binaries kept in memory (no id) are read as a buffer.
 */
export async function openUploadFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	rules: UploadRules,
	userFileName?: string,
): Promise<StreamedUploadFile> {
	const present = ctx.getInputData()[itemIndex]?.binary?.[propertyName];
	if (!present?.id) {
		const { bytes, ...checked } = await readUploadFile(ctx, itemIndex, propertyName, rules, userFileName);
		return { ...checked, size: bytes.length, open: async () => bytes };
	}
	const binary = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	const id = binary.id!;
	const { fileSize } = await ctx.helpers.getBinaryMetadata(id);
	const head = await readHead(await ctx.helpers.getBinaryStream(id));
	const checked = checkFile(rules, { head, size: fileSize, propertyName, binaryFileName: binary.fileName, userFileName });
	return { ...checked, size: fileSize, open: async () => await ctx.helpers.getBinaryStream(id) };
}
