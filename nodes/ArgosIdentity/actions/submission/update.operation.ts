import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { argosApiRequest } from '../../transport';
import { adminField, submissionIdField } from './fields';
import { dataFieldOptions, readDataFields } from './data-fields';

/** [PATCH-SUB] every `data` field Argos documents. */
const PATCH_FIELDS = [
	'birthDate',
	'documentNumber',
	'expireDate',
	'firstName',
	'fullName',
	'gender',
	'identityNumber',
	'idType',
	'issueDate',
	'issuingCountry',
	'kycStatus',
	'lastName',
	'nationality',
	'serialNumber',
];

const properties: INodeProperties[] = [
	{ ...submissionIdField, description: 'The submission to update' },
	adminField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: dataFieldOptions(PATCH_FIELDS),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['submission'], operation: ['update'] } }, properties);

/** The fields to send; none at all is refused before sending. */
function dataOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const data = readDataFields(ctx, itemIndex);
	if (!Object.keys(data).length) {
		throw new InputRefusal(
			'Nothing to update',
			'Add at least one field under Update Fields (e.g. KYC Status to approve or reject); Argos refuses an update without one.',
		);
	}
	return data;
}

/**
 * PATCH /submission {submissionId, admin, data} [PATCH-SUB]; data.kycStatus approves or rejects. Argos then
 * sends its `updated` webhook [WH-UPD]. Sending it twice sets the same values: safe to retry.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const submissionId = requiredId(ctx, 'submissionId', 'Submission ID', itemIndex);
	const admin = requiredText(ctx, 'admin', 'Admin Email', itemIndex);
	const data = dataOf(ctx, itemIndex);
	const answer = await argosApiRequest(ctx, { method: 'PATCH', path: '/submission', json: { submissionId, admin, data }, idempotent: true, itemIndex });
	return { json: { submissionId, ...answer, updated: data } };
}
