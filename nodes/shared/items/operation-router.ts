import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { runPerItem, type ItemOperation } from './per-item-runner';

/** resource -> operation -> what runs for each item */
export type OperationTable = Record<string, Record<string, ItemOperation>>;

/** Reads resource and operation and runs the chosen operation once per item. */
export async function routeToOperation(ctx: IExecuteFunctions, operations: OperationTable): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const execute = operations[resource]?.[operation];
	if (!execute) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await runPerItem(ctx, execute)];
}
