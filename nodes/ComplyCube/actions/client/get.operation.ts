import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { clientIdField } from '../shared/fields';
import { simplifyField, simplifyOf } from '../../../shared/parameters/simplify';
import { simplifyClient } from './simplify';

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['get'] } }, [clientIdField, simplifyField]);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const client = await complyCubeApiRequest(ctx, { method: 'GET', path: `/clients/${pathSegment(clientId)}`, idempotent: true, itemIndex });
	return { json: simplifyOf(ctx, itemIndex) ? simplifyClient(client) : client };
}
