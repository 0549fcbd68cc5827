import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { withOptionInEveryOperation } from './options-collection';

export { operationsOf } from './options-collection';

/** The option's name is part of the public contract (workflow JSON stores it). */
export const PARALLEL_REQUESTS = 'parallelRequests';

/**
 * One at a time by default: a workflow built before the option existed sends exactly what it sent
 * before, in item order, and a failure stops the node with nothing after the failing item sent. The
 * documented limits (5/s for a ComplyCube sandbox key, 10/s live) are reached with one request in
 * flight whenever the service answers within 100-200 ms; more in flight pays off against a slow service.
 */
export const DEFAULT_PARALLEL_REQUESTS = 1;
export const MAX_PARALLEL_REQUESTS = 50;

export const parallelRequestsOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: PARALLEL_REQUESTS,
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS, numberPrecision: 0 },
	default: DEFAULT_PARALLEL_REQUESTS,
	description:
		"How many items are sent at once. The output keeps the items' order either way, and the credential's rate limit holds across all of them. With more than one, a failing item stops the node only once the items already sent have finished: they may have reached the service.",
};

/** The items in flight the node's parameters ask for (read for the first item, as n8n's batching options are). */
export function parallelRequestsOf(ctx: IExecuteFunctions): number {
	const value = Math.floor(Number(ctx.getNodeParameter(`options.${PARALLEL_REQUESTS}`, 0, DEFAULT_PARALLEL_REQUESTS)));
	if (!Number.isFinite(value)) return DEFAULT_PARALLEL_REQUESTS;
	return Math.min(Math.max(value, 1), MAX_PARALLEL_REQUESTS);
}

/**
 * The node's properties with Parallel Requests in every operation's Options collection, after the operation's
 * own options: added to the collection an operation has, and a collection of its own made for an operation
 * that has none. Applied where a node builds its properties, so an operation file never has to carry it.
 */
export function withParallelRequests(properties: INodeProperties[]): INodeProperties[] {
	return withOptionInEveryOperation(properties, () => parallelRequestsOption, 'last');
}
