import type { IAuthenticate, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

export class CrafterProfileApi implements ICredentialType {
	name = 'crafterProfileApi';

	displayName = 'Crafter Profile API';

	documentationUrl = 'https://docs.craftercms.org/';

	icon = { light: 'file:../nodes/CrafterProfile/crafterProfile.svg', dark: 'file:../nodes/CrafterProfile/crafterProfile.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://localhost:8080/crafter-profile',
			required: true,
			description: 'Your Crafter Profile server, including its context path',
		},
		{
			displayName: 'Allow Unencrypted HTTP',
			name: 'allowUnencryptedHttp',
			type: 'boolean',
			default: false,
			description:
				'Whether to send requests to an http:// Base URL on another machine. Warning: the access token then crosses the network in clear text, readable by anyone on the way; turn it on only for a server without https:// on a network you trust. Not needed for localhost.',
		},
		{
			displayName: 'Access Token ID',
			name: 'accessTokenId',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An access token of an application whose tenant permissions include MANAGE_PROFILES',
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

	// The server reads the token as a request parameter.
	// A function rather than a generic block: n8n then applies it without evaluating an expression per request.
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		qs: { ...requestOptions.qs, accessTokenId: String(credentials.accessTokenId ?? '') },
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/1/profile/count',
			qs: { tenantName: 'default' },
		},
	};
}
