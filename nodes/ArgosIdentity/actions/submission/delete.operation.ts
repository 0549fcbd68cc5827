import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { argosApiRequest } from '../../transport';
import { adminField, submissionIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['submission'], operation: ['delete'] } }, [
	{
		displayName:
			'Deleting removes the personal data, ID details, images and AML data of the submission for good; Argos keeps its ID, date, ID type and approval status (and still bills it)',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	{ ...submissionIdField, description: 'The submission whose data to delete' },
	{ ...adminField, description: 'The e-mail of the dashboard admin who deletes it; Argos sends its delete webhook only with one' },
]);

/**
 * DELETE /submission?submission_id=&admin_name= [DEL-SUB]. Irreversible; a second delete finds the same
 * emptied record, so a retry after a lost answer does no harm.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const submissionId = requiredId(ctx, 'submissionId', 'Submission ID', itemIndex);
	const admin = requiredText(ctx, 'admin', 'Admin Email', itemIndex);
	const answer = await argosApiRequest(ctx, {
		method: 'DELETE',
		path: '/submission',
		qs: { submission_id: submissionId, admin_name: admin },
		idempotent: true,
		itemIndex,
	});
	return { json: { submissionId, ...answer } };
}
