import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationField } from '../../../shared/parameters/operation-field';
import * as upload from './upload.operation';

export const operations: Record<string, ItemOperation> = {
	upload: upload.execute,
};

export const description: INodeProperties[] = [
	operationField(
		'livePhoto',
		[{ name: 'Upload Live Photo', value: 'upload', description: 'Upload a selfie of a client', action: 'Upload a live photo' }],
		'upload',
	),
	...upload.description,
];
