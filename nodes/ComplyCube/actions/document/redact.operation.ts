import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredId } from '../../../shared/parameters/parameters';
import { documentIdField } from '../shared/fields';
import { redact, redactNotice } from '../shared/redact';

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['redact'] } }, [
	redactNotice('the front and back images of this document'),
	documentIdField,
]);

/** POST /documents/{id}/redact `{attributes: ["images"]}`, the one attribute ComplyCube documents. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const documentId = requiredId(ctx, 'documentId', 'Document ID', itemIndex);
	const attributes = ['images'];
	await redact(ctx, itemIndex, `/documents/${pathSegment(documentId)}`, { attributes });
	return { json: { id: documentId, redacted: true, attributes } };
}
