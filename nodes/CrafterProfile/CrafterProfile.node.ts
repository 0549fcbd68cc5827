import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { withParallelRequests } from '../shared/items/parallel-requests';
import * as download from './actions/attachment/download.operation';
import * as getDetails from './actions/attachment/getDetails.operation';
import * as list from './actions/attachment/list.operation';
import * as upload from './actions/attachment/upload.operation';
import { router } from './actions/router';

export class CrafterProfile implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Crafter Profile',
		name: 'crafterProfile',
		icon: { light: 'file:crafterProfile.svg', dark: 'file:crafterProfile.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Upload, list and download profile attachments on a Crafter Profile server',
		defaults: { name: 'Crafter Profile' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'crafterProfileApi', required: true }],
		// Parallel Requests goes into every operation's Options here, so no operation file has to carry it.
		properties: withParallelRequests([
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Attachment', value: 'attachment' }],
				default: 'attachment',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['attachment'] } },
				options: [
					{ name: 'Download Attachment', value: 'download', description: 'Download an attachment as a file', action: 'Download an attachment' },
					{ name: 'Get Attachment Details', value: 'getDetails', description: 'Get the details of an attachment', action: 'Get attachment details' },
					{ name: 'List Attachments', value: 'list', description: 'List the attachments of a profile', action: 'List attachments' },
					{ name: 'Upload Attachment', value: 'upload', description: 'Upload a file to a profile', action: 'Upload an attachment' },
				],
				default: 'upload',
			},
			...upload.description,
			...list.description,
			...getDetails.description,
			...download.description,
		]),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
