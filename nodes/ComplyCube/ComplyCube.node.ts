import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import * as uploadDocumentImage from './actions/document/uploadImage.operation';
import * as uploadLivePhoto from './actions/livePhoto/upload.operation';
import { router } from './actions/router';

export class ComplyCube implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ComplyCube',
		name: 'complyCube',
		icon: { light: 'file:complyCube.svg', dark: 'file:complyCube.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "uploadImage" ? "Upload Document Image" : "Upload Live Photo" }}',
		description: 'Upload identity document images and live selfies to ComplyCube',
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
				options: [
					{ name: 'Document', value: 'document' },
					{ name: 'Live Photo', value: 'livePhoto' },
				],
				default: 'document',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['document'] } },
				options: [
					{
						name: 'Upload Document Image',
						value: 'uploadImage',
						description: 'Upload the front or back image of a document',
						action: 'Upload a document image',
					},
				],
				default: 'uploadImage',
			},
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: ['livePhoto'] } },
				options: [
					{
						name: 'Upload Live Photo',
						value: 'upload',
						description: 'Upload a selfie of a client',
						action: 'Upload a live photo',
					},
				],
				default: 'upload',
			},
			...uploadDocumentImage.description,
			...uploadLivePhoto.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
