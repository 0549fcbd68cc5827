import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { addressIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['address'], operation: ['get'] } }, [addressIdField]);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const addressId = requiredId(ctx, 'addressId', 'Address ID', itemIndex);
	return { json: await complyCubeApiRequest(ctx, { method: 'GET', path: `/addresses/${pathSegment(addressId)}`, idempotent: true, itemIndex }) };
}
