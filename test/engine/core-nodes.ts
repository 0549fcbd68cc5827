import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

/**
 * Stand-ins for the few n8n-nodes-base nodes the example workflows use (Manual Trigger, Read/Write
 * Files from Disk reading, Sticky Note, No Op), so the examples run in-process without installing
 * all of n8n. The e2e suite runs the same examples with the real nodes in a real n8n.
 */
const description = (name: string, displayName: string, inputs: string[]): INodeTypeDescription =>
	({
		displayName,
		name,
		group: ['transform'],
		version: [1, 1.1],
		description: `In-process stand-in for n8n's ${displayName}`,
		defaults: { name: displayName },
		inputs,
		outputs: ['main'],
		properties: [],
	}) as unknown as INodeTypeDescription;

const MIME_TYPES: Record<string, string> = {
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.png': 'image/png',
	'.pdf': 'application/pdf',
	'.gif': 'image/gif',
	'.txt': 'text/plain',
};

export class ManualTrigger implements INodeType {
	description = description('manualTrigger', 'Manual Trigger', []);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export class NoOp implements INodeType {
	description = description('noOp', 'No Operation, do nothing', ['main']);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export class StickyNote implements INodeType {
	description = description('stickyNote', 'Sticky Note', []);
}

/** Reads one file per input item, like the real node's "Read File(s) From Disk" for a single path. */
export class ReadWriteFile implements INodeType {
	description = description('readWriteFile', 'Read/Write Files from Disk', ['main']);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const selector = this.getNodeParameter('fileSelector', itemIndex) as string;
			const property = this.getNodeParameter('options.dataPropertyName', itemIndex, 'data') as string;
			const filePath = path.resolve(selector);
			const extension = path.extname(filePath).toLowerCase();
			const binary = await this.helpers.prepareBinaryData(
				await readFile(filePath),
				path.basename(filePath),
				MIME_TYPES[extension] ?? 'application/octet-stream',
			);
			const { data: _storage, ...metadata } = binary;
			output.push({ json: { ...metadata }, binary: { [property]: binary }, pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}
