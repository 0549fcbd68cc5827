import type { INodeProperties } from 'n8n-workflow';

import { withTimeout } from '../parameters/timeout-option';
import { withParallelRequests } from './parallel-requests';
import type { Resource } from './resources';

/**
 * The options every operation of a node offers, added once where the node class builds its properties, so no
 * operation file carries them: Timeout (sorted among the operation's own options, its default chosen by the
 * resource's `transferOperations`), then Parallel Requests after them all.
 */
export function withOperationOptions(properties: INodeProperties[], resources: readonly Resource[]): INodeProperties[] {
	return withParallelRequests(withTimeout(properties, resources));
}
