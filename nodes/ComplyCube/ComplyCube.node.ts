import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { withOperationOptions } from '../shared/items/operation-options';
import { resourceFields } from '../shared/items/resources';
import { allowChangesField } from '../shared/parameters/operation-field';
import { resources } from './actions/resources';
import { router } from './actions/router';
import { registerOperationTimeouts } from '../shared/parameters/operation-timeouts';
import { listSearch } from './methods';
import { registerPasswordParameters } from '../shared/parameters/password-parameters';

export class ComplyCube implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ComplyCube',
		name: 'complyCube',
		icon: { light: 'file:complyCube.svg', dark: 'file:complyCube.dark.svg' },
		group: ['output'],
		// 1.1: Get and Get Many of records with many fields simplify by default (version 1 keeps the raw answer).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Run KYC with ComplyCube: clients, documents, live photos, checks, verification links, workflow sessions and reports',
		defaults: { name: 'ComplyCube' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'complyCubeApi', required: true }],
		// Timeout and Parallel Requests go into every operation's Options here, so no operation file has to carry them.
		properties: withOperationOptions(
			[allowChangesField, ...resourceFields(resources, 'document'), ...resources.flatMap((resource) => resource.description)],
			resources,
		),
	};

	methods = { listSearch };

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
