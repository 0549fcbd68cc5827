import { SEEN_EVENTS_KEPT } from './seen-events';

/*
 * The in-process half of a trigger's repeat guard. n8n hands each request to a production webhook its own copy
 * of the workflow's static data, read from the database when the request arrives and written back after the
 * trigger answered (LiveWebhooks.executeWebhook). So two identical deliveries that arrive together both find
 * the event unseen there, and of two deliveries close together the later write drops what the earlier one
 * remembered. Here, per trigger (n8n's workflow id and node id), this process keeps the events it claimed:
 * a claim is checked and taken in one synchronous step, before anything is awaited, so the second delivery of an
 * event finds the first one's claim and starts nothing; and the events that ran are written into every later
 * copy of the static data (runDeliveries), so no write drops another's. Keys are event digests (seen-events.ts),
 * their number bounded.
 */

/** How many triggers' claims one process keeps; the trigger claimed longest ago is forgotten first. */
const TRIGGERS_KEPT = 1000;

interface Claim {
	/** When it was claimed (ms since the epoch). */
	at: number;
	/** When it lapses. */
	until: number;
	/** Whether its delivery started the workflow (markRun). */
	ran: boolean;
}

/** Per trigger: event digest → its claim. Map order is claim order. */
const claims = new Map<string, Map<string, Claim>>();

function claimsOf(trigger: string): Map<string, Claim> {
	let held = claims.get(trigger);
	if (held) {
		// Most recently used last, so the oldest trigger is the first key.
		claims.delete(trigger);
	} else {
		held = new Map();
		if (claims.size >= TRIGGERS_KEPT) claims.delete(claims.keys().next().value as string);
	}
	claims.set(trigger, held);
	return held;
}

/**
 * Claims an event for this trigger until `now + holdMs`. True: the caller is the one to run it. False: another
 * delivery of the same event holds a claim that has not lapsed. No await may come between the caller's other
 * checks and this call, nor is there one inside it: that is what makes it atomic within the process.
 */
export function claimDelivery(trigger: string, digest: string, now: number, holdMs: number): boolean {
	const held = claimsOf(trigger);
	const claim = held.get(digest);
	if (claim && claim.until > now) return false;
	held.delete(digest);
	for (const [key, older] of held) {
		if (held.size < SEEN_EVENTS_KEPT && older.until > now) break;
		held.delete(key);
	}
	held.set(digest, { at: now, until: now + holdMs, ran: false });
	return true;
}

/** Gives a claim back, so that the sender's next attempt runs (the run could not start, e.g. a lookup failed). */
export function releaseDelivery(trigger: string, digest: string): void {
	claims.get(trigger)?.delete(digest);
}

/** Notes that the claimed event started the workflow: from now on it belongs in every write of the static data. */
export function markRun(trigger: string, digest: string): void {
	const claim = claims.get(trigger)?.get(digest);
	if (claim) claim.ran = true;
}

/** The events of this trigger that ran in this process and whose claims have not lapsed, oldest first. */
export function runDeliveries(trigger: string, now: number): Array<{ key: string; at: number }> {
	const held = claims.get(trigger);
	if (!held) return [];
	return [...held].filter(([, claim]) => claim.ran && claim.until > now).map(([key, claim]) => ({ key, at: claim.at }));
}

/** The trigger a claim belongs to: n8n's ids of the workflow and of the node, never the sender's words. */
export function triggerScope(workflowId: string | undefined, nodeId: string): string {
	return `${workflowId ?? ''}\u0000${nodeId}`;
}
