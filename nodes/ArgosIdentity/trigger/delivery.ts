import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { toNodeError } from '../../shared/http/node-errors';
import { decryptArgosJson, encryptionSettings, isEncryptedBody } from '../transport/encryption';
import { readSubmission } from '../transport/submissions';
import { isSelected } from './events';
import { deliveryKey, rememberDelivery, seenWithin, type SeenDeliveries } from './repeats';
import { tokenMatches } from './token';

export const TOKEN_PARAMETER = 'token';

/** Options → Ignore Repeats Within (Minutes): its default. */
export const REPEAT_WINDOW_MINUTES = 10;

type Answer = ReturnType<IWebhookFunctions['getResponseObject']>;

function refuse(response: Answer, status: number, message: string): IWebhookResponseData {
	response.status(status).json({ message });
	return { noWebhookResponse: true };
}

/**
 * One delivery from Argos. In order: the credential's Webhook Token, when set, must be the URL's ?token=
 * (else 401); an encrypted body ({"data": "…"} [WH]) must decrypt with the credential's key, and with
 * Encrypted Payload on only an encrypted body is taken (else 401); an event not chosen answers 200 and
 * starts nothing, and so does the same event again within the repeat window; otherwise the event starts the workflow, with the submission as Argos holds it under
 * `submission` when Fetch Full Submission is on.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const response = this.getResponseObject();
	const credentials = await this.getCredentials('argosIdentityApi');
	const token = String(credentials.webhookToken ?? '').trim();
	if (token && !tokenMatches((this.getQueryData() as IDataObject)[TOKEN_PARAMETER], token)) return refuse(response, 401, 'Invalid or missing token');
	const body = this.getBodyData();
	let event: IDataObject;
	if (isEncryptedBody(body)) {
		const settings = encryptionSettings(credentials);
		const decrypted = decryptArgosJson(body.data, settings.keys, settings.module);
		if (!decrypted) return refuse(response, 401, "The body does not decrypt with the credential's key and Encryption Module");
		event = decrypted as IDataObject;
	} else if (this.getNodeParameter('encryptedPayload', false) as boolean) {
		return refuse(response, 401, 'Expected an encrypted body ({"data": "…"}), as Encrypted Payload is on');
	} else {
		event = body;
	}
	const trigger = typeof event.webhook_trigger === 'string' ? event.webhook_trigger : '';
	const events = this.getNodeParameter('events', []) as string[];
	if (!trigger || !isSelected(events, trigger)) {
		response.status(200).json({ received: true, ignored: true });
		return { noWebhookResponse: true };
	}
	// A redelivery or replay of an event already run (repeats.ts says what "the same" is) starts nothing.
	const data = this.getWorkflowStaticData('node') as SeenDeliveries;
	const windowMs = Math.max(0, Number(this.getNodeParameter('options.repeatWindowMinutes', REPEAT_WINDOW_MINUTES)) || 0) * 60_000;
	const key = deliveryKey(event);
	const now = Date.now();
	if (seenWithin(data, key, now, windowMs)) {
		response.status(200).json({ received: true, duplicate: true });
		return { noWebhookResponse: true };
	}
	const item: IDataObject = { ...event };
	if ((this.getNodeParameter('options.fetchFullSubmission', false) as boolean) && typeof event.submission_id === 'string' && event.submission_id) {
		try {
			item.submission = await readSubmission(this, event.submission_id);
		} catch (error) {
			// n8n answers 500, so the sender knows the delivery was not handled.
			throw toNodeError(this.getNode(), error);
		}
	}
	// Remembered only now, so a delivery whose Fetch Full Submission failed can run when Argos sends it again;
	// answered here, not by n8n, so that n8n saves the static data (see the ComplyCube trigger's delivery.ts).
	rememberDelivery(data, key, now, windowMs);
	response.status(200).json({ received: true });
	return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(item)] };
}
