import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';

export const operations: Record<string, ItemOperation> = {};

export const description: INodeProperties[] = [];
