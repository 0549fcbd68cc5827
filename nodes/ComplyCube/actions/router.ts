import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation } from '../../shared/items/operation-router';
import * as uploadDocumentImage from './document/uploadImage.operation';
import * as uploadLivePhoto from './livePhoto/upload.operation';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, {
		document: { uploadImage: uploadDocumentImage.execute },
		livePhoto: { upload: uploadLivePhoto.execute },
	});
}
