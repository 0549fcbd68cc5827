import { NodeConnectionTypes, type INodeTypeDescription } from 'n8n-workflow';

import * as putSubmissionImage from './submission/putImage.operation';

export const argosIdentityDescription: INodeTypeDescription = {
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
	properties: [
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
	],
};
