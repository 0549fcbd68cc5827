import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { assertEmail } from '../../../shared/parameters/email';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { argosApiRequest } from '../../transport';
import { adminField } from '../submission/fields';
import { idList, worklistIdField } from './fields';

const properties: INodeProperties[] = [
	{ displayName: 'Removed records are deleted for good; the submissions are no longer monitored', name: 'removeNotice', type: 'notice', default: '' },
	worklistIdField,
	{
		displayName: 'Record IDs',
		name: 'recordIds',
		type: 'string',
		default: '',
		required: true,
		description: 'The monitoring records to remove, separated by commas (1 to 25)',
	},
	{ ...adminField, description: 'The e-mail of a dashboard admin of the project, recorded as who removed them' },
];

export const description = updateDisplayOptions({ show: { resource: ['amlMonitoring'], operation: ['remove'] } }, properties);

/**
 * DELETE /submission/aml/monitor/{worklistId} {admin, recordIds (1-25)} [AML-MON-DEL]: {"message": "records
 * deleted successfully"}; a record that does not exist is 400 invalid_record "Some records do not exist". A
 * second removal after a lost answer would report the records missing: not retried blindly.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const worklistId = requiredId(ctx, 'worklistId', 'Worklist ID', itemIndex);
	const recordIds = idList(requiredText(ctx, 'recordIds', 'Record IDs', itemIndex), 'Record IDs');
	const admin = requiredText(ctx, 'admin', 'Admin Email', itemIndex);
	assertEmail('Admin Email', admin);
	const answer = await argosApiRequest(ctx, {
		method: 'DELETE',
		path: `/submission/aml/monitor/${pathSegment(worklistId)}`,
		json: { admin, recordIds },
		idempotent: false,
		itemIndex,
	});
	return { json: { worklistId, recordIds, ...answer } };
}
