import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MS, TRANSFER_TIMEOUT_MS, worstCaseMs } from '../http/request-guard';

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

/**
 * Adds Timeout to an operation's Options collection (made, with the operation's displayOptions, when it has
 * none). The properties are those updateDisplayOptions answered, so they share one displayOptions.
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
