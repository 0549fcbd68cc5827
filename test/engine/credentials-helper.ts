import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

const GENERIC_TARGETS = ['headers', 'qs', 'body', 'auth'] as const;

/**
 * Hands each node the credential data the test gives, and applies the credential type's own
 * `authenticate` block as n8n's server does (n8n's test helper skips generic blocks, which would
 * leave the auth header untested).
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Map<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types.get(typeName)?.authenticate;
		const options = requestOptions as IHttpRequestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (!authenticate || authenticate.type !== 'generic') return options;
		for (const target of GENERIC_TARGETS) {
			const entries = (authenticate.properties[target] ?? {}) as IDataObject;
			for (const [key, value] of Object.entries(entries)) {
				const resolved = this.resolve(value, credentials, workflow, node);
				const current = (options[target as keyof IHttpRequestOptions] ?? {}) as IDataObject;
				(options as unknown as IDataObject)[target] = { ...current, [key]: resolved };
			}
		}
		return options;
	}

	private resolve(value: unknown, credentials: ICredentialDataDecryptedObject, workflow?: Workflow, node?: INode) {
		if (typeof value !== 'string' || !value.startsWith('=') || !workflow || !node) return value;
		return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, value);
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string) {
		const data = this.data[type];
		if (!data) throw new Error(`The test gave no credential of type ${type}`);
		return { ...data };
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by these nodes');
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.get(type)?.properties ?? [];
	}
}
