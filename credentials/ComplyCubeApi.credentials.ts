import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

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
	];

	// ComplyCube takes the raw key, without "Bearer".
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/clients',
			qs: { page: 1, pageSize: 1 },
		},
	};
}
