import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { clientIdField } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['getRiskProfile'] } }, [clientIdField]);

/** GET /clients/{id}/riskProfile: `{overall, countryRisk, politicalExposureRisk, occupationRisk, watchlistRisk, updatedAt}`. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const json = await complyCubeApiRequest(ctx, { method: 'GET', path: `/clients/${pathSegment(clientId)}/riskProfile`, idempotent: true, itemIndex });
	return { json: { clientId, ...json } };
}
