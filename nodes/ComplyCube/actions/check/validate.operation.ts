import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { checkIdField } from '../shared/fields';
import { jsonObject } from '../shared/json-object';

/** ComplyCube's limit on a validation comment (Docs checks/validate-a-check). */
const MAX_COMMENT = 4000;

const properties: INodeProperties[] = [
	checkIdField,
	{
		displayName: 'Outcome',
		name: 'outcome',
		type: 'options',
		options: [
			{ name: 'Attention', value: 'attention', description: 'Leave the check for further review' },
			{ name: 'Confirmed', value: 'confirmed', description: 'Confirm the result (for screening: the match is the client)' },
			{ name: 'Rejected', value: 'rejected', description: 'Reject the result (for screening: the match is not the client)' },
		],
		default: 'confirmed',
		description: 'Your review of the check or, for a screening check, of one of its matches',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Comment',
				name: 'comment',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Why you reached this outcome, up to 4,000 characters',
			},
			{
				displayName: 'Match ID',
				name: 'matchId',
				type: 'string',
				default: '',
				description: "The screening match you validate (an ID from the check's result.breakdown.matches); screening checks need it",
			},
			{
				displayName: 'Rejection Reasons',
				name: 'rejectionReasons',
				type: 'multiOptions',
				options: [
					{ name: 'Document Age Below Threshold', value: 'document_age_below_threshold' },
					{ name: 'Document Appears Fake', value: 'document_appears_fake' },
					{ name: 'Document Has Expired', value: 'document_has_expired' },
					{ name: 'Document Is Blacklisted', value: 'document_is_blacklisted' },
					{ name: 'Document Is Specimen', value: 'document_is_specimen' },
					{ name: 'Document Misread', value: 'document_misread' },
				],
				default: [],
				description: 'Why a document check is rejected',
			},
			{
				// [Docs checks/validate-a-check "userSuppliedData" (document_check)] the object's attributes are not in the excerpt read.
				displayName: 'User Supplied Data (JSON)',
				name: 'userSuppliedData',
				type: 'json',
				default: '{}',
				description: "For a document check: the document's details as you read them (ComplyCube's userSuppliedData object), e.g. a corrected name or date",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['check'], operation: ['validate'] } }, properties);

/**
 * POST /checks/{id}/validate `{outcome, matchId?, rejectionReasons?, userSuppliedData?, comment?}`. Setting the same outcome
 * again leaves the check as it was, so the request may be retried.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const checkId = requiredId(ctx, 'checkId', 'Check ID', itemIndex);
	const outcome = ctx.getNodeParameter('outcome', itemIndex) as string;
	const additional = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { outcome };
	const matchId = String(additional.matchId ?? '').trim();
	if (matchId) body.matchId = matchId;
	if (Array.isArray(additional.rejectionReasons) && additional.rejectionReasons.length) body.rejectionReasons = additional.rejectionReasons;
	const comment = String(additional.comment ?? '');
	if (comment.length > MAX_COMMENT) {
		throw new InputRefusal(
			`Comment is too long (${comment.length.toLocaleString('en-US')} characters)`,
			`ComplyCube takes a comment of up to ${MAX_COMMENT.toLocaleString('en-US')} characters; shorten it.`,
		);
	}
	if (comment.trim()) body.comment = comment;
	const userSuppliedData = jsonObject('User Supplied Data', additional.userSuppliedData);
	if (userSuppliedData) body.userSuppliedData = userSuppliedData;
	const json = await complyCubeApiRequest(ctx, { method: 'POST', path: `/checks/${pathSegment(checkId)}/validate`, body, idempotent: true, itemIndex });
	return { json: { checkId, ...json } };
}
