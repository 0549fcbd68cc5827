import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeToOperation } from '../../shared/items/operation-router';
import { resources } from './resources';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeToOperation(this, Object.fromEntries(resources.map((resource) => [resource.value, resource.operations])));
}
