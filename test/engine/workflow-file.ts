import { readFileSync } from 'node:fs';

import type { INodeParameters } from 'n8n-workflow';

import type { FixtureItem } from './fixture-items.node';
import type { WorkflowJson } from './run-workflow';

/** Loads a workflow JSON kept beside a test and puts the test's items into its Fixture Items node. */
export function loadWorkflow(file: string, items: FixtureItem[], changes: NodeChanges = {}): WorkflowJson {
	const workflow = JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson;
	for (const node of workflow.nodes) {
		if (node.type.endsWith('.fixtureItems')) node.parameters.items = JSON.stringify(items);
		const { parameters, ...rest } = changes[node.name] ?? {};
		Object.assign(node, rest);
		if (parameters) node.parameters = { ...node.parameters, ...parameters };
	}
	return workflow;
}

export type NodeChanges = Record<string, Partial<WorkflowJson['nodes'][number]>>;

/** One node of this package under test, run with `onError: continueRegularOutput` so each item's error is its output. */
export interface NodeUnderTest {
	name: string;
	/** The node's type name inside this package, e.g. `complyCube`. */
	type: string;
	parameters: INodeParameters;
	credentialType: string;
	credentialName: string;
}

/** Manual Trigger → Fixture Items (the test's items) → the node under test. */
export function fixtureWorkflow(items: FixtureItem[], node: NodeUnderTest): WorkflowJson {
	return {
		nodes: [
			{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'items',
				name: 'Items',
				type: 'n8n-nodes-identity-uploads-test.fixtureItems',
				typeVersion: 1,
				position: [200, 0],
				parameters: { items: JSON.stringify(items) },
			},
			{
				id: 'node',
				name: node.name,
				type: `n8n-nodes-identity-uploads.${node.type}`,
				typeVersion: 1,
				position: [400, 0],
				parameters: node.parameters,
				credentials: { [node.credentialType]: { id: '1', name: node.credentialName } },
				onError: 'continueRegularOutput',
			},
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: node.name, type: 'main', index: 0 }]] },
		},
	};
}
