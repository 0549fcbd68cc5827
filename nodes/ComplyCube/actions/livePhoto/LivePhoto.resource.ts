import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as deleteLivePhoto from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as redact from './redact.operation';
import * as upload from './upload.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get', 'getAll', 'download'];

/** The uploads and downloads: their Options → Timeout defaults to 60 s rather than 30 s. */
export const transferOperations: string[] = ['download', 'upload'];

export const operations: Record<string, ItemOperation> = {
	delete: deleteLivePhoto.execute,
	download: download.execute,
	get: get.execute,
	getAll: getAll.execute,
	redact: redact.execute,
	upload: upload.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'livePhoto',
		[
			{ name: 'Delete', value: 'delete', description: 'Delete a live photo', action: 'Delete a live photo' },
			{ name: 'Download', value: 'download', description: 'Download a live photo into a binary', action: 'Download a live photo' },
			{ name: 'Get', value: 'get', description: 'Get a live photo', action: 'Get a live photo' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many live photos of a client', action: 'Get many live photos' },
			{ name: 'Redact', value: 'redact', description: 'Mask a live photo everywhere, checks included; cannot be undone', action: 'Redact a live photo' },
			{ name: 'Upload Live Photo', value: 'upload', description: 'Upload a selfie of a client', action: 'Upload a live photo' },
		],
		'upload',
		readOperations,
	),
	...deleteLivePhoto.description,
	...download.description,
	...get.description,
	...getAll.description,
	...upload.description,
	...redact.description,
];
