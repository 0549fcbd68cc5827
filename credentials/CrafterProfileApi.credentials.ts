import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

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
			displayName: 'Access Token ID',
			name: 'accessTokenId',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'An access token of an application whose tenant permissions include MANAGE_PROFILES',
		},
	];

	// The server reads the token as a request parameter.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: {
				accessTokenId: '={{$credentials.accessTokenId}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/1/profile/count',
			qs: { tenantName: 'default' },
		},
	};
}
