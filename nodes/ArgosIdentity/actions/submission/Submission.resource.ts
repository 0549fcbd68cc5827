import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as deleteSubmission from './delete.operation';
import * as deleteFields from './deleteFields.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as putImage from './putImage.operation';
import * as review from './review.operation';
import * as update from './update.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['get', 'getAll'];

/** The uploads and downloads: their Options → Timeout defaults to 60 s rather than 30 s. */
export const transferOperations: string[] = ['putImage'];

export const operations: Record<string, ItemOperation> = {
	delete: deleteSubmission.execute,
	deleteFields: deleteFields.execute,
	get: get.execute,
	getAll: getAll.execute,
	putImage: putImage.execute,
	review: review.execute,
	update: update.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'submission',
		[
			{ name: 'Delete', value: 'delete', description: "Delete a submission's personal data and images", action: 'Delete a submission' },
			{
				name: 'Delete Fields',
				value: 'deleteFields',
				description: 'Delete chosen images or data of a submission for good, keeping its KYC result',
				action: 'Delete fields of a submission',
			},
			{ name: 'Get', value: 'get', description: 'Get a submission with its KYC result', action: 'Get a submission' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many submissions by user ID, e-mail or date', action: 'Get many submissions' },
			{ name: 'Put Submission Image', value: 'putImage', description: 'Set or replace images of a submission', action: 'Put submission images' },
			{ name: 'Review', value: 'review', description: 'Approve or reject a pending submission, with a comment and corrections', action: 'Review a submission' },
			{ name: 'Update', value: 'update', description: 'Approve or reject a submission, or correct its data', action: 'Update a submission' },
		],
		'putImage',
		readOperations,
	),
	...deleteSubmission.description,
	...deleteFields.description,
	...get.description,
	...getAll.description,
	...putImage.description,
	...review.description,
	...update.description,
];
