import type { IAuthenticate, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class ArgosIdentityApi implements ICredentialType {
	name = 'argosIdentityApi';

	displayName = 'Argos Identity API';

	documentationUrl = 'https://docs.argosidentity.com/';

	icon = { light: 'file:../nodes/ArgosIdentity/argosIdentity.svg', dark: 'file:../nodes/ArgosIdentity/argosIdentity.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The project API key from the Argos dashboard (Settings, API key)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://rest-api.argosidentity.com/v3',
			description: 'Change it only to reach a proxy or a local emulator',
		},
		{
			displayName: 'Allow Unencrypted HTTP',
			name: 'allowUnencryptedHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to send requests to an http:// Base URL on another machine. Warning: the API key then crosses the network in clear text, readable by anyone on the way; turn it on only for a server without https:// on a network you trust. Not needed for localhost.',
		},
		{
			displayName: 'Encryption Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only if the project encrypts with a dedicated secretKey (dashboard: Security Settings, Data Protection): the key that decrypts encrypted webhooks and answers. Empty: the API key is used, as Argos does by default.',
		},
		{
			displayName: 'Secure Data Transmission',
			name: 'secureTransmission',
			type: 'boolean',
			default: false,
			description:
				"Whether the project's Secure Data Transmission option is on (dashboard: Security Settings, Data Protection). Then Argos takes submission requests (update, review, put image) only encrypted, and the nodes send them so. Encrypted answers and webhooks are decrypted either way.",
		},
		{
			displayName: 'Encryption Module',
			name: 'encryptionModule',
			type: 'options',
			default: 'aes256',
			options: [
				{ name: 'AES-256 (ECB)', value: 'aes256', description: "Argos's default module" },
				{ name: 'GCM-256', value: 'gcm256', description: 'With authentication and integrity' },
			],
			description: 'The encryption module chosen in the dashboard (Security Settings, Data Protection): used for encrypted requests, answers and webhooks',
		},
		{
			displayName: 'Webhook Token',
			name: 'webhookToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'For the Argos Identity Trigger: a secret you choose and append to the Webhook URL in the Argos dashboard as ?token=…; deliveries without it are refused. Empty: no token is asked for.',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 0,
			description:
				'The most requests the nodes send per second with this credential, across all items, parallel requests and nodes that use it. 0 (the default) sends without a limit.',
		},
		{
			displayName: 'Processes Sharing This Key',
			name: 'processesSharingKey',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			displayOptions: { hide: { requestsPerSecond: [0] } },
			description:
				'Set it to the number of n8n processes (main and workers) that run workflows with this key; each takes its share of the rate. 1 when n8n runs as one process.',
		},
	];

	// A function rather than a generic block: n8n then applies it without evaluating an expression per request.
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, 'x-api-key': String(credentials.apiKey ?? '') },
	});

	// Looking up a submission that does not exist answers 200 with no items for a good key, 403 for a bad one.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/submission',
			qs: { submission_id: 'n8n-credential-test' },
		},
	};
}
