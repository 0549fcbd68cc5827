import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PageWalk } from '../../../shared/http/page-bounds';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredText } from '../../../shared/parameters/parameters';
import { readReturnAll, returnAllFields } from '../../../shared/parameters/return-all';
import { crafterList } from '../../transport';
import { attributesToReturnOption, jsonObjectOf, requiredNames, tenantNameField, tenantNameOf } from './fields';
import { isProfileId } from '../shared/profile-id';
import { queryField } from './query';
import { readProfiles, type FormParams } from './request';
import { simplifyProfile } from './simplify';
import { simplifyField, simplifyOf } from '../../../shared/parameters/simplify';

const show = (...filterBy: string[]) => ({ show: { filterBy } });

const properties: INodeProperties[] = [
	{
		displayName: 'Filter By',
		name: 'filterBy',
		type: 'options',
		options: [
			{ name: 'Attribute Exists', value: 'existingAttribute', description: 'Profiles that have this attribute, whatever its value' },
			{ name: 'Attribute Value', value: 'attributeValue', description: 'Profiles whose attribute has this value' },
			{ name: 'IDs', value: 'ids', description: 'The profiles with these IDs' },
			{ name: 'None (Whole Tenant)', value: 'tenant', description: 'Every profile of the tenant' },
			{ name: 'Query', value: 'query', description: 'Profiles a MongoDB query selects' },
			{ name: 'Role', value: 'role', description: 'Profiles with this role' },
		],
		default: 'query',
	},
	{ ...tenantNameField, displayOptions: show('query', 'role', 'existingAttribute', 'attributeValue', 'tenant') },
	{ ...queryField, displayOptions: show('query') },
	{ displayName: 'Role', name: 'role', type: 'string', default: '', required: true, placeholder: 'e.g. CUSTOMER', displayOptions: show('role') },
	{
		displayName: 'Attribute Name',
		name: 'attributeName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. kycStatus',
		displayOptions: show('existingAttribute', 'attributeValue'),
	},
	{ displayName: 'Attribute Value', name: 'attributeValue', type: 'string', default: '', required: true, displayOptions: show('attributeValue') },
	{
		displayName: 'Profile IDs',
		name: 'profileIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 6650a1f2c3d4e5f60718293a, 6650a1f2c3d4e5f60718293b',
		description: 'Comma-separated profile IDs; IDs Crafter does not have are left out of the answer',
		displayOptions: show('ids'),
	},
	...returnAllFields(),
	simplifyField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			attributesToReturnOption,
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'string',
				default: '',
				placeholder: 'e.g. username or attributes.lastName',
				description: 'The profile field to sort by',
			},
			{
				displayName: 'Sort Order',
				name: 'sortOrder',
				type: 'options',
				options: [
					{ name: 'Ascending', value: 'ASC' },
					{ name: 'Descending', value: 'DESC' },
				],
				default: 'ASC',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['getAll'] } }, properties);

/** Profiles asked for per request where Crafter pages (start/count). */
export const PAGE_SIZE = 100;

/** The endpoint and its parameters: query and tenant page through start/count, the others answer every match. */
function requestOf(ctx: IExecuteFunctions, itemIndex: number): { url: string; qs: FormParams; paged: boolean } {
	const filterBy = ctx.getNodeParameter('filterBy', itemIndex, 'query') as string;
	if (filterBy === 'ids') {
		const ids = requiredNames(ctx, 'profileIds', 'Profile IDs', itemIndex);
		const wrong = ids.find((id) => !isProfileId(id));
		if (wrong) {
			throw new InputRefusal(
				`Profile IDs has '${wrong.slice(0, 40)}', which is not a Crafter profile ID`,
				'Each profile ID is 24 hexadecimal characters, e.g. 6650a1f2c3d4e5f60718293a; separate them with commas.',
			);
		}
		return { url: '/by_ids', qs: { id: ids }, paged: false };
	}
	const tenantName = tenantNameOf(ctx, itemIndex);
	if (filterBy === 'role') return { url: '/by_role', qs: { tenantName, role: requiredText(ctx, 'role', 'Role', itemIndex) }, paged: false };
	if (filterBy === 'existingAttribute') {
		return { url: '/by_existing_attribute', qs: { tenantName, attributeName: requiredText(ctx, 'attributeName', 'Attribute Name', itemIndex) }, paged: false };
	}
	if (filterBy === 'attributeValue') {
		const attributeName = requiredText(ctx, 'attributeName', 'Attribute Name', itemIndex);
		const attributeValue = String(ctx.getNodeParameter('attributeValue', itemIndex, '') ?? '');
		return { url: '/by_attribute_value', qs: { tenantName, attributeName, attributeValue }, paged: false };
	}
	if (filterBy === 'tenant') return { url: '/range', qs: { tenantName }, paged: true };
	const query = jsonObjectOf(ctx, 'query', 'Query', itemIndex, '');
	if (!Object.keys(query).length)
		throw new InputRefusal(
			'Query is empty',
			'Write a MongoDB query as a JSON object, e.g. {"attributes.kycStatus": "verified"}, or choose Filter By: None (Whole Tenant).',
		);
	return { url: '/by_query', qs: { tenantName, query: JSON.stringify(query) }, paged: true };
}

/** One output item per profile (ProfileController.getProfilesByQuery, getProfileRange, getProfilesByRole, getProfilesByExistingAttribute, getProfilesByAttributeValue, getProfileByIds). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const { url, qs, paged } = requestOf(ctx, itemIndex);
	const output = simplifyOf(ctx, itemIndex) ? simplifyProfile : (profile: IDataObject) => profile;
	const { limit, returnAll } = readReturnAll(ctx, itemIndex);
	const sortBy = String(ctx.getNodeParameter('options.sortBy', itemIndex, '') ?? '').trim();
	const sort = sortBy ? { sortBy, sortOrder: String(ctx.getNodeParameter('options.sortOrder', itemIndex, 'ASC')) } : {};
	if (!paged) {
		// These endpoints take no start/count: Crafter answers every match and the limit is applied here.
		const profiles: IDataObject[] = crafterList(await readProfiles(ctx, itemIndex, url, { ...qs, ...sort }));
		return profiles.slice(0, limit).map((profile) => ({ json: output(profile) }));
	}
	// A short page ends the walk; so does a page of profiles already read, and PageWalk's ceiling (page-bounds.ts).
	const walk = new PageWalk(ctx, itemIndex, {
		service: 'Crafter Profile',
		returnAll,
		narrower: 'or a Query that selects fewer profiles (e.g. by an attribute)',
		idOf: (profile) => profile.id,
	});
	let start = 0;
	while (walk.records.length < limit) {
		walk.beforePage();
		const count = Math.min(PAGE_SIZE, limit - walk.records.length);
		const page = crafterList(await readProfiles(ctx, itemIndex, url, { ...qs, ...sort, start: String(start), count: String(count) }));
		start += page.length;
		if (walk.add(page) === 0 || page.length < count) break;
	}
	return walk.records.slice(0, limit).map((profile) => ({ json: output(profile) }));
}
