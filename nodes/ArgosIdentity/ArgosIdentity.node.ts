import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { withParallelRequests } from '../shared/items/parallel-requests';
import * as putSubmissionImage from './actions/submission/putImage.operation';
import { router } from './actions/router';

export class ArgosIdentity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Argos Identity',
		name: 'argosIdentity',
		icon: { light: 'file:argosIdentity.svg', dark: 'file:argosIdentity.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ "Put Submission Image" }}',
		description: 'Set the ID, selfie and proof-of-address images of an Argos Identity submission',
		defaults: { name: 'Argos Identity' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'argosIdentityApi', required: true }],
		// Parallel Requests goes into every operation's Options here, so no operation file has to carry it.
		properties: withParallelRequests([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Submission', value: 'submission' }],
				default: 'submission',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['submission'] } },
				options: [
					{
						name: 'Put Submission Image',
						value: 'putImage',
						description: 'Set or replace images of a submission',
						action: 'Put submission images',
					},
				],
				default: 'putImage',
			},
			...putSubmissionImage.description,
		]),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
