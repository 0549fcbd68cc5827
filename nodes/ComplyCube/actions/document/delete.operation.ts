import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { documentIdField } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['delete'] } }, [documentIdField]);

/** DELETE /documents/{id}: the document and its images (answers 204). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const documentId = requiredId(ctx, 'documentId', 'Document ID', itemIndex);
	await complyCubeApiRequest(ctx, { method: 'DELETE', path: `/documents/${pathSegment(documentId)}`, idempotent: true, answer: 'empty', itemIndex });
	return { json: { id: documentId, deleted: true } };
}
