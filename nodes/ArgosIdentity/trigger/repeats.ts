import type { IDataObject } from 'n8n-workflow';

import { eventDigest, keptEvents, rememberEvents } from '../../shared/webhooks/seen-events';

/** What the trigger keeps in the workflow's static data: the digests of the deliveries it ran, with when. */
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
 * The key of one Argos event: the sha256 of the whole decrypted event, keys sorted. Argos's payload has no
 * event id [WH]; it carries `webhook_trigger`, `submission_id` and the times of what happened
 * (`kyc_result.updated_at`, `update_time` [WH-GB] [WH-UPD]). So a redelivery or a replay of the same event
 * matches (a GCM redelivery too, once decrypted), and a later event of the same kind on the same submission
 * differs in its times or in what it carries, and does not. 64 characters whatever the event holds.
 */
export function deliveryKey(event: IDataObject): string {
	return eventDigest(canonical(event));
}

/** Whether this key ran within the window (milliseconds before now). */
export function seenWithin(data: SeenDeliveries, key: string, now: number, windowMs: number): boolean {
	return windowMs > 0 && keptEvents<{ key: string; at: number }>(data.seenDeliveries).some((entry) => entry.key === key && now - entry.at < windowMs);
}

/**
 * Remembers the deliveries that ran (this one, and the others this process ran lately, which this request's
 * copy of the static data may predate: delivery-claims.ts runDeliveries), forgetting those older than the window.
 */
export function rememberDeliveries(data: SeenDeliveries, ran: ReadonlyArray<{ key: string; at: number }>, now: number, windowMs: number): void {
	if (windowMs <= 0) return;
	const live = keptEvents<{ key: string; at: number }>(data.seenDeliveries).filter((entry) => now - entry.at < windowMs);
	data.seenDeliveries = rememberEvents(live, ran);
}
