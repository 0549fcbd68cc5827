import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { toNodeError } from '../../shared/http/node-errors';
import { pathSegment } from '../../shared/http/path-segment';
import { rememberEvent } from '../../shared/webhooks/seen-events';
import { complyCubeApiRequest } from '../transport';
import { isSelected, RESOURCE_PATHS } from './events';
import type { WebhookRegistration } from './registration';
import { isValidSignature } from './signature';

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
	if (!isValidSignature(request.rawBody ?? Buffer.alloc(0), request.headers['complycube-signature'], data.webhookSecret ?? '')) {
		response.status(401).json({ message: 'Invalid or missing ComplyCube-Signature' });
		return { noWebhookResponse: true };
	}
	const event = this.getBodyData();
	const eventId = typeof event.id === 'string' ? event.id : undefined;
	if (eventId && data.seenEventIds?.includes(eventId)) {
		response.status(200).json({ received: true, duplicate: true });
		return { noWebhookResponse: true };
	}
	// The webhook takes every event (registration.ts): one not chosen is acknowledged, so ComplyCube does not retry it.
	if (!isSelected(this.getNodeParameter('events', []) as string[], String(event.type ?? ''))) {
		response.status(200).json({ received: true, ignored: true });
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
				throw toNodeError(this.getNode(), error);
			}
		}
	}
	if (eventId) data.seenEventIds = rememberEvent(data.seenEventIds ?? [], eventId);
	// Answered here, not by n8n: n8n saves the static data (the remembered id) only when the node answers
	// itself; when n8n answers, it starts the run first, and that resets the "changed" flag (seen in 2.40).
	response.status(200).json({ received: true });
	return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(item)] };
}
