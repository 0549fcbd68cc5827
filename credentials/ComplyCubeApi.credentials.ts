import type { IAuthenticate, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class ComplyCubeApi implements ICredentialType {
	name = 'complyCubeApi';

	displayName = 'ComplyCube API';

	documentationUrl = 'https://docs.complycube.com/api-reference/authentication';

	icon = { light: 'file:../nodes/ComplyCube/complyCube.svg', dark: 'file:../nodes/ComplyCube/complyCube.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A sandbox key starts with test_, a live key with live_. Both use the same Base URL.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.complycube.com/v1',
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
			displayName: 'Rate Limit',
			name: 'rateLimit',
			type: 'options',
			options: [
				{
					name: 'Documented Limit of the Key',
					value: 'documented',
					description: '5 requests per second for a sandbox key (test_), 10 for a live key (live_), as ComplyCube documents',
				},
				{ name: 'Custom', value: 'custom', description: 'Set the requests per second yourself' },
			],
			default: 'documented',
			description:
				'The most requests the nodes send per second with this key, across all items, parallel requests and nodes that use it, so the service never answers 429 for going too fast',
		},
		{
			displayName: 'Requests per Second',
			name: 'requestsPerSecond',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: 5,
			displayOptions: { show: { rateLimit: ['custom'] } },
			description: 'E.g. a share of the limit, when other programs use the same key. 0 sends without a limit.',
		},
		{
			displayName: 'Processes Sharing This Key',
			name: 'processesSharingKey',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description:
				'Set it to the number of n8n processes (main and workers) that run workflows with this key; each takes its share of the rate. 1 when n8n runs as one process.',
		},
	];

	// ComplyCube takes the raw key, without "Bearer". A function rather than a generic block: n8n then applies
	// it without evaluating an expression per request (about a quarter of a millisecond to a millisecond each).
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		headers: { ...requestOptions.headers, Authorization: String(credentials.apiKey ?? '') },
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/clients',
			qs: { page: 1, pageSize: 1 },
		},
	};
}
