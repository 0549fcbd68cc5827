import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

import { InputRefusal } from '../parameters/input-refusal';
import { AnswerTooLargeError } from './response-body';
import { MAX_ATTEMPTS } from './retry-policy';
import {
	NothingStoredError,
	ThrottledTooLongError,
	ServiceError,
	ServiceUnreachableError,
	UncertainOutcomeError,
	UnexpectedAnswerError,
	summarise,
} from './service-error';

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
			description: STATUS_ADVICE[error.status] ?? serverAdvice(error),
			httpCode: String(error.status),
			itemIndex,
		});
	}
	if (error instanceof ServiceUnreachableError) {
		// No `code` in the body: NodeApiError would replace the message with a generic one for it.
		return new NodeApiError(
			node,
			{ message: error.message },
			{
				message: atItem(error.message, itemIndex),
				// Creates that may have arrived are UncertainOutcomeErrors; what is left here replaces what it sets.
				description: error.mayHaveArrived
					? `The connection failed after the request was sent, on each of up to ${MAX_ATTEMPTS} attempts. This request only replaces what it sets, so running the item again is safe: check that the service is up and the Base URL is right, or raise Options → Timeout if the service is slow.`
					: 'Nothing reached the service. Check the Base URL in the credential and that the service is up.',
				itemIndex,
			},
		);
	}
	if (error instanceof UncertainOutcomeError) {
		return new NodeApiError(
			node,
			{ message: error.message },
			{
				message: atItem(error.message, itemIndex),
				description: `${error.service} may have stored it, and the node could not find out${error.lookupFailure ? '' : ' (this operation has no way to ask)'}, so it did not send it again. ${error.howToCheck} Run the item again only if it is not there.`,
				...(error.failure instanceof ServiceError ? { httpCode: String(error.failure.status) } : {}),
				itemIndex,
			},
		);
	}
	if (error instanceof NothingStoredError) {
		return new NodeApiError(
			node,
			{ message: error.message },
			{
				message: atItem(error.message, itemIndex),
				description: `${error.service} was asked after the failure and holds nothing from this request, so nothing was stored: running this item again is safe (once the service answers again).`,
				...(error.failure instanceof ServiceError ? { httpCode: String(error.failure.status) } : {}),
				itemIndex,
			},
		);
	}
	if (error instanceof ThrottledTooLongError) {
		return new NodeApiError(
			node,
			{ message: error.message },
			{
				message: atItem(error.message, itemIndex),
				description: `${error.service} refused before acting, so nothing was stored and running the item again is safe. The account's rate is used up by something else too (another workflow, process or program with the same key): set the credential's rate limit and Processes Sharing This Key to match, or raise Options → Timeout so the item can wait longer.`,
				httpCode: '429',
				itemIndex,
			},
		);
	}
	if (error instanceof AnswerTooLargeError) {
		return new NodeApiError(
			node,
			{ message: error.message },
			{
				message: atItem(error.message, itemIndex),
				description: `A file from ${error.service} is never larger than ${Math.round(error.maxBytes / 100_000) / 10} MB, so this answer is not the file asked for (check the Base URL points at ${error.service} itself, not a proxy). Nothing was kept of it.`,
				itemIndex,
			},
		);
	}
	if (error instanceof UnexpectedAnswerError) {
		return new NodeApiError(
			node,
			{ message: error.message },
			{
				message: atItem(error.message, itemIndex),
				description:
					'The service accepted the request but its answer is not the one it documents, so the node cannot say what it did. Check the record in the service before running this item again, and check that the Base URL points at the service itself, not a proxy or login page.',
				httpCode: String(error.status),
				itemIndex,
			},
		);
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, atItem(message, itemIndex), { itemIndex });
}

/** For a status with no advice of its own: a server fault after retries, or the service's answer in one line. */
function serverAdvice(error: ServiceError): string {
	if (error.status >= 300 && error.status < 400) {
		return 'Nothing was done: the service answered with a redirect instead. The node follows a read to the same address only: an upload or change is not sent on (a redirected request can lose its body or be sent twice), and the key is never sent to another host. Set the Base URL in the credential to the address the redirect names, for example https:// instead of http://.';
	}
	if (error.status >= 500) {
		return `The service failed (HTTP ${error.status}: ${summarise(error.body)}). The node retried what was safe to retry; try again later, and check the service's status page if it keeps failing.`;
	}
	return `The service answered HTTP ${error.status}: ${summarise(error.body)}. Check the parameters of this item against that answer.`;
}
