import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/items/per-item-runner';
import * as image from './image/Image.resource';
import * as submission from './submission/Submission.resource';

interface Resource {
	name: string;
	value: string;
	operations: Record<string, ItemOperation>;
	readOperations: string[];
	description: INodeProperties[];
}

/** Every resource of the Argos Identity node, in the order the Resource list shows them. */
export const resources: Resource[] = [
	{ name: 'Image', value: 'image', ...image },
	{ name: 'Submission', value: 'submission', ...submission },
];
