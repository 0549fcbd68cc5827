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
	/** The digests of the events that ran (delivery.ts eventKey). */
	seenEvents?: string[];
	/** What an earlier version kept instead: the event ids as they came. Dropped on the next write. */
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

/** ComplyCube's webhooks that post to this URL (it allows 20 in all, so one page of 100 holds them). */
async function webhooksAt(ctx: IHookFunctions, url: string): Promise<IDataObject[]> {
	// [Docs v1.7.2 webhooks/filtering-webhooks] `url` is a list filter; matched again here all the same.
	const answer = await complyCubeApiRequest(ctx, { method: 'GET', path: '/webhooks', qs: { url, page: 1, pageSize: 100 }, idempotent: true, answer: 'items' });
	return (answer.items as IDataObject[]).filter((hook) => hook && hook.url === url && typeof hook.id === 'string');
}

async function removeWebhook(ctx: IHookFunctions, id: string): Promise<void> {
	try {
		await complyCubeApiRequest(ctx, { method: 'DELETE', path: `/webhooks/${pathSegment(id)}`, idempotent: true, answer: 'empty' });
	} catch (error) {
		// Already gone: what a removal wants.
		if (!(error instanceof ServiceError && error.status === 404)) throw toNodeError(ctx.getNode(), error);
	}
}

/**
 * Removes every webhook ComplyCube holds for this workflow's URL but `keep`. The URL holds the trigger's own
 * webhook id, so a webhook posting there is this trigger's: one whose create answer was lost, or whose id the
 * static data no longer holds. ComplyCube shows a secret only at creation, so the trigger cannot check what
 * such a webhook delivers (each delivery would be refused and retried), and it counts against the 20 allowed.
 */
async function removeWebhooksAt(ctx: IHookFunctions, url: string, keep?: string): Promise<void> {
	for (const hook of await webhooksAt(ctx, url)) {
		if (hook.id !== keep) await removeWebhook(ctx, String(hook.id));
	}
}

export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default') as string;
	const body = { url, enabled: true, events: REGISTERED_EVENTS, description: `n8n workflow "${this.getWorkflow().name ?? this.getWorkflow().id}"` };
	let hook: IDataObject;
	try {
		await removeWebhooksAt(this, url);
		hook = await complyCubeApiRequest(this, {
			method: 'POST',
			path: '/webhooks',
			body,
			idempotent: false,
			// The answer was lost (a dropped connection, a timeout, a 5xx): ComplyCube is asked what it holds for
			// this URL. A webhook it made cannot be used without the secret its answer carried, so it is removed,
			// and the create is sent again (callService sends it again when nothing is left): one webhook, not two.
			reconcile: async () => {
				await removeWebhooksAt(this, url);
				return undefined;
			},
			howToCheck: `In the ComplyCube portal, delete the webhooks whose URL is ${url} (or deactivate this workflow, which removes them), then activate it again.`,
		});
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
			description: 'Deliveries cannot be checked without the secret. Deactivate the workflow (which removes the webhook) and activate it again.',
		});
	}
	const data = this.getWorkflowStaticData('node') as WebhookRegistration;
	data.webhookId = hook.id;
	data.webhookSecret = hook.secret;
	data.seenEvents = [];
	return true;
}

/** Removes the webhook this trigger registered and any other it left at ComplyCube (every webhook with its URL). */
export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node') as WebhookRegistration;
	try {
		if (data.webhookId) await removeWebhook(this, data.webhookId);
		await removeWebhooksAt(this, this.getNodeWebhookUrl('default') as string);
	} catch (error) {
		throw toNodeError(this.getNode(), error);
	}
	clear(data);
	return true;
}

function clear(data: WebhookRegistration) {
	delete data.webhookId;
	delete data.webhookSecret;
	delete data.seenEvents;
	delete data.seenEventIds;
}
