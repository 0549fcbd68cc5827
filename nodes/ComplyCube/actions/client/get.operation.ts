import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { clientIdField } from '../shared/fields';
import { DEFAULT_TIMEOUT_MS, withTimeoutOption } from '../../../shared/parameters/timeout-option';
import { simplifyField, simplifyOf } from '../../../shared/parameters/simplify';
import { simplifyClient } from './simplify';

export const description = withTimeoutOption(updateDisplayOptions({ show: { resource: ['client'], operation: ['get'] } }, [clientIdField, simplifyField]), DEFAULT_TIMEOUT_MS);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const client = await complyCubeApiRequest(ctx, { method: 'GET', path: `/clients/${pathSegment(clientId)}`, idempotent: true, itemIndex });
	return { json: simplifyOf(ctx, itemIndex) ? simplifyClient(client) : client };
}
