import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { outputBinaryField } from '../../../shared/parameters/binary-property';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { argosImageDownload } from '../../transport/download';
import { submissionIdField } from '../submission/fields';
import { IMAGE_SLOTS, type ImageSlot } from '../submission/images';

export const description = updateDisplayOptions({ show: { resource: ['image'], operation: ['get'] } }, [
	{ ...submissionIdField, description: 'The submission whose image to download' },
	{
		displayName: 'Image Type',
		name: 'type',
		type: 'options',
		options: Object.entries(IMAGE_SLOTS).map(([value, name]) => ({ name, value })),
		default: 'idImage',
		description: "Which of the submission's images to download",
	},
	outputBinaryField(),
]);

/** GET /image?submission_id=&type= [GET-IMG]: the image as an n8n binary named <submissionId>-<slot>.<ext>. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const submissionId = requiredId(ctx, 'submissionId', 'Submission ID', itemIndex);
	const slot = requiredText(ctx, 'type', 'Image Type', itemIndex);
	if (!(slot in IMAGE_SLOTS)) throw new InputRefusal(`Image Type '${slot}' is not one Argos keeps`, `Use one of ${Object.keys(IMAGE_SLOTS).join(', ')}.`);
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Put Output File in Field', itemIndex);
	return await argosImageDownload(ctx, submissionId, slot as ImageSlot, binaryPropertyName, itemIndex);
}
