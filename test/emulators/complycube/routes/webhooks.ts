import { randomBytes } from 'node:crypto';
import { newId, now } from '../clock';
import { eventTypesOf } from '../constants';
import type { Context } from '../context';
import { deleted, invalid, notFound, notJson, ok, parseJson } from '../errors';
import { listAnswer } from '../lists';
import type { ComplyCubeWebhook } from '../store';
import type { Route } from './types';

// [PHP WebhookTest testFilterEnabledHooksOnly; Docs v1.7.2 webhooks/filtering-webhooks] enabled, url, events.
const WEBHOOK_FILTERS = ['enabled', 'url', 'events'];
// [Docs webhooks/create-a-webhook] "You can create up to a maximum of 20 webhooks."
const MAX_WEBHOOKS = 20;
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

// [Docs webhooks (webhook object) "secret ... Only returned at creation"; PHP WebhookTest get/update/list assert secret null]
export function webhookView(webhook: ComplyCubeWebhook, withSecret = false) {
	const { secret, ...fields } = webhook;
	return withSecret ? { ...fields, secret } : fields;
}

// [Docs webhooks/create-a-webhook example "akuPkDmpn1lFiMchfmSjsQMj0sUQ4IRH"] 32 alphanumeric characters.
function newSecret(): string {
	return [...randomBytes(32)].map((byte) => SECRET_ALPHABET[byte % SECRET_ALPHABET.length]).join('');
}

export const webhookRoutes: Route = (context, request, [collection, id, ...rest]) => {
	if (collection !== 'webhooks' || rest.length) return undefined;
	const { method } = request;
	// [Node SDK index.js Webhooks] create POST /webhooks, get GET /webhooks/{id}, update POST /webhooks/{id}, delete DELETE /webhooks/{id}, list GET /webhooks.
	if (method === 'POST' && !id) return createWebhook(context, parseJson(request.body));
	if (method === 'GET' && !id) return listAnswer(context.store.webhooks.values(), request.query, WEBHOOK_FILTERS, (webhook) => webhookView(webhook));
	if (!id) return undefined;
	const webhook = context.store.webhooks.get(id);
	if (!webhook) return method === 'GET' || method === 'POST' || method === 'DELETE' ? notFound('webhook', id) : undefined;
	if (method === 'GET') return ok(webhookView(webhook));
	if (method === 'POST') return updateWebhook(context, webhook, parseJson(request.body));
	if (method === 'DELETE') {
		// [PHP WebhookTest testDeleteWebhook] after a delete, GET fails.
		context.store.webhooks.delete(id);
		return deleted();
	}
	return undefined;
};

function fieldRefusal(context: Context, body: Record<string, unknown>, creating: boolean) {
	if (creating || body.url !== undefined) {
		if (typeof body.url !== 'string' || !body.url) return invalid('"url" is required', 'url');
		let url: URL;
		try {
			url = new URL(body.url);
		} catch {
			return invalid('"url" must be a valid URL', 'url');
		}
		// [Docs webhooks (webhook object) "The URL of the webhook endpoint - must be HTTPS"]; message text inferred.
		// allowHttpWebhooks is this emulator's local-testing switch, off by default.
		const allowed = url.protocol === 'https:' || (context.options.allowHttpWebhooks && url.protocol === 'http:');
		if (!allowed) return invalid('"url" must be a valid HTTPS URL', 'url');
	}
	if (body.enabled !== undefined && typeof body.enabled !== 'boolean') return invalid('"enabled" must be a boolean', 'enabled');
	if (body.description !== undefined && body.description !== null && typeof body.description !== 'string') {
		return invalid('"description" must be a string', 'description');
	}
	if (creating || body.events !== undefined) {
		const events = body.events;
		// [Docs webhooks/create-a-webhook error example] {"type":"invalid_request","message":"'events' should be equal to one of the allowed values:...","param":"type"}
		const allowed = eventTypesOf(context.options.eventNames);
		const valid = Array.isArray(events) && events.length > 0 && events.every((event) => event === '*' || allowed.includes(event as string));
		if (!valid) return invalid(`'events' should be equal to one of the allowed values:${allowed.join(', ')}`, 'type');
	}
	return undefined;
}

function createWebhook(context: Context, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	const refusal = fieldRefusal(context, body, true);
	if (refusal) return refusal;
	// inferred: the 21st webhook is refused with 400.
	if (context.store.webhooks.size >= MAX_WEBHOOKS) return invalid(`You can create up to a maximum of ${MAX_WEBHOOKS} webhooks`);
	const createdAt = now();
	const webhook: ComplyCubeWebhook = {
		id: newId(),
		// [PHP WebhookTest webhook_assertions] description is null when not given.
		description: typeof body.description === 'string' ? body.description : null,
		url: String(body.url),
		// inferred: enabled defaults to true.
		enabled: body.enabled !== false,
		events: body.events as string[],
		secret: newSecret(),
		createdAt,
		updatedAt: createdAt,
	};
	context.store.webhooks.set(webhook.id, webhook);
	// [Docs webhooks/create-a-webhook] "Returns the webhook endpoint object with the secret field populated."
	return ok(webhookView(webhook, true));
}

function updateWebhook(context: Context, webhook: ComplyCubeWebhook, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	const refusal = fieldRefusal(context, body, false);
	if (refusal) return refusal;
	if (typeof body.url === 'string') webhook.url = body.url;
	if (typeof body.enabled === 'boolean') webhook.enabled = body.enabled;
	if (body.description !== undefined) webhook.description = (body.description as string | null) ?? null;
	if (Array.isArray(body.events)) webhook.events = body.events as string[];
	webhook.updatedAt = now();
	// [PHP WebhookTest testUpdateWebhook] the update answer carries no secret.
	return ok(webhookView(webhook));
}
