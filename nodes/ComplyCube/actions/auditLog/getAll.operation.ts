import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeGetMany } from '../../transport/pagination';
import { filtersField, readFilters } from '../shared/filters';

const text = (displayName: string, name: string, description: string, placeholder = ''): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(placeholder ? { placeholder } : {}),
});

// [Docs other-resources/audit-logs/filtering-audit-logs (v1.7.3 and v1.7.2)] memberId, resourceType, resourceId, clientId, trigger, action.
const properties: INodeProperties[] = [
	...returnAllFields(),
	filtersField([
		text('Action', 'action', 'What was done, e.g. create, update, delete', 'e.g. update'),
		text('Client ID', 'clientId', "Only the client's audit trail", 'e.g. 5eb04fcd0f3e360008035eb1'),
		text('Member ID', 'memberId', 'Only what this team member did (Team Member → Get Many lists them)'),
		text('Resource ID', 'resourceId', 'Only what happened to this record'),
		text('Resource Type', 'resourceType', 'Only this kind of record, e.g. client, document, check', 'e.g. client'),
		text('Trigger', 'trigger', 'What started the change, e.g. updateClient', 'e.g. updateClient'),
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['auditLog'], operation: ['getAll'] } }, properties);

/** GET /auditLogs, newest first [Docs audit-logs/list-audit-logs]: one output item per audit log. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	return await complyCubeGetMany(ctx, itemIndex, '/auditLogs', readFilters(ctx, itemIndex));
}
