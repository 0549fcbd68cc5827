import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { idField } from '../shared/fields';

const memberIdField = idField('memberId', 'Member ID', "The ComplyCube team member (an audit log's memberId)");

export const description = updateDisplayOptions({ show: { resource: ['teamMember'], operation: ['get'] } }, [memberIdField]);

/** GET /teamMembers/{id} `{id, firstName, lastName, role, createdAt}` [Docs other-resources/team-members; Node SDK 1.1.13 TeamMembers.d.ts]. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const memberId = requiredId(ctx, 'memberId', 'Member ID', itemIndex);
	return { json: await complyCubeApiRequest(ctx, { method: 'GET', path: `/teamMembers/${pathSegment(memberId)}`, idempotent: true, itemIndex }) };
}
