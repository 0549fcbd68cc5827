import type { INodeTypeDescription } from 'n8n-workflow';

/** The description of an in-process stand-in for one of n8n's own nodes: same name and versions, only the parameters the examples use. */
export function standInDescription(
	name: string,
	displayName: string,
	inputs: string[],
	version: number | number[],
	extra: Partial<INodeTypeDescription> = {},
	outputs: string[] = ['main'],
): INodeTypeDescription {
	return {
		displayName,
		name,
		group: ['transform'],
		version,
		description: `In-process stand-in for n8n's ${displayName}`,
		defaults: { name: displayName },
		inputs,
		outputs,
		properties: [],
		...extra,
	} as unknown as INodeTypeDescription;
}
