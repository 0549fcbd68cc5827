import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { routeToOperation } from '../../shared/items/operation-router';
import { ALLOW_CHANGES } from '../../shared/parameters/operation-field';
import { resources } from './resources';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	assertAllowedForAgent(this);
	return await routeToOperation(this, Object.fromEntries(resources.map((resource) => [resource.value, resource.operations])));
}

/** As an AI agent's tool, the node only reads unless the user turned Allow Changes on (as the ComplyCube node). */
function assertAllowedForAgent(ctx: IExecuteFunctions) {
	if (!ctx.getNode().type.endsWith('Tool') || ctx.getNodeParameter(ALLOW_CHANGES, 0, false)) return;
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	if (resources.find((candidate) => candidate.value === resource)?.readOperations.includes(operation)) return;
	throw new NodeOperationError(ctx.getNode(), `As a tool, this node may only read: "${operation}" of "${resource}" changes data`, {
		description: "Turn on Allow Changes in the tool's parameters if the agent should be able to put images, update or delete submissions.",
	});
}
