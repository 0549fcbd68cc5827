import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS, TRANSFER_TIMEOUT_MS, worstCaseMs } from '../http/request-guard';
import { withOptionInEveryOperation, type OperationPair } from '../items/options-collection';
import type { Resource } from '../items/resources';

export { DEFAULT_TIMEOUT_MS, TRANSFER_TIMEOUT_MS };

/** Options → Timeout, named and measured (ms) as in n8n's HTTP Request node. */
export function timeoutOption(defaultMs: number): INodeProperties {
	return {
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: defaultMs,
		description: `Time in ms to wait for each attempt's answer before abandoning it (default ${defaultMs / 1000} s). An attempt that runs out is retried as any failure; an item is held at most ${Math.round(worstCaseMs(defaultMs) / 1000)} s at the default.`,
	};
}

/** An operation's default Timeout: the longer one for those its resource declares as uploads or downloads. */
export function timeoutDefaultFor(resources: readonly Resource[], { resource, operation }: OperationPair): number {
	const transfers = resources.find((candidate) => candidate.value === resource)?.transferOperations ?? [];
	return transfers.includes(operation) ? TRANSFER_TIMEOUT_MS : DEFAULT_TIMEOUT_MS;
}

/**
 * The node's properties with Timeout in every operation's Options collection, sorted among the operation's
 * own options, with the default `timeoutDefaultFor` gives it. An operation whose Options already hold a
 * Timeout (one written with `withTimeoutOption`) keeps its own.
 */
export function withTimeout(properties: INodeProperties[], resources: readonly Resource[]): INodeProperties[] {
	return withOptionInEveryOperation(properties, (pair) => timeoutOption(timeoutDefaultFor(resources, pair)), 'sorted');
}

/**
 * Adds Timeout to an operation's Options collection (made, with the operation's displayOptions, when it has
 * none). The properties are those updateDisplayOptions answered, so they share one displayOptions.
 *
 * @deprecated The node class adds Timeout to every operation (`withOperationOptions`); mark an upload or a
 * download in its resource's `transferOperations` instead of wrapping the operation's description.
 */
export function withTimeoutOption(properties: INodeProperties[], defaultMs: number): INodeProperties[] {
	const option = timeoutOption(defaultMs);
	const existing = properties.find((property) => property.name === 'options' && property.type === 'collection');
	if (existing) {
		const options = [...((existing.options ?? []) as INodeProperties[]).filter((inner) => inner.name !== 'timeout'), option];
		options.sort((a, b) => a.displayName.localeCompare(b.displayName));
		return properties.map((property) => (property === existing ? { ...existing, options } : property));
	}
	return [
		...properties,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: properties[0]?.displayOptions,
			options: [option],
		},
	];
}
