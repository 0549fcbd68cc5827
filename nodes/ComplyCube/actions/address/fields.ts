import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idField } from '../shared/fields';
import { assertCountryCode, assertIsoDate } from '../shared/validate';

export const addressIdField = idField('addressId', 'Address ID', 'The ComplyCube address (the ID that Address → Create answered)');

export const addressTypeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	// [Docs addresses/create-an-address "type ... main, alternative, other"]
	options: [
		{ name: 'Main', value: 'main' },
		{ name: 'Alternative', value: 'alternative' },
		{ name: 'Other', value: 'other' },
	],
	default: 'main',
	description: "Which of the client's addresses this is",
};

/** The three fields ComplyCube requires on create (Docs addresses/create-an-address: line*, city*, country*). */
export const requiredAddressFields: INodeProperties[] = [
	{
		displayName: 'Line',
		name: 'line',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Common street',
		description: 'The street line of the address',
	},
	{ displayName: 'City', name: 'city', type: 'string', default: '', required: true, placeholder: 'e.g. Aldgate', description: 'The city or town' },
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. GB',
		description: 'ISO 3166-1 alpha-2 country code',
	},
];

/** The optional address fields, in ComplyCube's words, sorted by name as the editor lists them. */
export const optionalAddressFields: INodeProperties[] = [
	{ displayName: 'Building Name', name: 'buildingName', type: 'string', default: '' },
	{
		displayName: 'From Date',
		name: 'fromDate',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2007-09-01',
		description: 'When the client moved in, as YYYY-MM-DD',
	},
	{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '', placeholder: 'e.g. W99 0RD' },
	{ displayName: 'Property Number', name: 'propertyNumber', type: 'string', default: '', placeholder: 'e.g. Flat 323' },
	{
		displayName: 'State',
		name: 'state',
		type: 'string',
		default: '',
		description: 'County, state or province; for a US address the USPS abbreviation, e.g. NY',
	},
	{
		displayName: 'To Date',
		name: 'toDate',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2020-01-01',
		description: 'When the client moved out, as YYYY-MM-DD',
	},
	addressTypeField,
];

const ADDRESS_KEYS = ['type', 'propertyNumber', 'buildingName', 'line', 'city', 'state', 'postalCode', 'country', 'fromDate', 'toDate'];

/**
 * ComplyCube's address body from flat fields: trimmed, empty values left out; a country code or a date
 * ComplyCube would refuse is refused here, naming the field.
 */
export function addressBody(fields: IDataObject): IDataObject {
	const text = (key: string) => (fields[key] === undefined || fields[key] === null ? '' : String(fields[key]).trim());
	if (text('country')) assertCountryCode('Country', text('country'));
	if (text('fromDate')) assertIsoDate('From Date', text('fromDate'));
	if (text('toDate')) assertIsoDate('To Date', text('toDate'));
	return Object.fromEntries(ADDRESS_KEYS.filter((key) => text(key)).map((key) => [key, text(key)]));
}
