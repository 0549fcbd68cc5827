import { sleep, type IBinaryKeyData, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from '../http/node-errors';
import { parallelRequestsOf } from './parallel-requests';
import { SendCancelled, SendTurns, useSendTurns } from './send-turns';

export interface OperationResult {
	json: IDataObject;
	/** Binaries the operation produced; they are added to the input item's binaries. */
	binary?: IBinaryKeyData;
}

/** One result per input item, or several (a list operation), each paired with the input item. */
export type ItemOperation = (ctx: IExecuteFunctions, itemIndex: number) => Promise<OperationResult | OperationResult[]>;

/**
 * How many items are prepared beyond those sending. n8n takes longer to prepare an upload (parameters,
 * file, body, its request helper and a new connection) than a fast service takes to answer one: with a
 * single item ahead, the next one was often not ready when its turn came. Two keep one ready (one in
 * flight, `npm run bench`'s files, in-process A/B: +18-24% items/s; a third added nothing).
 */
export const READ_AHEAD = 2;

/**
 * Runs an operation once per input item, up to Parallel Requests items sending at once, and the next
 * READ_AHEAD items read and checked ahead while they are at the service (send-turns.ts). Each output
 * item points at its input item and keeps its binaries (so the front's upload can feed the back's), and
 * the output is in input order whatever order the answers came in.
 *
 * A failing item stops the node, or, with "continue on error", becomes an error item in its place while
 * the others go on. Stopping: no further item is started, the items already in flight are let finish (a
 * request cannot be unsent), and the failure of the lowest item index is thrown, so the error is the one
 * a run of one item at a time would have stopped at. What may have been sent beyond that: at most the
 * Parallel Requests - 1 items after the failing one.
 *
 * Memory: an item's file is read inside its operation, so only the items in flight, and those read
 * ahead, hold file bytes.
 */
export async function runPerItem(ctx: IExecuteFunctions, operation: ItemOperation): Promise<INodeExecutionData[]> {
	const items = ctx.getInputData();
	if (!items.length) return [];
	const continueOnFail = ctx.continueOnFail();
	const toErrorOutput = ctx.getNode().onError === 'continueErrorOutput';
	const perItem: INodeExecutionData[][] = new Array(items.length);
	let next = 0;
	let failure: { itemIndex: number; error: Error } | undefined;
	const parallelRequests = parallelRequestsOf(ctx);
	const turns = new SendTurns(parallelRequests);
	useSendTurns(ctx, turns);

	const runItem = async (itemIndex: number): Promise<void> => {
		const inputBinary = items[itemIndex].binary;
		try {
			const outcome = await operation(ctx, itemIndex);
			perItem[itemIndex] = (Array.isArray(outcome) ? outcome : [outcome]).map((result) => {
				const binary = result.binary || inputBinary ? { ...inputBinary, ...result.binary } : undefined;
				return { json: result.json, ...(binary ? { binary } : {}), pairedItem: { item: itemIndex } };
			});
		} catch (caught) {
			// Read ahead, then the node stopped at an earlier item: this one sent nothing and is no failure of its own.
			if (caught instanceof SendCancelled) return;
			const error = toNodeError(ctx.getNode(), caught, itemIndex);
			if (!continueOnFail) {
				if (!failure || itemIndex < failure.itemIndex) failure = { itemIndex, error };
				turns.stopAt(itemIndex);
				return;
			}
			const httpCode = 'httpCode' in error && error.httpCode ? { httpCode: error.httpCode } : {};
			perItem[itemIndex] = [
				{
					json: toErrorOutput
						? // n8n sends an item to the error output only by its json's keys: n8n 2 takes error, message and
							// details, n8n 1.x exactly {error} or {error, message}. So there: the description as message.
							{ error: error.message, ...(error.description ? { message: error.description } : {}) }
						: { error: error.message, details: { description: error.description ?? null, ...httpCode } },
					...(inputBinary ? { binary: inputBinary } : {}),
					pairedItem: { item: itemIndex },
				},
			];
		}
	};

	// Items start in order while fewer than Parallel Requests + READ_AHEAD places after the lowest one not
	// yet finished (the last READ_AHEAD of them are read ahead), and send only once fewer than Parallel
	// Requests places after it (send-turns.ts): when item k fails, nothing after item
	// k + Parallel Requests - 1 was sent.
	const window = parallelRequests + READ_AHEAD;
	const finished: boolean[] = new Array(items.length).fill(false);
	let lowestUnfinished = 0;
	let wake: Array<() => void> = [];
	const lane = async (): Promise<void> => {
		while (next < items.length && !failure) {
			if (next - lowestUnfinished >= window) {
				await new Promise<void>((resolve) => wake.push(resolve));
				continue;
			}
			const itemIndex = next++;
			await runItem(itemIndex);
			finished[itemIndex] = true;
			while (lowestUnfinished < items.length && finished[lowestUnfinished]) lowestUnfinished++;
			turns.advance(lowestUnfinished);
			const waiting = wake;
			wake = [];
			for (const resolve of waiting) resolve();
			// The item whose turn just came sends first: the next item's parameter reads are synchronous and
			// would otherwise run before it.
			await sleep(0);
		}
	};
	await Promise.all(Array.from({ length: Math.min(window, items.length) }, lane));
	if (failure) throw failure.error;
	return perItem.flat();
}
