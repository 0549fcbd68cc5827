import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { workflowSessionIdField } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['workflowSession'], operation: ['complete'] } }, [workflowSessionIdField]);

/**
 * POST /workflowSessions/{id}/complete (no body): ComplyCube answers `{status}` (e.g. `processing`) and runs
 * the session's checks. Not retried after it may have arrived: a second call would meet a session already completing.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const workflowSessionId = requiredId(ctx, 'workflowSessionId', 'Workflow Session ID', itemIndex);
	const answer = await complyCubeApiRequest(ctx, {
		method: 'POST',
		path: `/workflowSessions/${pathSegment(workflowSessionId)}/complete`,
		idempotent: false,
	});
	return { json: { id: workflowSessionId, ...answer } };
}
