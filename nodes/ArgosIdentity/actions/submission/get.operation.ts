import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { readSubmission } from '../../transport/submissions';
import { requestTypeOption, submissionIdField } from './fields';
import { requestTypeQuery } from './request-type';

export const description = updateDisplayOptions({ show: { resource: ['submission'], operation: ['get'] } }, [
	{ ...submissionIdField, description: 'The submission to read: its KYC result, data and images' },
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [requestTypeOption] },
]);

/** GET /submission?submission_id= [GET-SUB]: the submission itself (Items[0]); none is an error. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const submissionId = requiredId(ctx, 'submissionId', 'Submission ID', itemIndex);
	return { json: await readSubmission(ctx, submissionId, requestTypeQuery(ctx, itemIndex), itemIndex) };
}
