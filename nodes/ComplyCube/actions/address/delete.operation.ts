import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { addressIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['address'], operation: ['delete'] } }, [addressIdField]);

/** DELETE /addresses/{id} (answers 204). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const addressId = requiredId(ctx, 'addressId', 'Address ID', itemIndex);
	await complyCubeApiRequest(ctx, { method: 'DELETE', path: `/addresses/${pathSegment(addressId)}`, idempotent: true, answer: 'empty', itemIndex });
	return { json: { id: addressId, deleted: true } };
}
