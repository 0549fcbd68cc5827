import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { genderField } from '../shared/fields';
import { assertIdNumber, assertSsn } from '../shared/personal-ids';
import { assertCountryCode, assertEmail, assertIsoDate } from '../shared/validate';

/** The optional client fields Create and Update share, in ComplyCube's words. */
export const personFields: INodeProperties[] = [
	{ displayName: 'Middle Name', name: 'middleName', type: 'string', default: '' },
	{ displayName: 'Date of Birth', name: 'dob', type: 'string', default: '', placeholder: 'e.g. 1990-04-25', description: 'As YYYY-MM-DD' },
	genderField,
	{ displayName: 'Nationality', name: 'nationality', type: 'string', default: '', placeholder: 'e.g. GB', description: 'ISO 3166-1 alpha-2 country code' },
	{ displayName: 'Birth Country', name: 'birthCountry', type: 'string', default: '', placeholder: 'e.g. US', description: 'ISO 3166-1 alpha-2 country code' },
];

/**
 * A person's identity numbers, for Create and Update only: ComplyCube's client filters do not list them (Docs
 * clients/filtering). Password fields: the editor hides them, and their values are hidden wherever ComplyCube echoes them.
 */
export const personIdFields: INodeProperties[] = [
	// [Node SDK 1.1.13 dist/resources/Clients.d.ts PersonDetails] ssn, socialInsuranceNumber, nationalIdentityNumber, taxIdentificationNumber.
	{
		displayName: 'SSN',
		name: 'ssn',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		placeholder: 'e.g. 123-45-6789',
		description: 'The US Social Security number, which an SSN check and a multi-bureau check verify',
	},
	{
		displayName: 'Social Insurance Number',
		name: 'socialInsuranceNumber',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'The social insurance number (a Canadian SIN, for example), for the bureau checks of that country',
	},
	{
		displayName: 'National Identity Number',
		name: 'nationalIdentityNumber',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'The number of the national identity card, for the bureau and eID checks of that country',
	},
	{
		displayName: 'Tax Identification Number',
		name: 'taxIdentificationNumber',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: "The client's tax number in their country of residence",
	},
];

export const contactFields: INodeProperties[] = [
	{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', description: 'Your own ID for this client, e.g. your customer number' },
	{ displayName: 'Mobile', name: 'mobile', type: 'string', default: '', placeholder: 'e.g. +447700900123' },
	{ displayName: 'Telephone', name: 'telephone', type: 'string', default: '' },
	{
		displayName: 'Joined Date',
		name: 'joinedDate',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2024-01-31',
		description: 'When the client joined you, as YYYY-MM-DD',
	},
];

export const metadataField: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Metadata',
	default: {},
	description: 'Key-value pairs ComplyCube keeps with the client (text values)',
	options: [
		{
			displayName: 'Entry',
			name: 'entry',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

const PERSON_KEYS = [
	'firstName',
	'middleName',
	'lastName',
	'dob',
	'gender',
	'nationality',
	'birthCountry',
	'ssn',
	'socialInsuranceNumber',
	'nationalIdentityNumber',
	'taxIdentificationNumber',
];
const CONTACT_KEYS = ['email', 'mobile', 'telephone', 'externalId', 'joinedDate'];

/**
 * Builds ComplyCube's client body from flat fields: person fields go under `personDetails`, the company
 * name under `companyDetails`, metadata entries into an object. Empty values are left out; values
 * ComplyCube would refuse (a date, a country code, an e-mail) are refused here, naming the field.
 */
export function clientBody(fields: IDataObject, metadata?: IDataObject): IDataObject {
	const text = (key: string) => (fields[key] === undefined ? '' : String(fields[key]).trim());
	if (text('email')) assertEmail('Email', text('email'));
	if (text('dob')) assertIsoDate('Date of Birth', text('dob'));
	if (text('joinedDate')) assertIsoDate('Joined Date', text('joinedDate'));
	if (text('nationality')) assertCountryCode('Nationality', text('nationality'));
	if (text('birthCountry')) assertCountryCode('Birth Country', text('birthCountry'));
	if (text('ssn')) assertSsn('SSN', text('ssn'));
	if (text('socialInsuranceNumber')) assertIdNumber('Social Insurance Number', text('socialInsuranceNumber'));
	if (text('nationalIdentityNumber')) assertIdNumber('National Identity Number', text('nationalIdentityNumber'));
	if (text('taxIdentificationNumber')) assertIdNumber('Tax Identification Number', text('taxIdentificationNumber'));
	const pick = (keys: string[]) => Object.fromEntries(keys.filter((key) => text(key)).map((key) => [key, text(key)]));
	const body: IDataObject = { ...(fields.type ? { type: fields.type } : {}), ...pick(CONTACT_KEYS) };
	const personDetails = pick(PERSON_KEYS);
	if (Object.keys(personDetails).length) body.personDetails = personDetails;
	if (text('companyName')) body.companyDetails = { name: text('companyName') };
	const entries = (metadata?.entry as Array<{ key?: string; value?: string }> | undefined) ?? [];
	const pairs = entries.filter((entry) => entry.key?.trim()).map((entry) => [entry.key!.trim(), String(entry.value ?? '')]);
	if (pairs.length) body.metadata = Object.fromEntries(pairs);
	return body;
}
