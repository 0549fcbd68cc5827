import type { INodeProperties } from 'n8n-workflow';

/** A MongoDB query over the tenant's profiles, as Crafter's by_query and count_by_query take it. */
export const queryField: INodeProperties = {
	displayName: 'Query',
	name: 'query',
	type: 'json',
	default: '',
	required: true,
	placeholder: '{"attributes.kycStatus": "verified"}',
	description:
		'A MongoDB query as a JSON object, over the fields username, email, verified, enabled, roles and attributes (e.g. attributes.lastName). Crafter adds the tenant itself and refuses "tenant" and "$where".',
};
