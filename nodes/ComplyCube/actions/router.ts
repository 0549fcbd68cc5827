import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { runPerItem, type ItemOperation } from '../../shared/per-item-runner';
import * as uploadDocumentImage from './document/uploadImage.operation';
import * as uploadLivePhoto from './livePhoto/upload.operation';

const operations: Record<string, Record<string, ItemOperation>> = {
	document: { uploadImage: uploadDocumentImage.execute },
	livePhoto: { upload: uploadLivePhoto.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await runPerItem(this, execute)];
}
