import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { argosApiRequest } from '../../transport';
import { readSubmission } from '../../transport/submissions';
import { dataFieldOptions, readDataFields } from './data-fields';
import { adminField, submissionIdField } from './fields';

/** [REVIEW-SUB] the fields its `updateFields` example shows. */
const REVIEW_FIELDS = ['birthDate', 'expireDate', 'fullName', 'gender', 'idType', 'issueDate'];

const properties: INodeProperties[] = [
	{
		displayName: 'Only a pending submission can be reviewed, and only when the project lets the client review (dashboard: reviewer set to Client)',
		name: 'reviewNotice',
		type: 'notice',
		default: '',
	},
	{ ...submissionIdField, description: 'The pending submission to approve or reject' },
	{ ...adminField, description: 'The e-mail of the dashboard admin who reviews it' },
	{
		displayName: 'Decision',
		name: 'status',
		type: 'options',
		default: 'approved',
		options: [
			{ name: 'Approve', value: 'approved' },
			{ name: 'Reject', value: 'rejected' },
		],
	},
	{
		displayName: 'Reject Comment',
		name: 'rejectComment',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		required: true,
		displayOptions: { show: { status: ['rejected'] } },
		description: 'Why the submission is rejected (Argos requires it for a rejection)',
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		description: 'Corrections to the submission data, applied with the decision',
		options: dataFieldOptions(REVIEW_FIELDS),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['submission'], operation: ['review'] } }, properties);

/**
 * POST /submission/review {submissionId, admin, status, rejectComment?, updateFields?} [REVIEW-SUB]. Only a
 * pending submission can be reviewed, so sending it twice fails the second time: not retried blindly. After
 * an attempt that may have arrived, the submission is read: if its KYC result is the decision, the review
 * happened.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const submissionId = requiredId(ctx, 'submissionId', 'Submission ID', itemIndex);
	const admin = requiredText(ctx, 'admin', 'Admin Email', itemIndex);
	const status = ctx.getNodeParameter('status', itemIndex) as string;
	const rejectComment = status === 'rejected' ? String(ctx.getNodeParameter('rejectComment', itemIndex, '') ?? '').trim() : '';
	if (status === 'rejected' && !rejectComment) {
		throw new InputRefusal('Reject Comment is empty', 'Argos requires a comment to reject a submission: say why in Reject Comment.');
	}
	const updateFields = readDataFields(ctx, itemIndex);
	const json: IDataObject = {
		submissionId,
		admin,
		status,
		...(rejectComment ? { rejectComment } : {}),
		...(Object.keys(updateFields).length ? { updateFields } : {}),
	};
	const answer = await argosApiRequest(ctx, {
		method: 'POST',
		path: '/submission/review',
		json,
		idempotent: false,
		itemIndex,
		reconcile: async () => {
			const submission = await readSubmission(ctx, submissionId, {}, itemIndex);
			const result = (submission.kyc as IDataObject | undefined)?.result;
			return result === status ? { submissionId, message: 'Success to review submission.', finalStatus: result } : undefined;
		},
	});
	return { json: answer };
}
