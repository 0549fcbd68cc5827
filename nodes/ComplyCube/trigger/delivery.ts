import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { toNodeError } from '../../shared/http/node-errors';
import { pathSegment } from '../../shared/http/path-segment';
import { claimDelivery, markRun, releaseDelivery, runDeliveries, triggerScope } from '../../shared/webhooks/delivery-claims';
import { eventDigest, keptEvents, rememberEvents } from '../../shared/webhooks/seen-events';
import { complyCubeApiRequest } from '../transport';
import { isSelected, RESOURCE_PATHS } from './events';
import type { WebhookRegistration } from './registration';
import { isValidSignature } from './signature';

/** How long this process holds an event it ran against a second delivery of it (delivery-claims.ts). */
export const CLAIM_HOLD_MS = 10 * 60_000;

/**
 * What makes two deliveries the same event: ComplyCube's event `id` [Docs webhooks "The Event object"]; an
 * event without one (none is documented, but nothing is assumed) is the signed body itself, byte for byte,
 * so a replay of it is caught and any other event is not. Kept as a sha256, whatever the id's length.
 */
export function eventKey(event: IDataObject, rawBody: Buffer): string {
	return typeof event.id === 'string' && event.id ? eventDigest(`id:${event.id}`) : eventDigest(Buffer.concat([Buffer.from('body:'), rawBody]));
}

/**
 * One delivery from ComplyCube. A missing or wrong signature answers 401 and starts nothing; an event
 * already handled (ComplyCube retries, and its signature has no timestamp, so a replay verifies too)
 * answers 200 and starts nothing; so does an event whose `type` (in either spelling, events.ts) was not
 * chosen; otherwise the event starts the workflow, with the full record it is about when Fetch Full
 * Resource is on.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const data = this.getWorkflowStaticData('node') as WebhookRegistration;
	const request = this.getRequestObject();
	const response = this.getResponseObject();
	const rawBody = request.rawBody ?? Buffer.alloc(0);
	if (!isValidSignature(rawBody, request.headers['complycube-signature'], data.webhookSecret ?? '')) {
		response.status(401).json({ message: 'Invalid or missing ComplyCube-Signature' });
		return { noWebhookResponse: true };
	}
	const event = this.getBodyData();
	const key = eventKey(event, rawBody);
	if (keptEvents<string>(data.seenEvents).includes(key)) {
		response.status(200).json({ received: true, duplicate: true });
		return { noWebhookResponse: true };
	}
	// The webhook takes every event (registration.ts): one not chosen is acknowledged, so ComplyCube does not retry it.
	if (!isSelected(this.getNodeParameter('events', []) as string[], String(event.type ?? ''))) {
		response.status(200).json({ received: true, ignored: true });
		return { noWebhookResponse: true };
	}
	// The static data above is this request's own copy: a delivery of the same event in flight in this process
	// holds a claim instead (delivery-claims.ts), taken with no await since the check above.
	const scope = triggerScope(this.getWorkflow().id, this.getNode().id);
	if (!claimDelivery(scope, key, Date.now(), CLAIM_HOLD_MS)) {
		response.status(200).json({ received: true, duplicate: true });
		return { noWebhookResponse: true };
	}
	const item: IDataObject = { ...event };
	if (this.getNodeParameter('options.fetchFullResource', false) as boolean) {
		const resourceType = String(event.resourceType ?? '');
		const id = (event.payload as IDataObject | undefined)?.id;
		if (RESOURCE_PATHS[resourceType] && typeof id === 'string') {
			try {
				item[resourceType] = await complyCubeApiRequest(this, { method: 'GET', path: `${RESOURCE_PATHS[resourceType]}/${pathSegment(id)}`, idempotent: true });
			} catch (error) {
				// Not remembered, so ComplyCube's retry of this delivery gets another chance.
				releaseDelivery(scope, key);
				throw toNodeError(this.getNode(), error);
			}
		}
	}
	// With the other events this process ran lately: this request's copy of the static data may predate them.
	markRun(scope, key);
	data.seenEvents = rememberEvents<string>(
		data.seenEvents,
		runDeliveries(scope, Date.now()).map((ran) => ran.key),
	);
	// An earlier version kept the ids themselves.
	delete data.seenEventIds;
	// Answered here, not by n8n: n8n saves the static data (the remembered id) only when the node answers
	// itself; when n8n answers, it starts the run first, and that resets the "changed" flag (seen in 2.40).
	response.status(200).json({ received: true });
	return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(item)] };
}
