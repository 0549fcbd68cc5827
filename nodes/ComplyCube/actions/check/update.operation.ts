import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { checkIdField } from '../shared/fields';

const properties: INodeProperties[] = [
	checkIdField,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Client Consent',
				name: 'clientConsent',
				type: 'boolean',
				default: false,
				description: 'Whether the client has consented to being checked against the credit and data bureaus',
			},
			{
				displayName: 'Enable Monitoring',
				name: 'enableMonitoring',
				type: 'boolean',
				default: false,
				description: 'Whether ComplyCube keeps screening the client and reports new matches; turn it off once the client has left',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['check'], operation: ['update'] } }, properties);

/**
 * POST /checks/{id} `{enableMonitoring?, clientConsent?}` [Node SDK 1.1.13 Checks.update (CheckRequest); PHP CheckTest
 * testUpdateCheck]: e.g. switch ongoing monitoring off after offboarding. Sending the same values again changes nothing.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const checkId = requiredId(ctx, 'checkId', 'Check ID', itemIndex);
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.enableMonitoring !== undefined) body.enableMonitoring = Boolean(fields.enableMonitoring);
	if (fields.clientConsent !== undefined) body.clientConsent = Boolean(fields.clientConsent);
	if (Object.keys(body).length === 0) throw new InputRefusal('No field to update', 'Add Enable Monitoring or Client Consent under Update Fields.');
	const json = await complyCubeApiRequest(ctx, { method: 'POST', path: `/checks/${pathSegment(checkId)}`, body, idempotent: true, itemIndex });
	return { json };
}
