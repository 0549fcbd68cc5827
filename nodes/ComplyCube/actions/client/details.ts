import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { genderField } from '../shared/fields';
import { assertCountryCode, assertEmail, assertIsoDate } from '../shared/validate';

/** The optional client fields Create and Update share, in ComplyCube's words. */
export const personFields: INodeProperties[] = [
	{ displayName: 'Middle Name', name: 'middleName', type: 'string', default: '' },
	{ displayName: 'Date of Birth', name: 'dob', type: 'string', default: '', placeholder: 'e.g. 1990-04-25', description: 'As YYYY-MM-DD' },
	genderField,
	{ displayName: 'Nationality', name: 'nationality', type: 'string', default: '', placeholder: 'e.g. GB', description: 'ISO 3166-1 alpha-2 country code' },
	{ displayName: 'Birth Country', name: 'birthCountry', type: 'string', default: '', placeholder: 'e.g. US', description: 'ISO 3166-1 alpha-2 country code' },
];

export const contactFields: INodeProperties[] = [
	{ displayName: 'External ID', name: 'externalId', type: 'string', default: '', description: 'Your own ID for this client, e.g. your customer number' },
	{ displayName: 'Mobile', name: 'mobile', type: 'string', default: '', placeholder: 'e.g. +447700900123' },
	{ displayName: 'Telephone', name: 'telephone', type: 'string', default: '' },
	{ displayName: 'Joined Date', name: 'joinedDate', type: 'string', default: '', placeholder: 'e.g. 2024-01-31', description: 'When the client joined you, as YYYY-MM-DD' },
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

const PERSON_KEYS = ['firstName', 'middleName', 'lastName', 'dob', 'gender', 'nationality', 'birthCountry'];
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
