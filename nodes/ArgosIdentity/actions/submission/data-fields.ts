import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { ID_TYPES } from './putImage.operation';

const text = (displayName: string, name: string, description: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(placeholder ? { placeholder } : {}),
});

/**
 * The submission data fields Argos documents: [PATCH-SUB] `data` (firstName and lastName from the current
 * page), and the subset [REVIEW-SUB] shows in `updateFields`. Dates are YYYY-MM-DD as in Argos's other dates.
 */
const DATA_FIELDS: INodeProperties[] = [
	text('Birth Date', 'birthDate', 'Date of birth, YYYY-MM-DD', '1990-04-12'),
	text('Document Number', 'documentNumber', 'The number of the ID document'),
	text('Expire Date', 'expireDate', 'When the ID document expires, YYYY-MM-DD', '2030-01-31'),
	text('First Name', 'firstName', 'The first name of the applicant'),
	text('Full Name', 'fullName', 'The full name as on the ID document'),
	{
		displayName: 'Gender',
		name: 'gender',
		type: 'options',
		default: 'female',
		options: [
			{ name: 'Female', value: 'female' },
			{ name: 'Male', value: 'male' },
		],
	},
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
	text('Last Name', 'lastName', 'The last (family) name of the applicant'),
	text('Nationality', 'nationality', 'ISO 3166-1 alpha-3, e.g. GBR', 'GBR'),
	text('Serial Number', 'serialNumber', 'The serial number of the ID document'),
];

const DATE_FIELDS = ['birthDate', 'issueDate', 'expireDate'];

/** The fields named, for an `updateFields` collection, in the list's (alphabetical) order. */
export function dataFieldOptions(names: readonly string[]): INodeProperties[] {
	return DATA_FIELDS.filter((field) => names.includes(field.name));
}

/** The `updateFields` to send: trimmed, empty ones dropped, dates checked before sending. */
export function readDataFields(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
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
	return data;
}
