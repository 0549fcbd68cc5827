import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/items/per-item-runner';
import * as client from './client/Client.resource';
import * as document from './document/Document.resource';
import * as livePhoto from './livePhoto/LivePhoto.resource';

interface Resource {
	name: string;
	value: string;
	operations: Record<string, ItemOperation>;
	description: INodeProperties[];
}

/** Every resource of the ComplyCube node, in the order the Resource list shows them. */
export const resources: Resource[] = [
	{ name: 'Client', value: 'client', ...client },
	{ name: 'Document', value: 'document', ...document },
	{ name: 'Live Photo', value: 'livePhoto', ...livePhoto },
];
