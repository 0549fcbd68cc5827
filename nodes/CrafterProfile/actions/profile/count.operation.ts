import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { UnexpectedAnswerError } from '../../../shared/http/service-error';
import { crafterApiRequest } from '../../transport';
import { jsonObjectOf, tenantNameField, tenantNameOf } from './fields';
import { queryField } from './query';

const properties: INodeProperties[] = [
	tenantNameField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [{ ...queryField, required: false, description: 'Count only the profiles this MongoDB query selects, e.g. {"verified": true}' }],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['count'] } }, properties);

/** GET /count or /count_by_query (ProfileController.getProfileCount, both overloads). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const tenantName = tenantNameOf(ctx, itemIndex);
	const query = jsonObjectOf(ctx, 'options.query', 'Query', itemIndex, '');
	const filtered = Object.keys(query).length > 0;
	const response = await crafterApiRequest(ctx, {
		method: 'GET',
		url: filtered ? '/count_by_query' : '/count',
		qs: { tenantName, ...(filtered ? { query: JSON.stringify(query) } : {}) },
		json: true,
		itemIndex,
	});
	if (typeof response.body !== 'number') throw new UnexpectedAnswerError('Crafter Profile', response.status, response.body, 'a number');
	return { json: { tenantName, count: response.body } };
}
