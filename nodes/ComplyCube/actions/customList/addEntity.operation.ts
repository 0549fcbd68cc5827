import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { entityBody, entityOptionalFields } from './entity';
import { customListIdField } from './fields';

const properties: INodeProperties[] = [
	customListIdField,
	{
		displayName: 'Entity Type',
		name: 'entityType',
		type: 'options',
		options: [
			{ name: 'Person', value: 'person' },
			{ name: 'Company', value: 'company' },
		],
		default: 'person',
	},
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true, displayOptions: { show: { entityType: ['person'] } } },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true, displayOptions: { show: { entityType: ['person'] } } },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', required: true, displayOptions: { show: { entityType: ['company'] } } },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: entityOptionalFields },
];

export const description = updateDisplayOptions({ show: { resource: ['customList'], operation: ['addEntity'] } }, properties);

/**
 * POST /customLists/{id}/records `{entityType, names[], active?, gender?, countries[]?, dates[]?, images[]?}`. Each call adds
 * one more entity, so it is sent again only when ComplyCube refused it before acting. The answer's body is not documented:
 * the item says what was added.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const customListId = requiredId(ctx, 'customListId', 'Custom List ID', itemIndex);
	const entityType = ctx.getNodeParameter('entityType', itemIndex) as string;
	const primary: IDataObject =
		entityType === 'person'
			? { firstName: requiredText(ctx, 'firstName', 'First Name', itemIndex), lastName: requiredText(ctx, 'lastName', 'Last Name', itemIndex) }
			: { companyName: requiredText(ctx, 'companyName', 'Company Name', itemIndex) };
	const body = entityBody(entityType, primary, ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	await complyCubeApiRequest(ctx, {
		method: 'POST',
		path: `/customLists/${pathSegment(customListId)}/records`,
		body,
		idempotent: false,
		answer: 'empty',
		itemIndex,
		howToCheck: `Open custom list ${customListId} in the ComplyCube portal (or Custom List → Get: its stats count the entities) before adding it again.`,
	});
	return { json: { customListId, added: true, ...body } };
}
