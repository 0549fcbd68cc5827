import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { documentIdField, documentSideField, readDocumentSide } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['deleteImage'] } }, [
	documentIdField,
	{ ...documentSideField, description: 'Which side of the document to delete the image of' },
]);

/** DELETE /documents/{id}/{side} (the Node SDK's path; answers 204). The document itself stays. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const documentId = requiredId(ctx, 'documentId', 'Document ID', itemIndex);
	const side = readDocumentSide(ctx, itemIndex);
	await complyCubeApiRequest(ctx, {
		method: 'DELETE',
		path: `/documents/${pathSegment(documentId)}/${pathSegment(side)}`,
		idempotent: true,
		answer: 'empty',
		itemIndex,
	});
	return { json: { id: documentId, documentSide: side, deleted: true } };
}
