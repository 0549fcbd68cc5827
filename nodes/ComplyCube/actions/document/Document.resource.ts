import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationField } from '../../../shared/parameters/operation-field';
import * as uploadImage from './uploadImage.operation';

export const operations: Record<string, ItemOperation> = {
	uploadImage: uploadImage.execute,
};

export const description: INodeProperties[] = [
	operationField(
		'document',
		[
			{
				name: 'Upload Document Image',
				value: 'uploadImage',
				description: 'Upload the front or back image of a document',
				action: 'Upload a document image',
			},
		],
		'uploadImage',
	),
	...uploadImage.description,
];
