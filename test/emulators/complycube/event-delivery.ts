import { createHmac } from 'node:crypto';
import { newId, now } from './clock';
import { spelledEventType } from './constants';
import type { Context } from './context';
import type { ComplyCubeEvent, ComplyCubeWebhook } from './store';

// [Docs other-resources/webhooks] reply 2xx within 15 s, else the attempt has failed.
const DELIVERY_TIMEOUT_MS = 15_000;

// [Node SDK EventVerifier.constructEvent; PHP SDK EventVerifier] lowercase hex HMAC-SHA256 of the raw body, keyed with the webhook secret.
export function signatureOf(secret: string, body: string): string {
	return createHmac('sha256', secret).update(body).digest('hex');
}

// [Docs other-resources/webhooks "events ... ["*"] indicates that all events will be published"]
const subscribed = (webhook: ComplyCubeWebhook, type: string) => webhook.enabled && (webhook.events.includes('*') || webhook.events.includes(type));

/** Records an event and delivers it to every enabled webhook subscribed to its type. */
export function emit(context: Context, name: string, resourceType: string, payload: Record<string, unknown>): ComplyCubeEvent {
	// [Docs other-resources/webhooks "Event Types", v1.7.3 vs v1.7.2] spelled in the family this emulator speaks.
	const type = spelledEventType(name, context.options.eventNames);
	// [Node SDK EventVerifier.d.ts Event; Docs webhooks "The Event object"] {id, type, resourceType, payload, createdAt}.
	const event: ComplyCubeEvent = { id: newId(), type, resourceType, payload, createdAt: now() };
	context.store.events.push(event);
	if (context.work.isClosed) return event;
	const body = JSON.stringify(event);
	for (const webhook of context.store.webhooks.values()) {
		if (subscribed(webhook, type)) void context.work.track(attempt(context, webhook.id, event, body, 1));
	}
	return event;
}

async function attempt(context: Context, webhookId: string, event: ComplyCubeEvent, body: string, attemptNumber: number): Promise<void> {
	const webhook = context.store.webhooks.get(webhookId);
	// inferred: a webhook deleted or disabled meanwhile gets no further attempts.
	if (!webhook || !webhook.enabled || context.work.isClosed) return;
	const signature = signatureOf(webhook.secret, body);
	let status: number | 'network-error';
	try {
		const response = await fetch(webhook.url, {
			method: 'POST',
			// [apis.md; Node SDK EventVerifier] the signature travels in the ComplyCube-Signature header.
			headers: { 'content-type': 'application/json', 'ComplyCube-Signature': signature },
			body,
			redirect: 'manual',
			signal: AbortSignal.any([context.abort.signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
		});
		status = response.status;
		await response.arrayBuffer().catch(() => undefined);
	} catch {
		status = 'network-error';
	}
	if (context.work.isClosed) return;
	context.store.deliveries.push({ webhookId, url: webhook.url, eventId: event.id, eventType: event.type, attempt: attemptNumber, status, body, signature });
	if (typeof status === 'number' && status >= 200 && status < 300) return;
	// [Docs other-resources/webhooks] failed deliveries are resent on a back-off schedule (60 s, 120 s, 480 s ... 10 times);
	// here the schedule is deliveryRetryDelaysMs, so tests need not wait minutes.
	const delay = context.options.deliveryRetryDelaysMs[attemptNumber - 1];
	if (delay === undefined) {
		// [Docs other-resources/webhooks] "After which, the corresponding webhook will be disabled."
		webhook.enabled = false;
		webhook.updatedAt = now();
		return;
	}
	context.work.after(delay, () => attempt(context, webhookId, event, body, attemptNumber + 1));
}
