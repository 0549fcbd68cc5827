import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { complyCubeGetMany } from '../../transport/pagination';
import { filtersField, readFilters } from '../shared/filters';

const properties: INodeProperties[] = [
	...returnAllFields(),
	filtersField([
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', placeholder: 'e.g. 5eb04fcd0f3e360008035eb1' },
		{
			displayName: 'Outcome',
			name: 'outcome',
			type: 'options',
			options: [
				{ name: 'Attention', value: 'attention' },
				{ name: 'Clear', value: 'clear' },
				{ name: 'Rejected', value: 'rejected' },
			],
			default: 'clear',
			description: 'The overall outcome of a completed session',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Abandoned', value: 'abandoned' },
				{ name: 'Cancelled', value: 'cancelled' },
				{ name: 'Complete', value: 'complete' },
				{ name: 'Processing', value: 'processing' },
				{ name: 'Started', value: 'started' },
			],
			default: 'complete',
		},
		{ displayName: 'Workflow Template ID', name: 'workflowTemplateId', type: 'string', default: '', placeholder: 'e.g. 688f1e2837d2a9000202ad01' },
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['workflowSession'], operation: ['getAll'] } }, properties);

/** GET /workflowSessions, newest first, one output item per session. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const filters = readFilters(ctx, itemIndex);
	return await complyCubeGetMany(ctx, itemIndex, '/workflowSessions', filters);
}
