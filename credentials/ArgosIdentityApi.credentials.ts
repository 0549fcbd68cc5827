import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

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
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'x-api-key': '={{$credentials.apiKey}}',
			},
		},
	};

	// Looking up a submission that does not exist answers 200 with no items for a good key, 403 for a bad one.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/submission',
			qs: { submission_id: 'n8n-credential-test' },
		},
	};
}
