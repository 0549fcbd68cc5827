import { readFile } from 'node:fs/promises';

import type { IBinaryKeyData, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

export interface FixtureFile {
	path: string;
	/** The name the binary carries; defaults to none, as when an upstream node gives no name. */
	fileName?: string;
	mimeType?: string;
}

export interface FixtureItem {
	json?: Record<string, unknown>;
	files?: Record<string, FixtureFile>;
}

/**
 * Test-only source node: emits the items given as JSON in its `items` parameter, storing each file
 * through n8n's binary data service exactly as a real node (form trigger, Drive download) would.
 */
export class FixtureItems implements INodeType {
	description = {
		displayName: 'Fixture Items',
		name: 'fixtureItems',
		group: ['input'],
		version: 1,
		description: 'Emits test items with binaries',
		defaults: { name: 'Fixture Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as FixtureItem[];
		const output: INodeExecutionData[] = [];
		for (const item of items) {
			const binary: IBinaryKeyData = {};
			for (const [property, file] of Object.entries(item.files ?? {})) {
				// A mime type is always passed: without one n8n imports the ESM-only file-type package.
				binary[property] = await this.helpers.prepareBinaryData(await readFile(file.path), file.fileName, file.mimeType ?? 'application/octet-stream');
			}
			output.push({ json: (item.json ?? {}) as INodeExecutionData['json'], ...(item.files ? { binary } : {}) });
		}
		return [output];
	}
}
