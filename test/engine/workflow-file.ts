import { readFileSync } from 'node:fs';

import type { FixtureItem } from './fixture-items.node';
import type { WorkflowJson } from './run-workflow';

/** Loads a workflow JSON kept beside a test and puts the test's items into its Fixture Items node. */
export function loadWorkflow(file: string, items: FixtureItem[], changes: NodeChanges = {}): WorkflowJson {
	const workflow = JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson;
	for (const node of workflow.nodes) {
		if (node.type.endsWith('.fixtureItems')) node.parameters.items = JSON.stringify(items);
		Object.assign(node, changes[node.name] ?? {});
		if (changes[node.name]?.parameters) node.parameters = { ...node.parameters, ...changes[node.name]!.parameters };
	}
	return workflow;
}

export type NodeChanges = Record<string, Partial<WorkflowJson['nodes'][number]>>;
