import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { FILE_KINDS, sniffFileKind } from '../../shared/files/file-type';
import { isBase64Text } from '../../shared/files/base64-text';
import { toNodeError } from '../../shared/http/node-errors';
import { ServiceError, UnexpectedAnswerError } from '../../shared/http/service-error';
import type { OperationResult } from '../../shared/items/per-item-runner';
import { IMAGE_SLOTS, type ImageSlot } from '../actions/submission/images';
import { ARGOS, argosRead } from './index';
import { readSubmission } from './submissions';

/**
 * [GET-IMG] "the API returns the requested image file directly". A base64 text body (what Argos's faceauth
 * image endpoint sends) is taken too, with or without a data: prefix, since which one GET /image sends is
 * unconfirmed. undefined: the body is neither a file the node recognises nor base64 of one.
 */
function imageBytes(body: Buffer): Buffer | undefined {
	if (sniffFileKind(body)) return body;
	const text = body
		.toString('latin1')
		.trim()
		.replace(/^"|"$/g, '')
		.replace(/^data:[^;,]*;base64,/, '')
		.split(/\s/)
		.join('');
	if (!isBase64Text(text)) return undefined;
	const decoded = Buffer.from(text, 'base64');
	return sniffFileKind(decoded) ? decoded : undefined;
}

/**
 * GET /image?submission_id=&type=: one slot of a submission as an n8n binary named
 * `<submissionId>-<slot>.<ext>`, its type from the bytes. Argos's answer for an empty slot is
 * undocumented ("an error may be returned" [GET-IMG]): on a 400/404, or an empty answer, the submission is
 * read to say whether the submission or only the image is missing.
 */
export async function argosImageDownload(
	ctx: IExecuteFunctions,
	submissionId: string,
	slot: ImageSlot,
	binaryPropertyName: string,
	itemIndex: number,
): Promise<OperationResult> {
	const answer = await argosRead(ctx, { path: '/image', qs: { submission_id: submissionId, type: slot }, itemIndex, bytes: true, transfer: true }).catch(
		async (error: unknown) => {
			if (error instanceof ServiceError && (error.status === 400 || error.status === 404))
				await explainMissing(ctx, submissionId, slot, itemIndex, error.serviceMessage);
			throw toNodeError(ctx.getNode(), error, itemIndex);
		},
	);
	if (answer.bytes.length === 0) await explainMissing(ctx, submissionId, slot, itemIndex, 'an empty answer');
	const bytes = imageBytes(answer.bytes);
	if (!bytes) throw new UnexpectedAnswerError(ARGOS, 200, answer.bytes, 'an image file');
	const kind = sniffFileKind(bytes)!;
	const { mimeType, extension } = FILE_KINDS[kind];
	const fileName = `${submissionId}-${slot}.${extension}`;
	const binary = await ctx.helpers.prepareBinaryData(bytes, fileName, mimeType);
	return { json: { submissionId, type: slot, fileName, contentType: mimeType, size: bytes.length }, binary: { [binaryPropertyName]: binary } };
}

/** Throws the error that says what is missing: the submission, or the image in this slot. */
async function explainMissing(ctx: IExecuteFunctions, submissionId: string, slot: ImageSlot, itemIndex: number, argosSaid: string): Promise<never> {
	const submission = await readSubmission(ctx, submissionId, {}, itemIndex);
	const images = (submission.image ?? {}) as Record<string, unknown>;
	const label = IMAGE_SLOTS[slot];
	if (!images[slot]) {
		throw new NodeOperationError(ctx.getNode(), `Submission '${submissionId}' has no ${label} image`, {
			itemIndex,
			description: `Argos holds no image in the ${label} slot (${slot}) of this submission${Object.keys(images).length ? `; it holds ${Object.keys(images).join(', ')}` : ''}. Choose another Image Type, or put the image first with Submission → Put Submission Image. Argos answered: ${argosSaid}.`,
		});
	}
	throw new NodeOperationError(ctx.getNode(), `Argos Identity did not give the ${label} image of submission '${submissionId}'`, {
		itemIndex,
		description: `The submission lists that image, but Argos answered: ${argosSaid}. Try again later.`,
	});
}
