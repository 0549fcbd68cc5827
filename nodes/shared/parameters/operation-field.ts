import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** The tool-mode switch that lets an AI agent run the operations that change data. */
export const ALLOW_CHANGES = 'allowChanges';

export const allowChangesField: INodeProperties = {
	displayName: 'Allow Changes',
	name: ALLOW_CHANGES,
	type: 'boolean',
	default: false,
	displayOptions: { show: { '@tool': [true] } },
	description:
		'Whether the AI agent may also run the operations that create, upload, update or delete. Off, it can only read (get, get many, downloads, reports).',
};

/**
 * The Operation selector of one resource. As a node it offers every operation; used as an AI agent's tool
 * it offers only the reading ones unless Allow Changes is on, so an agent cannot upload or delete by default.
 */
export function operationFields(resource: string, options: INodePropertyOptions[], defaultOperation: string, readOperations: string[]): INodeProperties[] {
	const field = (displayOptions: INodeProperties['displayOptions'], offered: INodePropertyOptions[], defaultValue: string): INodeProperties => ({
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions,
		options: offered,
		default: defaultValue,
	});
	const fields = [
		field({ show: { resource: [resource], '@tool': [false] } }, options, defaultOperation),
		field({ show: { resource: [resource], '@tool': [true], [ALLOW_CHANGES]: [true] } }, options, defaultOperation),
	];
	if (readOperations.length) {
		const reads = options.filter((option) => readOperations.includes(String(option.value)));
		fields.push(field({ show: { resource: [resource], '@tool': [true], [ALLOW_CHANGES]: [false] } }, reads, readOperations[0]));
	}
	return fields;
}
