import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { argosRead } from '../../transport';
import { argosEncryption, openAnswer } from '../../transport/encrypted-answer';
import { worklistIdField } from './fields';

const properties: INodeProperties[] = [
	worklistIdField,
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		default: '',
		required: true,
		description: 'The monitoring record, as Add answered it (recordIds) or the aml_monitor webhook carried it',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['amlMonitoring'], operation: ['get'] } }, properties);

/**
 * GET /submission/aml/monitor/{worklistId}/{recordId} [AML-MON-GET]: {name, id, submissionId, status (e.g.
 * screenedNoMatches), openCount, truePositiveCount…}; encrypted when Secure Data Transmission is on.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const worklistId = requiredId(ctx, 'worklistId', 'Worklist ID', itemIndex);
	const recordId = requiredId(ctx, 'recordId', 'Record ID', itemIndex);
	const answer = await argosRead(ctx, { path: `/submission/aml/monitor/${pathSegment(worklistId)}/${pathSegment(recordId)}`, itemIndex });
	return { json: openAnswer(ctx.getNode(), await argosEncryption(ctx), answer, itemIndex) };
}
