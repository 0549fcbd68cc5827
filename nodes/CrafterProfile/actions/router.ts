import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation } from '../../shared/items/operation-router';
import * as download from './attachment/download.operation';
import * as getDetails from './attachment/getDetails.operation';
import * as list from './attachment/list.operation';
import * as upload from './attachment/upload.operation';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, {
		attachment: { upload: upload.execute, list: list.execute, getDetails: getDetails.execute, download: download.execute },
	});
}
