import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { toNodeError } from '../../shared/http/node-errors';
import { claimDelivery, markRun, releaseDelivery, runDeliveries, triggerScope } from '../../shared/webhooks/delivery-claims';
import { decryptArgosJson, encryptionSettings, isEncryptedBody } from '../transport/encryption';
import { readSubmission } from '../transport/submissions';
import { isSelected } from './events';
import { deliveryKey, rememberDeliveries, seenWithin, type SeenDeliveries } from './repeats';
import { tokenMatches } from './token';

export const TOKEN_PARAMETER = 'token';

/** Options → Ignore Repeats Within (Minutes): its default. */
export const REPEAT_WINDOW_MINUTES = 10;

/** What an unauthenticated delivery is answered, when the trigger has no way to tell Argos from anyone else. */
export const UNAUTHENTICATED_REFUSAL =
	"This trigger takes only deliveries it can authenticate: set a Webhook Token in the Argos Identity credential and add ?token=… to the Webhook URL in the Argos dashboard, or turn on the project's webhook encryption and Encrypted Payload; or, knowing anyone could start the workflow, turn on Accept Unauthenticated Deliveries";

type Answer = ReturnType<IWebhookFunctions['getResponseObject']>;

function refuse(response: Answer, status: number, message: string): IWebhookResponseData {
	response.status(status).json({ message });
	return { noWebhookResponse: true };
}

/**
 * One delivery from Argos. In order: the credential's Webhook Token, when set, must be the URL's ?token=
 * (else 401); an encrypted body ({"data": "…"} [WH]) must decrypt with the credential's key, and with
 * Encrypted Payload on only an encrypted body is taken (else 401); a delivery that neither carried the token
 * nor decrypted is refused (403) unless Accept Unauthenticated Deliveries is on: Argos signs nothing, so
 * anyone who learns the URL could otherwise start the workflow. An event not chosen answers 200 and starts
 * nothing, and so does the same event again within the repeat window; otherwise the event starts the
 * workflow, with the submission as Argos holds it under `submission` when Fetch Full Submission is on.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const response = this.getResponseObject();
	const credentials = await this.getCredentials('argosIdentityApi');
	const token = String(credentials.webhookToken ?? '').trim();
	if (token && !tokenMatches((this.getQueryData() as IDataObject)[TOKEN_PARAMETER], token)) return refuse(response, 401, 'Invalid or missing token');
	const body = this.getBodyData();
	let event: IDataObject;
	let decrypted = false;
	if (isEncryptedBody(body)) {
		const settings = encryptionSettings(credentials);
		const opened = decryptArgosJson(body.data, settings.keys, settings.module);
		if (!opened) return refuse(response, 401, "The body does not decrypt with the credential's key and Encryption Module");
		event = opened as IDataObject;
		decrypted = true;
	} else if (this.getNodeParameter('encryptedPayload', false) as boolean) {
		return refuse(response, 401, 'Expected an encrypted body ({"data": "…"}), as Encrypted Payload is on');
	} else {
		event = body;
	}
	if (!token && !decrypted && !(this.getNodeParameter('acceptUnauthenticated', false) as boolean)) {
		this.logger.warn(`Argos Identity Trigger "${this.getNode().name}" refused a delivery it cannot authenticate (403). ${UNAUTHENTICATED_REFUSAL}.`);
		return refuse(response, 403, UNAUTHENTICATED_REFUSAL);
	}
	const trigger = typeof event.webhook_trigger === 'string' ? event.webhook_trigger : '';
	const events = this.getNodeParameter('events', []) as string[];
	if (!trigger || !isSelected(events, trigger)) {
		response.status(200).json({ received: true, ignored: true });
		return { noWebhookResponse: true };
	}
	// A redelivery or replay of an event already run (repeats.ts says what "the same" is) starts nothing: one
	// remembered in the static data (earlier requests), or claimed in this process (requests in flight, whose
	// static data is not written yet; delivery-claims.ts). Checked and claimed with no await in between.
	const data = this.getWorkflowStaticData('node') as SeenDeliveries;
	const windowMs = Math.max(0, Number(this.getNodeParameter('options.repeatWindowMinutes', REPEAT_WINDOW_MINUTES)) || 0) * 60_000;
	const key = deliveryKey(event);
	const scope = triggerScope(this.getWorkflow().id, this.getNode().id);
	const now = Date.now();
	if (windowMs > 0 && (seenWithin(data, key, now, windowMs) || !claimDelivery(scope, key, now, windowMs))) {
		response.status(200).json({ received: true, duplicate: true });
		return { noWebhookResponse: true };
	}
	const item: IDataObject = { ...event };
	if ((this.getNodeParameter('options.fetchFullSubmission', false) as boolean) && typeof event.submission_id === 'string' && event.submission_id) {
		try {
			item.submission = await readSubmission(this, event.submission_id);
		} catch (error) {
			// Not run, so Argos's next attempt of this delivery may run; n8n answers 500, so Argos knows.
			releaseDelivery(scope, key);
			throw toNodeError(this.getNode(), error);
		}
	}
	// Answered here, not by n8n, so that n8n saves the static data (see the ComplyCube trigger's delivery.ts).
	if (windowMs > 0) {
		markRun(scope, key);
		rememberDeliveries(data, runDeliveries(scope, now), now, windowMs);
	}
	response.status(200).json({ received: true });
	return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray(item)] };
}
