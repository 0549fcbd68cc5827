import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation } from '../../shared/items/operation-router';
import * as putSubmissionImage from './submission/putImage.operation';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, { submission: { putImage: putSubmissionImage.execute } });
}
