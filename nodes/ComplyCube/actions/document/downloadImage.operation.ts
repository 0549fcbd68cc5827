import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { outputBinaryField } from '../../../shared/parameters/binary-property';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { complyCubeDownload } from '../../transport/download';
import { documentIdField, documentSideField, readDocumentSide } from '../shared/fields';

export const description = updateDisplayOptions({ show: { resource: ['document'], operation: ['downloadImage'] } }, [
	documentIdField,
	{ ...documentSideField, description: 'Which side of the document to download' },
	outputBinaryField(),
]);

/** GET /documents/{id}/download/{side}: the image as an n8n binary with its stored name and type. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const documentId = requiredId(ctx, 'documentId', 'Document ID', itemIndex);
	const side = readDocumentSide(ctx, itemIndex);
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Put Output File in Field', itemIndex);
	return await complyCubeDownload(
		ctx,
		`/documents/${pathSegment(documentId)}/download/${pathSegment(side)}`,
		binaryPropertyName,
		`document-${side}`,
		itemIndex,
	);
}
