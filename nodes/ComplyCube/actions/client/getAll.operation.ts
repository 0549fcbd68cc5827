import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { simplifyField, simplifyOf } from '../../../shared/parameters/simplify';
import { simplifyClient } from './simplify';
import { complyCubeGetMany } from '../../transport/pagination';
import { filtersField, readFilters } from '../shared/filters';
import { assertCountryCode, assertIsoDate } from '../shared/validate';
import { contactFields, metadataField, personFields } from './details';

const text = (displayName: string, name: string, description?: string, placeholder?: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	...(description ? { description } : {}),
	...(placeholder ? { placeholder } : {}),
});

/**
 * [Docs clients/filtering] the attributes a client list is filtered on, by the option that sets each (an option
 * name cannot hold a dot). External ID is not among them: it is matched here, on the answers.
 */
const ATTRIBUTES: Record<string, string> = {
	firstName: 'personDetails.firstName',
	middleName: 'personDetails.middleName',
	lastName: 'personDetails.lastName',
	dob: 'personDetails.dob',
	gender: 'personDetails.gender',
	nationality: 'personDetails.nationality',
	birthCountry: 'personDetails.birthCountry',
	companyName: 'companyDetails.name',
	companyWebsite: 'companyDetails.website',
	companyRegistrationNumber: 'companyDetails.registrationNumber',
	companyIncorporationType: 'companyDetails.incorporationType',
	companyIncorporationCountry: 'companyDetails.incorporationCountry',
};
const DATES: Record<string, string> = { joinedDate: 'Joined Date', 'personDetails.dob': 'Date of Birth' };
const COUNTRIES: Record<string, string> = {
	'personDetails.nationality': 'Nationality',
	'personDetails.birthCountry': 'Birth Country',
	'companyDetails.incorporationCountry': 'Incorporation Country',
};

const properties: INodeProperties[] = [
	...returnAllFields(),
	simplifyField,
	filtersField([
		...personFields,
		...contactFields.filter((field) => field.name !== 'externalId'),
		{ ...metadataField, placeholder: 'Add Metadata Filter', description: 'Clients whose metadata holds these values (ComplyCube filters on metadata.yourKey)' },
		text('Company Name', 'companyName'),
		text('Company Registration Number', 'companyRegistrationNumber'),
		text('Company Website', 'companyWebsite'),
		text('Email', 'email', undefined, 'name@email.com'),
		text(
			'External ID',
			'externalId',
			"ComplyCube's list cannot be filtered by External ID, so the node reads the clients (narrowed by the other filters) and keeps those whose External ID is exactly this. With no other filter that reads every client: add Email or Type to make it quicker.",
		),
		text('First Name', 'firstName'),
		text('Incorporation Country', 'companyIncorporationCountry', 'ISO 3166-1 alpha-2 code', 'e.g. GB'),
		text('Incorporation Type', 'companyIncorporationType', 'e.g. private_limited_company'),
		text('Last Name', 'lastName'),
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Company', value: 'company' },
				{ name: 'Person', value: 'person' },
			],
			default: 'person',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['getAll'] } }, properties);

/** The metadata entries as ComplyCube's `metadata.<key>` attributes; an entry without a key is left out. */
function metadataQuery(metadata: unknown): IDataObject {
	const entries = ((metadata as { entry?: Array<{ key?: string; value?: string }> } | undefined)?.entry ?? [])
		.map(({ key, value }) => [String(key ?? '').trim(), String(value ?? '').trim()] as const)
		.filter(([key]) => key);
	return Object.fromEntries(entries.map(([key, value]) => [`metadata.${key}`, value]));
}

/** GET /clients with the documented filters as query parameters; External ID matched on the answers. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const { externalId, metadata, ...query } = readFilters(ctx, itemIndex, ATTRIBUTES);
	for (const [attribute, label] of Object.entries(DATES)) if (query[attribute]) assertIsoDate(label, String(query[attribute]));
	for (const [attribute, label] of Object.entries(COUNTRIES)) if (query[attribute]) assertCountryCode(label, String(query[attribute]));
	const keep = externalId ? (client: IDataObject) => client.externalId === externalId : undefined;
	const clients = await complyCubeGetMany(ctx, itemIndex, '/clients', { ...query, ...metadataQuery(metadata) }, keep);
	return simplifyOf(ctx, itemIndex) ? clients.map((client) => ({ ...client, json: simplifyClient(client.json) })) : clients;
}
