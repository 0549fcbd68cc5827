import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { assertEmail } from '../../../shared/parameters/email';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { argosApiRequest } from '../../transport';
import { adminField } from '../submission/fields';
import { idList, worklistIdField } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Only approved submissions with a full name and a date of birth can be monitored', name: 'addNotice', type: 'notice', default: '' },
	worklistIdField,
	{
		displayName: 'Submission IDs',
		name: 'submissionIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5f1c9a2b7d3e40a1',
		description: 'The approved submissions to monitor, separated by commas (1 to 25)',
	},
	{ ...adminField, description: 'The e-mail of a dashboard admin of the project, recorded as who registered them' },
];

export const description = updateDisplayOptions({ show: { resource: ['amlMonitoring'], operation: ['add'] } }, properties);

/**
 * POST /submission/aml/monitor/{worklistId} {submissionIds (1-25), admin} [AML-MON-POST]. Argos answers each
 * submission in successResults (with its recordIds) or failedResults (with why), so a partly failed call is
 * output as Argos answered it; all failing is its 500 all_submissions_failed. A second registration of the
 * same submission is not documented as harmless: not retried blindly.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const worklistId = requiredId(ctx, 'worklistId', 'Worklist ID', itemIndex);
	const submissionIds = idList(requiredText(ctx, 'submissionIds', 'Submission IDs', itemIndex), 'Submission IDs');
	const admin = requiredText(ctx, 'admin', 'Admin Email', itemIndex);
	assertEmail('Admin Email', admin);
	const answer = await argosApiRequest(ctx, {
		method: 'POST',
		path: `/submission/aml/monitor/${pathSegment(worklistId)}`,
		json: { submissionIds, admin },
		idempotent: false,
		itemIndex,
	});
	return { json: { worklistId, ...answer } };
}
