import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { idField } from '../shared/fields';

const auditLogIdField = idField('auditLogId', 'Audit Log ID', 'The ComplyCube audit log (Audit Log → Get Many lists them)');

export const description = updateDisplayOptions({ show: { resource: ['auditLog'], operation: ['get'] } }, [auditLogIdField]);

/** GET /auditLogs/{id} `{id, memberId, resourceType, resourceId, clientId, trigger, action, diff, createdAt}` [Node SDK 1.1.13 AuditLogs.d.ts]. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const auditLogId = requiredId(ctx, 'auditLogId', 'Audit Log ID', itemIndex);
	return { json: await complyCubeApiRequest(ctx, { method: 'GET', path: `/auditLogs/${pathSegment(auditLogId)}`, idempotent: true, itemIndex }) };
}
