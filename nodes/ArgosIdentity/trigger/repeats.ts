import { createHash } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import { rememberEvent } from '../../shared/webhooks/seen-events';

/** What the trigger keeps in the workflow's static data: the deliveries it ran, with when. */
export interface SeenDeliveries extends IDataObject {
	seenDeliveries?: Array<{ key: string; at: number }>;
}

/** JSON with object keys sorted, so the same event re-serialised gives the same text. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/**
 * The key of one Argos event. Argos's payload has no event id [WH]; it carries `submission_id` and
 * `webhook_trigger`, and the times of what happened (`kyc_result.updated_at`, `update_time` [WH-GB] [WH-UPD]).
 * So the key is `<webhook_trigger>:<submission_id>:` + sha256 of the whole decrypted event (keys sorted): a
 * redelivery or a replay of the same event matches; a later event of the same kind on the same submission
 * differs in its times, or in what it carries, and does not.
 */
export function deliveryKey(event: IDataObject): string {
	const digest = createHash('sha256').update(canonical(event)).digest('hex');
	return `${String(event.webhook_trigger ?? '')}:${String(event.submission_id ?? '')}:${digest}`;
}

/** Whether this key ran within the window (milliseconds before now). */
export function seenWithin(data: SeenDeliveries, key: string, now: number, windowMs: number): boolean {
	return windowMs > 0 && (data.seenDeliveries ?? []).some((entry) => entry.key === key && now - entry.at < windowMs);
}

/** Remembers a key that ran, forgetting those older than the window. */
export function rememberDelivery(data: SeenDeliveries, key: string, now: number, windowMs: number): void {
	if (windowMs <= 0) return;
	const live = (data.seenDeliveries ?? []).filter((entry) => now - entry.at < windowMs);
	data.seenDeliveries = rememberEvent(live, { key, at: now });
}
