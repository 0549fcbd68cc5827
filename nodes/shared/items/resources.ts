import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { ALLOW_CHANGES } from '../parameters/operation-field';
import { routeToOperation } from './operation-router';
import type { ItemOperation } from './per-item-runner';

/**
 * One resource of a node: its operations, those an AI agent may run without Allow Changes, those that move a
 * file, and its parameters.
 */
export interface Resource {
	name: string;
	value: string;
	operations: Record<string, ItemOperation>;
	readOperations: string[];
	/** The uploads and downloads: Options → Timeout defaults to 60 s for them, 30 s for the rest (timeout-option.ts). */
	transferOperations?: string[];
	description: INodeProperties[];
}

/**
 * The Resource selector: every resource, except, for an AI agent without Allow Changes, those it could
 * only change. `defaultResource` keeps saved workflows (which omit defaults) on the resource they had.
 */
export function resourceFields(resources: Resource[], defaultResource: string): INodeProperties[] {
	// Saved workflows omit defaults: the node's own default resource where this variant offers it.
	const defaultOf = (offered: Resource[]) => (offered.some((resource) => resource.value === defaultResource) ? defaultResource : offered[0].value);
	const field = (show: Record<string, boolean[]>, offered: Resource[]): INodeProperties => ({
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: offered.map(({ name, value }) => ({ name, value })),
		default: defaultOf(offered),
	});
	return [
		field({ '@tool': [false] }, resources),
		field({ '@tool': [true], [ALLOW_CHANGES]: [true] }, resources),
		field(
			{ '@tool': [true], [ALLOW_CHANGES]: [false] },
			resources.filter((resource) => resource.readOperations.length),
		),
	];
}

/** Runs the chosen operation per item; as an AI agent's tool, only a reading one unless Allow Changes is on. */
export async function routeResources(ctx: IExecuteFunctions, resources: Resource[], changesAdvice: string): Promise<INodeExecutionData[][]> {
	assertAllowedForAgent(ctx, resources, changesAdvice);
	return await routeToOperation(ctx, Object.fromEntries(resources.map((resource) => [resource.value, resource.operations])));
}

function assertAllowedForAgent(ctx: IExecuteFunctions, resources: Resource[], changesAdvice: string) {
	if (!ctx.getNode().type.endsWith('Tool') || ctx.getNodeParameter(ALLOW_CHANGES, 0, false)) return;
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	if (resources.find((candidate) => candidate.value === resource)?.readOperations.includes(operation)) return;
	throw new NodeOperationError(ctx.getNode(), `As a tool, this node may only read: "${operation}" of "${resource}" changes data`, {
		description: `Turn on Allow Changes in the tool's parameters if the agent should be able to ${changesAdvice}.`,
	});
}
