import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { toNodeError } from '../../shared/http/node-errors';
import { pathSegment } from '../../shared/http/path-segment';
import { ServiceError } from '../../shared/http/service-error';
import { complyCubeApiRequest } from '../transport';

/** What the trigger keeps in the workflow's static data between activation and deactivation. */
export interface WebhookRegistration extends IDataObject {
	webhookId?: string;
	/** Returned by ComplyCube only when the webhook is created; needed to check every delivery. */
	webhookSecret?: string;
	seenEventIds?: string[];
}

/**
 * What the webhook subscribes to: always ComplyCube's wildcard ("["*"] indicates that all events will be
 * published" [Docs webhooks]). The copies of the docs spell the completed-check events two ways
 * (`check.completed.clear` / `check.complete.clear`) and ComplyCube refuses an unknown name, so naming them
 * could fail activation or, worse, register a name it never sends. The chosen events are picked on the n8n
 * side from each delivery's `type` (delivery.ts).
 */
export const REGISTERED_EVENTS = ['*'];

const sameEvents = (a: unknown) => Array.isArray(a) && a.length === 1 && a[0] === '*';

/** Whether ComplyCube still holds this workflow's webhook, enabled, for the same URL and events. */
export async function webhookExists(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node') as WebhookRegistration;
	if (!data.webhookId) return false;
	try {
		const hook = await complyCubeApiRequest(this, { method: 'GET', path: `/webhooks/${pathSegment(data.webhookId)}`, idempotent: true });
		const current = hook.url === this.getNodeWebhookUrl('default') && sameEvents(hook.events) && hook.enabled !== false;
		if (current && data.webhookSecret) return true;
		// Changed, disabled by ComplyCube after failed deliveries, or its secret lost: replace it.
		await deleteWebhook.call(this);
		return false;
	} catch (error) {
		if (error instanceof ServiceError && error.status === 404) {
			clear(data);
			return false;
		}
		throw toNodeError(this.getNode(), error);
	}
}

export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default') as string;
	const body = { url, enabled: true, events: REGISTERED_EVENTS, description: `n8n workflow "${this.getWorkflow().name ?? this.getWorkflow().id}"` };
	let hook: IDataObject;
	try {
		hook = await complyCubeApiRequest(this, { method: 'POST', path: '/webhooks', body, idempotent: false });
	} catch (error) {
		if (error instanceof ServiceError && error.status === 400 && url.startsWith('http:')) {
			throw new NodeOperationError(this.getNode(), `ComplyCube accepts only https webhook URLs, and this workflow's URL is ${url}`, {
				description: `Set n8n's WEBHOOK_URL environment variable (N8N_WEBHOOK_URL from n8n 2) to the public https address of this n8n (e.g. https://n8n.example.com/), restart n8n and activate the workflow again. ComplyCube said: ${error.serviceMessage}`,
			});
		}
		throw toNodeError(this.getNode(), error);
	}
	if (typeof hook.id !== 'string' || typeof hook.secret !== 'string') {
		throw new NodeOperationError(this.getNode(), 'ComplyCube created the webhook but did not return its id and secret', {
			description: 'Deliveries cannot be checked without the secret. Delete the webhook in the ComplyCube portal and activate the workflow again.',
		});
	}
	const data = this.getWorkflowStaticData('node') as WebhookRegistration;
	data.webhookId = hook.id;
	data.webhookSecret = hook.secret;
	data.seenEventIds = [];
	return true;
}

export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node') as WebhookRegistration;
	if (data.webhookId) {
		try {
			await complyCubeApiRequest(this, { method: 'DELETE', path: `/webhooks/${pathSegment(data.webhookId)}`, idempotent: true, answer: 'empty' });
		} catch (error) {
			if (!(error instanceof ServiceError && error.status === 404)) throw toNodeError(this.getNode(), error);
		}
	}
	clear(data);
	return true;
}

function clear(data: WebhookRegistration) {
	delete data.webhookId;
	delete data.webhookSecret;
	delete data.seenEventIds;
}
