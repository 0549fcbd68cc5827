import {
	NodeApiError,
	NodeOperationError,
	type INode,
	type JsonObject,
} from 'n8n-workflow';

import { InputRefusal } from '../parameters/input-refusal';
import { ServiceError, ServiceUnreachableError, UnexpectedAnswerError } from './service-error';

export type NodeError = NodeApiError | NodeOperationError;

/** n8n's own errors point at the item with this suffix, e.g. "Invalid expression [item 2]"; a trigger has no item. */
const atItem = (message: string, itemIndex: number | undefined) => (itemIndex === undefined ? message : `${message} [item ${itemIndex}]`);

const STATUS_ADVICE: Record<number, string> = {
	401: 'Check the API key in the credential: the service did not accept it.',
	403: 'Check the credential: the service refused its key or token, or it lacks the permission this needs.',
	404: 'Check the ID: the service has no such record (IDs from another environment, e.g. sandbox vs live, are not found).',
	413: 'The request was too large for the service: send a smaller file.',
	429: 'The service is rate-limiting this account; the node retried with backoff. Slow the workflow down (e.g. Loop Over Items with a Wait) and run it again.',
};

/** Turns whatever an operation threw into the n8n error a user sees, with the item index and never a secret. */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined && !error.message.endsWith(']')) error.message = atItem(error.message, itemIndex);
		if (itemIndex !== undefined) error.context.itemIndex ??= itemIndex;
		return error;
	}
	if (error instanceof InputRefusal) {
		return new NodeOperationError(node, atItem(error.message, itemIndex), {
			itemIndex,
			description: `${error.description} Nothing was sent for this item.`,
		});
	}
	if (error instanceof ServiceError) {
		const body = (typeof error.body === 'object' && error.body !== null ? error.body : { message: error.serviceMessage }) as JsonObject;
		return new NodeApiError(node, body, {
			message: atItem(error.message, itemIndex),
			description: STATUS_ADVICE[error.status] ?? `The service answered: ${JSON.stringify(error.body)}`,
			httpCode: String(error.status),
			itemIndex,
		});
	}
	if (error instanceof ServiceUnreachableError) {
		// No `code` in the body: NodeApiError would replace the message with a generic one for it.
		return new NodeApiError(node, { message: error.message }, {
			message: atItem(error.message, itemIndex),
			description: error.mayHaveArrived
				? 'The connection failed after the request was sent, so the upload may have arrived: check the service before running this item again.'
				: 'Nothing reached the service. Check the Base URL in the credential and that the service is up.',
			itemIndex,
		});
	}
	if (error instanceof UnexpectedAnswerError) {
		return new NodeApiError(node, { message: error.message }, {
			message: atItem(error.message, itemIndex),
			description: 'The service accepted the request but its answer is not the one it documents, so the node cannot say what it did. Check the record in the service before running this item again, and check that the Base URL points at the service itself, not a proxy or login page.',
			httpCode: String(error.status),
			itemIndex,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, atItem(message, itemIndex), { itemIndex });
}
