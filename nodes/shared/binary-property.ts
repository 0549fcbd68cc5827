import type { INodeProperties } from 'n8n-workflow';

/** The "Input Binary Field" parameter, named as in n8n's own upload nodes. */
export function binaryPropertyField(description: string): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the file to be uploaded',
		description,
	};
}
