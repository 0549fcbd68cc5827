import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { complyCubeDescription } from './actions/node.description';
import { router } from './actions/router';

export class ComplyCube implements INodeType {
	description: INodeTypeDescription = complyCubeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
