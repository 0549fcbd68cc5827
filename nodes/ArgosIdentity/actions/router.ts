import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeResources } from '../../shared/items/resources';
import { resources } from './resources';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeResources(this, resources, 'make verification links, register tokens, put images, update or delete submissions, or change AML monitoring');
}
