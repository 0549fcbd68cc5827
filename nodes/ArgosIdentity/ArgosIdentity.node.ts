import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { withOperationOptions } from '../shared/items/operation-options';
import { resourceFields } from '../shared/items/resources';
import { allowChangesField } from '../shared/parameters/operation-field';
import { resources } from './actions/resources';
import { router } from './actions/router';
import { registerOperationTimeouts } from '../shared/parameters/operation-timeouts';
import { registerPasswordParameters } from '../shared/parameters/password-parameters';

export class ArgosIdentity implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Argos Identity',
		name: 'argosIdentity',
		icon: { light: 'file:argosIdentity.svg', dark: 'file:argosIdentity.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Send the Argos Identity verification link, put and read submissions and their images, approve or reject them, keep approved ones under AML monitoring, and delete what is no longer needed',
		defaults: { name: 'Argos Identity' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'argosIdentityApi', required: true }],
		// Timeout and Parallel Requests go into every operation's Options here, so no operation file has to carry them.
		properties: withOperationOptions(
			[allowChangesField, ...resourceFields(resources, 'submission'), ...resources.flatMap((resource) => resource.description)],
			resources,
		),
	};

	// Password values are hidden wherever a service echoes them, and a call left without a Timeout waits the
	// default its operation shows (request-guard.ts).
	constructor() {
		registerPasswordParameters(this.description);
		registerOperationTimeouts(this.description);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
