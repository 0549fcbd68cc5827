import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { genderField } from '../shared/fields';
import { assertCountryCode, assertIsoDate } from '../shared/validate';

/** The optional fields of an entity (Docs tools/custom-lists/add-entity-to-custom-list), sorted by name. */
export const entityOptionalFields: INodeProperties[] = [
	{ displayName: 'Active', name: 'active', type: 'boolean', default: true, description: 'Whether the entity is active' },
	{
		displayName: 'Aliases',
		name: 'aliases',
		type: 'string',
		default: '',
		placeholder: 'e.g. John Smyth; Johnny Smith',
		description: 'Other names, separated by semicolons; for a person each as "First Last"',
	},
	{
		displayName: 'Countries',
		name: 'countries',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		options: [
			{
				displayName: 'Country',
				name: 'country',
				values: [
					{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'e.g. GB', description: 'ISO 3166-1 alpha-2 code' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Citizenship', value: 'Citizenship' },
							{ name: 'Country of Registration', value: 'Country of Registration' },
							{ name: 'Jurisdiction', value: 'Jurisdiction' },
							{ name: 'Resident Of', value: 'Resident of' },
						],
						default: 'Jurisdiction',
					},
				],
			},
		],
	},
	{
		displayName: 'Date',
		name: 'date',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1987-01-01',
		description: 'Date of birth (person) or of registration (company), as YYYY-MM-DD',
	},
	{ ...genderField, description: 'Only for a person' },
	{ displayName: 'Image URLs', name: 'images', type: 'string', default: '', description: 'Links to images of the entity, separated by commas' },
	{ displayName: 'Middle Name', name: 'middleName', type: 'string', default: '', description: 'Only for a person' },
];

const splitList = (value: unknown, separator: string) =>
	String(value ?? '')
		.split(separator)
		.map((part) => part.trim())
		.filter(Boolean);

/** An alias as a name object: a person's "First [Middle] Last", a company's name. */
function aliasName(entityType: string, alias: string): IDataObject {
	if (entityType === 'company') return { type: 'alias', companyName: alias };
	const parts = alias.split(/\s+/);
	if (parts.length < 2) throw new InputRefusal(`Alias '${alias}' has no last name`, 'Write each alias of a person as "First Last", separated by semicolons.');
	return { type: 'alias', firstName: parts[0], lastName: parts.slice(1).join(' ') };
}

/** The entity body ComplyCube takes, from the primary name and the optional fields; values it would refuse are refused here. */
export function entityBody(entityType: string, primary: IDataObject, fields: IDataObject): IDataObject {
	const middleName = String(fields.middleName ?? '').trim();
	const names: IDataObject[] = [{ type: 'primary', ...primary, ...(entityType === 'person' && middleName ? { middleName } : {}) }];
	names.push(...splitList(fields.aliases, ';').map((alias) => aliasName(entityType, alias)));
	const body: IDataObject = { entityType, names };
	if (fields.active !== undefined) body.active = Boolean(fields.active);
	if (entityType === 'person' && fields.gender) body.gender = fields.gender;
	const countries = ((fields.countries as IDataObject | undefined)?.country as IDataObject[] | undefined) ?? [];
	if (countries.length) {
		body.countries = countries.map(({ country, type }) => {
			const code = String(country ?? '').trim();
			assertCountryCode('Country', code);
			return { type, country: code };
		});
	}
	const date = String(fields.date ?? '').trim();
	if (date) {
		assertIsoDate('Date', date);
		const [year, month, day] = date.split('-');
		// [Docs "The dates object"] day "01"-"31", month "1"-"12", year "YYYY", as strings.
		body.dates = [{ type: entityType === 'person' ? 'Date of Birth' : 'Date of Registration', date: { day, month: String(Number(month)), year } }];
	}
	const images = splitList(fields.images, ',');
	if (images.length) body.images = images;
	return body;
}
