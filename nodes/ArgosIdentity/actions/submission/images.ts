import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { readUploadFile } from '../../../shared/files/binary-input';
import { argosImageRules } from '../../../shared/files/upload-rules';

export const IMAGE_SLOTS = {
	idImage: 'ID Front',
	idBackImage: 'ID Back',
	selfieImage: 'Selfie',
	addressImage: 'Proof of Address',
} as const;

export type ImageSlot = keyof typeof IMAGE_SLOTS;

interface ImageEntry {
	type: ImageSlot;
	binaryPropertyName: string;
}

/** The item's images, read and checked, as base64 text per slot; refuses a list the service would refuse. */
export async function readSubmissionImages(ctx: IExecuteFunctions, itemIndex: number, idType: string): Promise<Array<[ImageSlot, string]>> {
	const entries = (ctx.getNodeParameter('images.image', itemIndex, []) as ImageEntry[]) ?? [];
	const fail = (message: string, description: string) =>
		new NodeOperationError(ctx.getNode(), message, { itemIndex, description: `${description} Nothing was sent for this item.` });
	if (entries.length === 0) {
		throw fail('No image to send', 'Add at least one image under Images: ID Front, ID Back, Selfie or Proof of Address.');
	}
	const seen = new Set<ImageSlot>();
	for (const { type } of entries) {
		if (!(type in IMAGE_SLOTS)) throw fail(`Unknown image type '${type}'`, `Use one of ${Object.keys(IMAGE_SLOTS).join(', ')}.`);
		if (seen.has(type)) {
			throw fail(`The ${IMAGE_SLOTS[type]} image is listed twice`, 'Argos keeps one image per type: remove one of the two entries.');
		}
		seen.add(type);
	}
	if (!idType && (seen.has('idImage') || seen.has('idBackImage'))) {
		throw fail('ID Type is required when sending an ID Front or ID Back image', 'Choose the kind of ID document in ID Type.');
	}
	const images: Array<[ImageSlot, string]> = [];
	for (const { type, binaryPropertyName } of entries) {
		const file = await readUploadFile(ctx, itemIndex, binaryPropertyName.trim(), argosImageRules);
		images.push([type, file.bytes.toString('base64')]);
	}
	return images;
}
