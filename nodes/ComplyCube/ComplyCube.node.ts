import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resources } from './actions/resources';
import { router } from './actions/router';

export class ComplyCube implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ComplyCube',
		name: 'complyCube',
		icon: { light: 'file:complyCube.svg', dark: 'file:complyCube.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Run KYC with ComplyCube: clients, documents, live photos, checks, verification links, workflow sessions and reports',
		defaults: { name: 'ComplyCube' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'complyCubeApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resources.map(({ name, value }) => ({ name, value })),
				default: 'document',
			},
			...resources.flatMap((resource) => resource.description),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
