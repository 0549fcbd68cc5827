import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { checkIdField } from '../shared/fields';
import { simplifyField, simplifyOf } from '../../../shared/parameters/simplify';
import { simplifyCheck } from './simplify';

export const description = updateDisplayOptions({ show: { resource: ['check'], operation: ['get'] } }, [checkIdField, simplifyField]);

/** GET /checks/{id}: its `status` (pending, complete, failed) and, once complete, its `result`. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const checkId = requiredId(ctx, 'checkId', 'Check ID', itemIndex);
	const check = await complyCubeApiRequest(ctx, { method: 'GET', path: `/checks/${pathSegment(checkId)}`, idempotent: true, itemIndex });
	return { json: simplifyOf(ctx, itemIndex) ? simplifyCheck(check) : check };
}
