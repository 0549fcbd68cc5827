import { NodeOperationError, type IBinaryData, type IExecuteFunctions } from 'n8n-workflow';

import { checkFile, type CheckedFile } from './file-check';
import type { UploadRules } from './upload-rules';

export interface BinaryFile {
	binary: IBinaryData;
	bytes: Buffer;
}

/** Reads an item's binary through n8n's binary data service (never `binary.data`, which holds only the storage mode in n8n 2). */
export async function readBinaryFile(ctx: IExecuteFunctions, itemIndex: number, propertyName: string): Promise<BinaryFile> {
	const present = Object.keys(ctx.getInputData()[itemIndex]?.binary ?? {});
	if (!present.includes(propertyName)) {
		const has = present.length ? `it has ${present.map((name) => `'${name}'`).join(', ')}` : 'it has no binary data at all';
		throw new NodeOperationError(ctx.getNode(), `This item has no binary property '${propertyName}'`, {
			itemIndex,
			description: `Set Input Binary Field to the property that holds the file (${has}), or check the node before this one produces a file. Nothing was sent for this item.`,
		});
	}
	const binary = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	const bytes = await ctx.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	return { binary, bytes };
}

export interface UploadFile extends CheckedFile {
	bytes: Buffer;
}

/** Reads an item's binary and checks it against the service's rules before anything is sent. */
export async function readUploadFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	rules: UploadRules,
	userFileName?: string,
): Promise<UploadFile> {
	const { binary, bytes } = await readBinaryFile(ctx, itemIndex, propertyName);
	const checked = checkFile(rules, {
		head: bytes,
		size: bytes.length,
		propertyName,
		binaryFileName: binary.fileName,
		userFileName,
	});
	return { ...checked, bytes };
}
