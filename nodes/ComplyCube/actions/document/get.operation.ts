import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { documentIdField } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['get'] } }, [documentIdField]);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const documentId = requiredId(ctx, 'documentId', 'Document ID', itemIndex);
	return { json: await complyCubeApiRequest(ctx, { method: 'GET', path: `/documents/${pathSegment(documentId)}`, idempotent: true, itemIndex }) };
}
