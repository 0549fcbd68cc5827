import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { readReturnAll } from '../../../shared/parameters/return-all';
import { complyCubeApiRequest } from '../../transport';

/**
 * A static list, answered whole and unpaged [Docs static-data/screening-lists "Retrieves all the screening lists in
 * alphabetical order"; Node SDK 1.1.13 Static.d.ts: `Promise<string[]>`]: one output item per entry, a text entry as
 * `{value}`, an object entry as it is; Limit keeps the first entries.
 */
export async function staticEntries(ctx: IExecuteFunctions, itemIndex: number, path: string): Promise<OperationResult[]> {
	const { limit } = readReturnAll(ctx, itemIndex);
	const { items } = await complyCubeApiRequest(ctx, { method: 'GET', path, idempotent: true, itemIndex, answer: 'items' });
	return (items as unknown[])
		.slice(0, limit)
		.map((entry) => ({ json: entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string } }));
}
