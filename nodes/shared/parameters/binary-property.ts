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

/** The "Options" collection with the one File Name option the uploads that take a name share. */
export function fileNameOptions(placeholder: string, description: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [{ displayName: 'File Name', name: 'fileName', type: 'string', default: '', placeholder, description }],
	};
}

/** Where a download puts its file: n8n's "Put Output File in Field". */
export function outputBinaryField(): INodeProperties {
	return {
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the file in',
	};
}
