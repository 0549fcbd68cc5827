import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as download from './download.operation';
import * as getDetails from './getDetails.operation';
import * as list from './list.operation';
import * as upload from './upload.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['download', 'getDetails', 'list'];

/** The uploads and downloads: their Options → Timeout defaults to 60 s rather than 30 s. */
export const transferOperations: string[] = ['download', 'upload'];

export const operations: Record<string, ItemOperation> = {
	upload: upload.execute,
	list: list.execute,
	getDetails: getDetails.execute,
	download: download.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'attachment',
		[
			{ name: 'Download Attachment', value: 'download', description: 'Download an attachment as a file', action: 'Download an attachment' },
			{ name: 'Get Attachment Details', value: 'getDetails', description: 'Get the details of an attachment', action: 'Get attachment details' },
			{ name: 'List Attachments', value: 'list', description: 'List the attachments of a profile', action: 'List attachments' },
			{ name: 'Upload Attachment', value: 'upload', description: 'Upload a file to a profile', action: 'Upload an attachment' },
		],
		'upload',
		readOperations,
	),
	...upload.description,
	...list.description,
	...getDetails.description,
	...download.description,
];
