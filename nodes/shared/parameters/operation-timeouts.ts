import type { IExecuteFunctions, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { isShownFor, operationsOf } from '../items/options-collection';
import { itemParameter } from './item-parameter';
import { descriptionName } from './password-parameters';

const keyOf = (resource: unknown, operation: unknown) => `${String(resource)}\u0000${String(operation)}`;

/** The default of Options → Timeout each operation of the node shows, by resource and operation. */
export function timeoutDefaults(properties: readonly INodeProperties[]): Map<string, number> {
	const defaults = new Map<string, number>();
	for (const pair of operationsOf([...properties])) {
		for (const property of properties) {
			if (property.name !== 'options' || property.type !== 'collection' || !isShownFor(property, pair)) continue;
			const timeout = ((property.options ?? []) as INodeProperties[]).find((option) => option.name === 'timeout');
			if (typeof timeout?.default === 'number') defaults.set(keyOf(pair.resource, pair.operation), timeout.default);
		}
	}
	return defaults;
}

// Node description name -> its operations' Timeout defaults; filled by the node classes (registerOperationTimeouts).
const registered = new Map<string, Map<string, number>>();

/**
 * Records the Timeout default each operation of a node shows, so that a call whose item leaves Timeout unset
 * waits what the editor said it would. Returns the description.
 */
export function registerOperationTimeouts<T extends Pick<INodeTypeDescription, 'name' | 'properties'>>(description: T): T {
	registered.set(description.name, timeoutDefaults(description.properties));
	return description;
}

// Per node run (the context n8n hands the node): the answer, read once rather than for every call.
const known = new WeakMap<object, number | undefined>();

/**
 * The Timeout default the running operation shows in the editor (ms), or undefined for a node that registered
 * none. Resource and Operation take no expression: the same for every item.
 */
export function operationTimeoutDefault(ctx: IExecuteFunctions): number | undefined {
	if (known.has(ctx)) return known.get(ctx);
	const defaults = typeof ctx.getNode === 'function' ? registered.get(descriptionName(ctx.getNode().type)) : undefined;
	const found = defaults?.get(keyOf(itemParameter(ctx, 'resource', 0, ''), itemParameter(ctx, 'operation', 0, '')));
	known.set(ctx, found);
	return found;
}
