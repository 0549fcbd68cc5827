import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as create from './create.operation';
import * as deleteDocument from './delete.operation';
import * as deleteImage from './deleteImage.operation';
import * as downloadImage from './downloadImage.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as redact from './redact.operation';
import * as update from './update.operation';
import * as uploadImage from './uploadImage.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get', 'getAll', 'downloadImage'];

/** The uploads and downloads: their Options → Timeout defaults to 60 s rather than 30 s. */
export const transferOperations: string[] = ['downloadImage', 'uploadImage'];

export const operations: Record<string, ItemOperation> = {
	create: create.execute,
	delete: deleteDocument.execute,
	deleteImage: deleteImage.execute,
	downloadImage: downloadImage.execute,
	get: get.execute,
	getAll: getAll.execute,
	redact: redact.execute,
	update: update.execute,
	uploadImage: uploadImage.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'document',
		[
			{ name: 'Create', value: 'create', description: 'Create a document of a client, to upload its images to', action: 'Create a document' },
			{ name: 'Delete', value: 'delete', description: 'Delete a document and its images', action: 'Delete a document' },
			{ name: 'Delete Image', value: 'deleteImage', description: 'Delete the front or back image of a document', action: 'Delete a document image' },
			{ name: 'Download Image', value: 'downloadImage', description: 'Download the front or back image of a document', action: 'Download a document image' },
			{ name: 'Get', value: 'get', description: 'Get a document', action: 'Get a document' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many documents of a client', action: 'Get many documents' },
			{
				name: 'Redact Images',
				value: 'redact',
				description: 'Mask the images of a document everywhere, checks included; cannot be undone',
				action: 'Redact the images of a document',
			},
			{ name: 'Update', value: 'update', description: 'Change the type, classification, issuing country or number of a document', action: 'Update a document' },
			{
				name: 'Upload Document Image',
				value: 'uploadImage',
				description: 'Upload the front or back image of a document',
				action: 'Upload a document image',
			},
		],
		'uploadImage',
		readOperations,
	),
	...create.description,
	...deleteDocument.description,
	...deleteImage.description,
	...downloadImage.description,
	...get.description,
	...getAll.description,
	...uploadImage.description,
	...redact.description,
	...update.description,
];
