import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { returnAllFields } from '../../../shared/parameters/return-all';
import { staticEntries } from './entries';

export const description = updateDisplayOptions({ show: { resource: ['staticData'], operation: ['getSupportedDocuments'] } }, returnAllFields());

/** GET /static/supportedDocuments [Node SDK 1.1.13 Static.listSupportedDocuments]: the documents ComplyCube can check, one item each. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult[]> {
	return await staticEntries(ctx, itemIndex, '/static/supportedDocuments');
}
