import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { customListIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['customList'], operation: ['get'] } }, [customListIdField]);

/** GET /customLists/{id}: `{id, name, description, stats{personCount, companyCount}, createdAt, updatedAt}`. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const customListId = requiredId(ctx, 'customListId', 'Custom List ID', itemIndex);
	return { json: await complyCubeApiRequest(ctx, { method: 'GET', path: `/customLists/${pathSegment(customListId)}`, idempotent: true, itemIndex }) };
}
