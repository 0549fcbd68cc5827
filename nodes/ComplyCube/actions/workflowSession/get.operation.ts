import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { workflowSessionIdField } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['workflowSession'], operation: ['get'] } }, [workflowSessionIdField]);

/** GET /workflowSessions/{id}: the session as ComplyCube answers it (`status`, `outcome`, `allRelatedChecks`, …). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const workflowSessionId = requiredId(ctx, 'workflowSessionId', 'Workflow Session ID', itemIndex);
	const json = await complyCubeApiRequest(ctx, { method: 'GET', path: `/workflowSessions/${pathSegment(workflowSessionId)}`, idempotent: true, itemIndex });
	return { json };
}
