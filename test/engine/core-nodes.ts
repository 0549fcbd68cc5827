import { glob, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

/**
 * Stand-ins for the few n8n-nodes-base nodes the example workflows use (Manual Trigger, Read/Write
 * Files from Disk reading, Sticky Note, No Op), so the examples run in-process without installing
 * all of n8n. The e2e suite runs the same examples with the real nodes in a real n8n.
 */
const description = (name: string, displayName: string, inputs: string[], properties: INodeTypeDescription['properties'] = []): INodeTypeDescription =>
	({
		displayName,
		name,
		group: ['transform'],
		version: [1, 1.1],
		description: `In-process stand-in for n8n's ${displayName}`,
		defaults: { name: displayName },
		inputs,
		outputs: ['main'],
		properties,
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

/** Reads the files a path or glob pattern selects, one output item each, or writes an item's binary to a file, like the real node. */
export class ReadWriteFile implements INodeType {
	description = description(
		'readWriteFile',
		'Read/Write Files from Disk',
		['main'],
		[
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				options: [
					{ name: 'Read', value: 'read' },
					{ name: 'Write', value: 'write' },
				],
				default: 'read',
			},
			{ displayName: 'File(s) Selector', name: 'fileSelector', type: 'string', default: '' },
			{ displayName: 'File Path and Name', name: 'fileName', type: 'string', default: '' },
			{ displayName: 'Input Binary Field', name: 'dataPropertyName', type: 'string', default: 'data' },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [{ displayName: 'Put Output File in Field', name: 'dataPropertyName', type: 'string', default: 'data' }],
			},
		],
	);

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		if (this.getNodeParameter('operation', 0) === 'write') return [await writeFiles(this)];
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const selector = this.getNodeParameter('fileSelector', itemIndex) as string;
			const property = this.getNodeParameter('options.dataPropertyName', itemIndex, 'data') as string;
			const files: string[] = [];
			for await (const file of glob(selector)) files.push(file);
			if (files.length === 0) throw new Error(`No file(s) found: nothing matches "${selector}"`);
			for (const filePath of files.sort()) {
				const binary = await this.helpers.prepareBinaryData(
					await readFile(filePath),
					path.basename(filePath),
					MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream',
				);
				const { mimeType, fileType, fileName, fileExtension, fileSize } = binary;
				output.push({
					json: { mimeType, fileType, fileName, fileExtension, fileSize },
					binary: { [property]: binary },
					pairedItem: { item: itemIndex },
				});
			}
		}
		return [output];
	}
}

async function writeFiles(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, item] of ctx.getInputData().entries()) {
		const fileName = ctx.getNodeParameter('fileName', itemIndex) as string;
		const property = ctx.getNodeParameter('dataPropertyName', itemIndex, 'data') as string;
		ctx.helpers.assertBinaryData(itemIndex, property);
		await mkdir(path.dirname(fileName), { recursive: true });
		await writeFile(fileName, await ctx.helpers.getBinaryDataBuffer(itemIndex, property));
		output.push({ json: { ...item.json, fileName }, binary: item.binary, pairedItem: { item: itemIndex } });
	}
	return output;
}
