import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { DEFAULT_TIMEOUT_MS, withTimeoutOption } from '../../../shared/parameters/timeout-option';
import { argosApiRequest } from '../../transport';
import { adminField, submissionIdField } from './fields';
import { ID_TYPES } from './putImage.operation';

const text = (displayName: string, name: string, description: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(placeholder ? { placeholder } : {}),
});

/** [PATCH-SUB] the `data` fields Argos documents; dates are written YYYY-MM-DD as in Argos's other dates. */
const DATE_FIELDS = ['birthDate', 'issueDate', 'expireDate'];

const properties: INodeProperties[] = [
	{ ...submissionIdField, description: 'The submission to update' },
	adminField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			text('Birth Date', 'birthDate', 'Date of birth, YYYY-MM-DD', '1990-04-12'),
			text('Document Number', 'documentNumber', 'The number of the ID document'),
			text('Expire Date', 'expireDate', 'When the ID document expires, YYYY-MM-DD', '2030-01-31'),
			text('Full Name', 'fullName', 'The full name as on the ID document'),
			{ displayName: 'Gender', name: 'gender', type: 'options', default: 'female', options: [{ name: 'Female', value: 'female' }, { name: 'Male', value: 'male' }] },
			text('ID Number', 'identityNumber', 'The identity number on the ID document'),
			{ displayName: 'ID Type', name: 'idType', type: 'options', default: 'passport', options: ID_TYPES.map(([name, value]) => ({ name, value })) },
			text('Issue Date', 'issueDate', 'When the ID document was issued, YYYY-MM-DD', '2020-01-31'),
			text('Issuing Country', 'issuingCountry', 'The country that issued the ID document (ISO 3166-1 alpha-3, e.g. GBR)', 'GBR'),
			{
				displayName: 'KYC Status',
				name: 'kycStatus',
				type: 'options',
				default: 'approved',
				description: 'Approve or reject the submission, as a reviewer would in the dashboard',
				options: [
					{ name: 'Approved', value: 'approved' },
					{ name: 'Rejected', value: 'rejected' },
				],
			},
			text('Nationality', 'nationality', 'ISO 3166-1 alpha-3, e.g. GBR', 'GBR'),
			text('Serial Number', 'serialNumber', 'The serial number of the ID document'),
		],
	},
];

export const description = withTimeoutOption(updateDisplayOptions({ show: { resource: ['submission'], operation: ['update'] } }, properties), DEFAULT_TIMEOUT_MS);

/** The fields to send: trimmed, empty ones dropped, dates checked; none at all is refused before sending. */
function dataOf(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const fields = (ctx.getNodeParameter('updateFields', itemIndex, {}) ?? {}) as IDataObject;
	const data: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		const textValue = String(value ?? '').trim();
		if (!textValue) continue;
		if (DATE_FIELDS.includes(name) && !/^\d{4}-\d{2}-\d{2}$/.test(textValue)) {
			throw new InputRefusal(`${name} '${textValue}' is not a YYYY-MM-DD date`, `Write ${name} as year-month-day, e.g. 1990-04-12.`);
		}
		data[name] = textValue;
	}
	if (!Object.keys(data).length) {
		throw new InputRefusal('Nothing to update', 'Add at least one field under Update Fields (e.g. KYC Status to approve or reject); Argos refuses an update without one.');
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
