import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { UnexpectedAnswerError } from '../../shared/http/service-error';
import type { ServiceContext } from '../../shared/http/service-request';
import { argosEncryption, openAnswer } from './encrypted-answer';
import { ARGOS, argosRead } from './index';

/** GET /submission's answer [GET-SUB-ID] [GET-SUB-GB]: the items and, while more remain, the cursor of the next page. */
export interface SubmissionPage {
	Items: IDataObject[];
	nextpageKey?: { id: string; created_at: string };
}

/**
 * GET /submission with these query parameters. Argos answers {"Items": [...]} (always a list), or, with the
 * project's Secure Data Transmission option on, {"data": "<encrypted>"} [ENC-GB], decrypted here with the
 * credential's keys and module.
 */
export async function readSubmissions(ctx: ServiceContext, qs: IDataObject, itemIndex?: number): Promise<SubmissionPage> {
	const answer = openAnswer(ctx.getNode(), await argosEncryption(ctx), await argosRead(ctx, { path: '/submission', qs, itemIndex }), itemIndex);
	const page = answer as Partial<SubmissionPage>;
	if (!Array.isArray(page.Items)) throw new UnexpectedAnswerError(ARGOS, 200, answer, 'a list of Items');
	const key = page.nextpageKey as IDataObject | undefined;
	const next = key && typeof key.id === 'string' && key.id && key.created_at !== undefined ? { id: key.id, created_at: String(key.created_at) } : undefined;
	return { Items: page.Items, ...(next ? { nextpageKey: next } : {}) };
}

/** One submission by id; Argos answers an id it does not know with no Items, which is an error here, not an empty item. */
export async function readSubmission(ctx: ServiceContext, submissionId: string, qs: IDataObject = {}, itemIndex?: number): Promise<IDataObject> {
	const { Items } = await readSubmissions(ctx, { submission_id: submissionId, ...qs }, itemIndex);
	if (!Items.length) {
		throw new NodeOperationError(ctx.getNode(), `Argos Identity has no submission '${submissionId}'`, {
			itemIndex,
			description:
				'Argos answered the look-up with no submission. Check the Submission ID, and that the credential is the API key of the project the submission belongs to.',
		});
	}
	return Items[0];
}
