import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { optionalId } from '../../../shared/parameters/parameters';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { simplifyField, simplifyOf } from '../../../shared/parameters/simplify';
import { simplifyCheck } from './simplify';
import { complyCubeGetMany } from '../../transport/pagination';
import { clientIdField } from '../shared/fields';
import { filtersField, readFilters } from '../shared/filters';
import { checkTypeOptions } from './types';

const properties: INodeProperties[] = [
	{ ...clientIdField, required: false, description: 'The ComplyCube client whose checks to list; leave empty to list the checks of every client' },
	...returnAllFields(),
	simplifyField,
	filtersField([
		{ displayName: 'Address ID', name: 'addressId', type: 'string', default: '', description: 'Checks run on this address' },
		{ displayName: 'Document ID', name: 'documentId', type: 'string', default: '', description: 'Checks run on this document' },
		{ displayName: 'Live Photo ID', name: 'livePhotoId', type: 'string', default: '', description: 'Checks run on this live photo' },
		{ displayName: 'Live Video ID', name: 'liveVideoId', type: 'string', default: '', description: 'Checks run on this live video' },
		{
			displayName: 'Outcome',
			name: 'outcome',
			type: 'options',
			options: [
				{ name: 'Attention', value: 'attention' },
				{ name: 'Clear', value: 'clear' },
				{ name: 'Match Confirmed', value: 'match_confirmed' },
				{ name: 'Rejected', value: 'rejected' },
			],
			default: 'clear',
			description: 'The outcome of a completed check (result.outcome)',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Complete', value: 'complete' },
				{ name: 'Failed', value: 'failed' },
				{ name: 'Pending', value: 'pending' },
			],
			default: 'complete',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: checkTypeOptions.map(({ name, value }) => ({ name, value })),
			default: 'standard_screening_check',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['check'], operation: ['getAll'] } }, properties);

/**
 * GET /checks with [Docs checks/filtering-checks]'s attributes: clientId, type, status, documentId, addressId,
 * livePhotoId, liveVideoId, result.outcome (set by the Outcome option). One output item per check.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	const clientId = optionalId(ctx, 'clientId', 'Client ID', itemIndex);
	const filters = readFilters(ctx, itemIndex, { outcome: 'result.outcome' });
	const checks = await complyCubeGetMany(ctx, itemIndex, '/checks', { ...filters, ...(clientId ? { clientId } : {}) });
	return simplifyOf(ctx, itemIndex) ? checks.map((check) => ({ ...check, json: simplifyCheck(check.json) })) : checks;
}
