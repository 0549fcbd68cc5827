import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { receiveDelivery } from './trigger/delivery';
import { EVENT_OPTIONS } from './trigger/events';
import { createWebhook, deleteWebhook, webhookExists } from './trigger/registration';

export class ComplyCubeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ComplyCube Trigger',
		name: 'complyCubeTrigger',
		icon: { light: 'file:complyCube.svg', dark: 'file:complyCube.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when ComplyCube sends an event: a check or a workflow session completed, a client created',
		defaults: { name: 'ComplyCube Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'complyCubeApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['check.completed'],
				description: 'The events to start the workflow on',
				options: EVENT_OPTIONS,
			},
			{
				displayName:
					'ComplyCube accepts only https webhook URLs: n8n must be reachable at a public https address, set in its WEBHOOK_URL environment variable (N8N_WEBHOOK_URL from n8n 2)',
				name: 'httpsNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Fetch Full Resource',
						name: 'fetchFullResource',
						type: 'boolean',
						default: false,
						description:
							'Whether to read the whole check, workflow session or client the event is about and add it to the output (under check, workflowSession or client), so the next node can branch on its result without another request',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			checkExists: async function (this: IHookFunctions) {
				return await webhookExists.call(this);
			},
			create: async function (this: IHookFunctions) {
				return await createWebhook.call(this);
			},
			delete: async function (this: IHookFunctions) {
				return await deleteWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
