import { isoNow } from './clock';
import type { ArgosWebhookTrigger } from './constants';
import { argosEncrypt } from './encryption';
import type { ArgosState, ArgosSubmission } from './store';

// Inferred: no page gives Argos's delivery timeout; 10 s keeps a hung receiver from holding a test.
const DELIVERY_TIMEOUT_MS = 10_000;

/** What an event adds: the admin and fields of an update, the monitoring records of aml_monitor. */
export interface WebhookExtra {
	admin?: string;
	updated?: string[];
	records?: Array<{ worklistId: string; recordId: string; status: string }>;
}

/** What the submission's people fields look like in a webhook body [WH-GB] [WH-UPD]. */
function personFields(submission: ArgosSubmission): Record<string, unknown> {
	const data = submission.data ?? {};
	return {
		...(submission.email ? { email: submission.email } : {}),
		...(submission.userid ? { userid: submission.userid } : {}),
		...(data.age_group ? { age_group: data.age_group } : {}),
		...(data.gender ? { gender: data.gender } : {}),
		...(data.date_of_birth ? { date_of_birth: data.date_of_birth } : {}),
		...(data.nationality ? { nationality: data.nationality } : {}),
		// [WH-GB] approved/rejected carry tokenId and cf {cf1, cf2, cf3}; [AML-MON-WH] aml_monitor too.
		...(submission.tokenId ? { tokenId: submission.tokenId } : {}),
		...(submission.cf ? { cf: submission.cf } : {}),
	};
}

/**
 * The body Argos posts for an event. approved/rejected follow [WH-GB] (kyc_result with status, dates,
 * reviewer; comment only on rejected; `fullName`, `idType`); updated follows [WH-UPD] (data.update lists
 * the fields changed, admin, update_time in ISO 8601, `full_name`). The other events' bodies are not
 * shown in the docs: inferred as {webhook_trigger, submission_id} with the person fields.
 */
export function webhookPayload(id: string, submission: ArgosSubmission, event: ArgosWebhookTrigger, extra: WebhookExtra = {}): Record<string, unknown> {
	const base = { webhook_trigger: event, submission_id: id, ...personFields(submission) };
	const fullName = submission.data?.full_name;
	if (event === 'approved' || event === 'rejected') {
		return {
			...base,
			kyc_result: {
				status: submission.kyc?.result ?? event,
				created_at: submission.createdAt,
				updated_at: submission.updatedAt,
				...(submission.pendingAt ? { pending_at: submission.pendingAt } : {}),
				...(submission.kycResultAt ? { kyc_result_at: submission.kycResultAt } : {}),
				...(submission.reviewer ? { reviewer: submission.reviewer } : {}),
				...(event === 'rejected' ? { comment: submission.kyc?.comment ?? [] } : {}),
			},
			...(fullName ? { fullName } : {}),
			...(submission.idType ? { idType: submission.idType } : {}),
		};
	}
	if (event === 'updated') {
		return {
			...base,
			data: {
				update: extra.updated ?? [],
				kyc_result: submission.kyc?.result,
				...(submission.pendingAt ? { pending_at: submission.pendingAt } : {}),
				...(submission.reviewer ? { reviewer: submission.reviewer } : {}),
			},
			...(extra.admin ? { admin: extra.admin } : {}),
			update_time: isoNow(),
			...(fullName ? { full_name: fullName } : {}),
		};
	}
	// [AML-MON-WH] aml_monitor: webhook_trigger, submission_id, email, userid, tokenId, cf and the "Array of
	// registered Record data"; the array's name (records) and its entries' fields are inferred.
	if (event === 'aml_monitor') return { ...base, records: extra.records ?? [] };
	return { ...base, ...(extra.admin ? { admin: extra.admin } : {}) };
}

/**
 * Posts one event to the URL set in the dashboard [WH: Settings → General → Access Management → Webhook
 * URL], as JSON, or as {"data": "<encrypted>"} when the encryption option is on [WH]. POST [WH-SEC]. One
 * attempt: Argos's retry policy is not documented. Nothing is sent when no URL is set.
 */
export function deliver(state: ArgosState, id: string, event: ArgosWebhookTrigger, extra: WebhookExtra = {}): void {
	const webhook = state.webhook;
	const submission = state.submissions.get(id);
	if (!webhook || !submission || state.closed) return;
	const payload = webhookPayload(id, submission, event, extra);
	const text = JSON.stringify(payload);
	const body = webhook.encrypted ? JSON.stringify({ data: argosEncrypt(text, webhook.secretKey ?? state.apiKey, webhook.module) }) : text;
	const sent = (async () => {
		let status: number | 'network-error';
		try {
			const response = await fetch(webhook.url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body,
				redirect: 'manual',
				signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
			});
			status = response.status;
			await response.arrayBuffer().catch(() => undefined);
		} catch {
			status = 'network-error';
		}
		state.deliveries.push({ url: webhook.url, event, submissionId: id, body, payload, status });
	})();
	state.pending.add(sent);
	void sent.finally(() => state.pending.delete(sent));
}
