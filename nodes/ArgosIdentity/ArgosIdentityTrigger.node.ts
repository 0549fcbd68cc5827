import {
	NodeConnectionTypes,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { dashboardUrlRecorded, forgetDashboardUrl, recordDashboardUrl } from './trigger/dashboard-url';
import { receiveDelivery, REPEAT_WINDOW_MINUTES } from './trigger/delivery';
import { EVENT_OPTIONS } from './trigger/events';

/**
 * Receives the webhooks of an Argos ID Check project. Argos takes one Webhook URL per project, typed into
 * its dashboard (Settings → General → Access Management) [WH]: there is no API to register one, so the
 * webhook methods register nothing at Argos; they record and announce the URL to paste (dashboard-url.ts).
 */
export class ArgosIdentityTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Argos Identity Trigger',
		name: 'argosIdentityTrigger',
		icon: { light: 'file:argosIdentity.svg', dark: 'file:argosIdentity.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when Argos Identity sends a webhook: a submission approved, rejected, pending, updated or deleted',
		defaults: { name: 'Argos Identity Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'argosIdentityApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					"Argos sends to the one Webhook URL set in its dashboard: Settings → General → Access Management → Webhook URL. Copy this node's Production URL (Webhook URLs, at the top of this panel; n8n's log repeats it when the workflow is activated), paste it there with ?token=<the credential's Webhook Token> added, and save. It must be https: set n8n's WEBHOOK_URL to its public https address. Argos signs nothing, so without a Webhook Token or the project's webhook encryption every delivery is refused.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['approved', 'rejected'],
				description: 'The events (webhook_trigger) to start the workflow on; Argos sends every event to the URL, the others are answered and dropped',
				options: EVENT_OPTIONS,
			},
			{
				displayName: 'Encrypted Payload',
				name: 'encryptedPayload',
				type: 'boolean',
				default: false,
				description:
					"Whether the project's webhook encryption option is on. Then only a body that decrypts with the credential's key (AES-256, sha256 of the API key or of the Encryption Secret Key) is taken; anything else is refused. Off, an encrypted body is still decrypted.",
			},
			{
				displayName: 'Accept Unauthenticated Deliveries',
				name: 'acceptUnauthenticated',
				type: 'boolean',
				default: false,
				description:
					"Whether to run on deliveries that carry no Webhook Token and are not encrypted with the credential's key. Argos signs nothing: with this on, anyone who learns the URL can start the workflow with any content. Leave it off and set a Webhook Token instead.",
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Fetch Full Submission',
						name: 'fetchFullSubmission',
						type: 'boolean',
						default: false,
						description:
							'Whether to read the submission the event is about from the Argos API and add it to the output (under submission), so the next node works from what Argos holds rather than from the delivery',
					},
					{
						displayName: 'Ignore Repeats Within (Minutes)',
						name: 'repeatWindowMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: REPEAT_WINDOW_MINUTES,
						description:
							'A delivery identical to one that already ran (same event, same submission, same content: a redelivery or a replay) within this many minutes is answered and starts nothing. 0 runs every delivery.',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			checkExists: async function (this: IHookFunctions): Promise<boolean> {
				return await dashboardUrlRecorded.call(this);
			},
			create: async function (this: IHookFunctions): Promise<boolean> {
				return await recordDashboardUrl.call(this);
			},
			delete: async function (this: IHookFunctions): Promise<boolean> {
				return await forgetDashboardUrl.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
