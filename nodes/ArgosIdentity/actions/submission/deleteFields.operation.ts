import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId } from '../../../shared/parameters/parameters';
import { argosApiRequest } from '../../transport';
import { submissionIdField } from './fields';

/** [PDEL-SUB] `fields`: the parts of a submission that can be deleted on their own. */
const FIELDS: Array<[string, string, string]> = [
	['Additional List', 'additional_list', 'The additional list data'],
	['Applicant ID', 'applicant_id', "The applicant's ID"],
	['Custom Duplicate Information', 'custom_duplicated_information', 'The custom duplicate-check data'],
	['Data', 'data', 'The final confirmed personal data (or only the Data Fields chosen below)'],
	['Duplicate Information', 'duplicated_information', 'The duplicate-check data'],
	['Email', 'email', "The applicant's e-mail address"],
	['ID Image', 'id_image', 'The ID document images'],
	['Injection Action', 'injection_action', 'The additional process (injection) data'],
	['OCR', 'ocr', 'The OCR result in standard form'],
	['OCR Raw', 'OCR_raw', 'The raw OCR result'],
	['Review', 'review', 'The data the applicant reviewed'],
	['Selfie Image', 'selfie_image', 'The selfie image'],
	['User ID', 'userid', 'The userid your system gave Argos'],
];

/** [PDEL-SUB] `data_fields`: personal information inside `data`. */
const DATA_FIELDS = [
	'address_city',
	'address_compoundCode',
	'address_country',
	'address_detail',
	'address_formatted',
	'address_globalCode',
	'address_input',
	'address_state',
	'address_street',
	'address_street2',
	'address_zipcode',
	'age_group',
	'date_of_birth',
	'documentNumber',
	'first_name',
	'full_name',
	'gender',
	'idType',
	'idcard_expireDate',
	'idcard_issueDate',
	'idcard_issuingCountry',
	'ip_address',
	'last_name',
	'name',
	'nationality',
];

const properties: INodeProperties[] = [
	{
		displayName:
			'The chosen parts are deleted for good and cannot be restored; the KYC result stays. A submission whose duplicate-check data is deleted is no longer checked for duplicates.',
		name: 'deleteFieldsNotice',
		type: 'notice',
		default: '',
	},
	{ ...submissionIdField, description: 'The submission to delete parts of' },
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		required: true,
		default: [],
		options: FIELDS.map(([name, value, description]) => ({ name, value, description })),
		description: 'The parts of the submission to delete',
	},
	{
		displayName: 'Data Fields',
		name: 'dataFields',
		type: 'multiOptions',
		default: [],
		displayOptions: { show: { fields: ['data'] } },
		options: DATA_FIELDS.map((value) => ({ name: value, value })),
		description: 'Only these fields of Data; none chosen, the whole of Data is deleted',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['submission'], operation: ['deleteFields'] } }, properties);

/**
 * DELETE /submission/partial?submission_id=&fields=[&data_fields=] [PDEL-SUB]. The page says to "input one of
 * the following options" for each parameter, so one request goes per part (per data field within Data):
 * that a list in one request is refused is inferred. Deleting a part that is already gone does no harm, so
 * retries are safe. Not in Secure Data Transmission's list ([ENC-GB]): sent plain, as DELETE /submission.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const submissionId = requiredId(ctx, 'submissionId', 'Submission ID', itemIndex);
	const fields = (ctx.getNodeParameter('fields', itemIndex, []) as string[]).filter(Boolean);
	if (!fields.length) throw new InputRefusal('Fields is empty', 'Choose at least one part of the submission to delete in Fields.');
	const dataFields = fields.includes('data') ? (ctx.getNodeParameter('dataFields', itemIndex, []) as string[]).filter(Boolean) : [];
	const requests: IDataObject[] = fields.flatMap((field) =>
		field === 'data' && dataFields.length ? dataFields.map((dataField) => ({ fields: 'data', data_fields: dataField })) : [{ fields: field }],
	);
	const answers: IDataObject[] = [];
	for (const qs of requests) {
		answers.push(
			await argosApiRequest(ctx, { method: 'DELETE', path: '/submission/partial', qs: { submission_id: submissionId, ...qs }, idempotent: true, itemIndex }),
		);
	}
	return { json: { submissionId, deleted: fields, ...(dataFields.length ? { dataFields } : {}), ...answers[answers.length - 1] } };
}
