import type { IBinaryKeyData, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from '../http/node-errors';

export interface OperationResult {
	json: IDataObject;
	/** Binaries the operation produced; they are added to the input item's binaries. */
	binary?: IBinaryKeyData;
}

/** One result per input item, or several (a list operation), each paired with the input item. */
export type ItemOperation = (ctx: IExecuteFunctions, itemIndex: number) => Promise<OperationResult | OperationResult[]>;

/**
 * Runs an operation once per input item. Each output item points at its input item and keeps its
 * binaries (so the front's upload can feed the back's). A failing item stops the node, or, with
 * "continue on error", becomes an error item while the others go on.
 */
export async function runPerItem(ctx: IExecuteFunctions, operation: ItemOperation): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const inputBinary = items[itemIndex].binary;
		try {
			const outcome = await operation(ctx, itemIndex);
			for (const result of Array.isArray(outcome) ? outcome : [outcome]) {
				const binary = result.binary || inputBinary ? { ...inputBinary, ...result.binary } : undefined;
				output.push({ json: result.json, ...(binary ? { binary } : {}), pairedItem: { item: itemIndex } });
			}
		} catch (caught) {
			const error = toNodeError(ctx.getNode(), caught, itemIndex);
			if (!ctx.continueOnFail()) throw error;
			const httpCode = 'httpCode' in error && error.httpCode ? { httpCode: error.httpCode } : {};
			output.push({
				// Only these keys: n8n sends an item to the error output only if its json has nothing else.
				json: { error: error.message, details: { description: error.description ?? null, ...httpCode } },
				...(inputBinary ? { binary: inputBinary } : {}),
				pairedItem: { item: itemIndex },
			});
		}
	}
	return output;
}
