import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { idField } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['company'], operation: ['getDetails'] } }, [
	idField('companyId', 'Company ID', 'The company as Company → Search answered it (its id)'),
]);

/** GET /lookup/companies/{id}: the company with its owners, officers, filings and industry codes. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const companyId = requiredId(ctx, 'companyId', 'Company ID', itemIndex);
	return { json: await complyCubeApiRequest(ctx, { method: 'GET', path: `/lookup/companies/${pathSegment(companyId)}`, idempotent: true, itemIndex }) };
}
