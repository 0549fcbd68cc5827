import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { registerTokens } from '../../transport/tokens';
import { freshTokenId, MAX_TOKENS_PER_REQUEST, tokenIdProblem } from '../token/token-id';

interface Plan {
	tokenId: string;
	/** Settles when the request that registers this item's token (with up to 499 others) has been answered. */
	registered: Promise<void>;
}

// Per node run (the context n8n hands the node): each Private Mode item's Token ID and its registration.
const plans = new WeakMap<object, Map<number, Plan>>();

/** The Token ID an item will put in its link and register, or undefined when it registers none (or its parameters fail: its own run says why). */
function plannedToken(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	try {
		if (ctx.getNodeParameter('privateMode', itemIndex, false) !== true) return undefined;
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		if (options.registerToken === false) return undefined;
		const chosen = String(options.privateModeId ?? '').trim();
		if (chosen && tokenIdProblem(chosen)) return undefined;
		return chosen || freshTokenId();
	} catch {
		return undefined;
	}
}

/**
 * The Token IDs of every item of this run, planned when the first item asks, and registered in requests of at
 * most 500 (POST /submission/tokens [POST-TOKEN]) one after the other, rather than one request per link. Each
 * item waits only for the request that holds its own token, so a refused request fails only its items.
 */
function planRun(ctx: IExecuteFunctions): Map<number, Plan> {
	let plan = plans.get(ctx);
	if (plan) return plan;
	plan = new Map();
	plans.set(ctx, plan);
	const planned: Array<[number, string]> = [];
	const count = ctx.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const tokenId = plannedToken(ctx, itemIndex);
		if (tokenId) planned.push([itemIndex, tokenId]);
	}
	let previous: Promise<unknown> = Promise.resolve();
	for (let start = 0; start < planned.length; start += MAX_TOKENS_PER_REQUEST) {
		const batch = planned.slice(start, start + MAX_TOKENS_PER_REQUEST);
		const registered = previous
			.catch(() => undefined)
			.then(async () => {
				await registerTokens(
					ctx,
					batch.map(([, tokenId]) => tokenId),
					batch[0][0],
				);
			});
		// Each item awaits its own batch; this keeps an unawaited failure from being reported as unhandled.
		registered.catch(() => undefined);
		previous = registered;
		for (const [itemIndex, tokenId] of batch) plan.set(itemIndex, { tokenId, registered });
	}
	return plan;
}

/** This item's planned Token ID (undefined: none planned, e.g. Register Token off). */
export function plannedTokenId(ctx: IExecuteFunctions, itemIndex: number): string | undefined {
	return planRun(ctx).get(itemIndex)?.tokenId;
}

/** Resolves once this Token ID is registered: with the run's batch when it was planned there, else on its own. */
export async function ensureRegistered(ctx: IExecuteFunctions, itemIndex: number, tokenId: string): Promise<void> {
	const planned = planRun(ctx).get(itemIndex);
	if (planned?.tokenId === tokenId) return await planned.registered;
	await registerTokens(ctx, [tokenId], itemIndex);
}
