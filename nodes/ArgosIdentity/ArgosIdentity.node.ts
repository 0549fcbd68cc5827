import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { argosIdentityDescription } from './actions/node.description';
import { router } from './actions/router';

export class ArgosIdentity implements INodeType {
	description: INodeTypeDescription = argosIdentityDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
