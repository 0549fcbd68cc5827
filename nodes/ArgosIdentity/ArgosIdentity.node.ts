import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { withParallelRequests } from '../shared/items/parallel-requests';
import { resourceFields } from '../shared/items/resources';
import { allowChangesField } from '../shared/parameters/operation-field';
import { resources } from './actions/resources';
import { router } from './actions/router';
import { registerPasswordParameters } from '../shared/parameters/password-parameters';

export class ArgosIdentity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Argos Identity',
		name: 'argosIdentity',
		icon: { light: 'file:argosIdentity.svg', dark: 'file:argosIdentity.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Send the Argos Identity verification link, put and read submissions and their images, approve or reject them, keep approved ones under AML monitoring, and delete what is no longer needed',
		defaults: { name: 'Argos Identity' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'argosIdentityApi', required: true }],
		// Parallel Requests goes into every operation's Options here, so no operation file has to carry it.
		properties: withParallelRequests([
			allowChangesField,
			...resourceFields(resources, 'submission'),
			...resources.flatMap((resource) => resource.description),
		]),
	};

	// Their values are hidden wherever a service echoes them (request-guard.ts).
	constructor() {
		registerPasswordParameters(this.description);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
