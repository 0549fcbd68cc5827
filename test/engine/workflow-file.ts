import { readFileSync } from 'node:fs';

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
