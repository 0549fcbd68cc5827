import { createHash } from 'node:crypto';

/** How many events a trigger remembers to answer a retried or replayed delivery without running again. */
export const SEEN_EVENTS_KEPT = 1000;

/**
 * A remembered event: the digest of its identity (eventDigest), alone or with when it was seen (for a trigger
 * that forgets after a window). Never the sender's own strings: whatever a delivery carries, an entry is
 * 64 characters (and a time), so the list in the workflow's static data stays under ~100 KB at its fullest.
 */
export type SeenEvent = string | { key: string; at: number };

const DIGEST = /^[0-9a-f]{64}$/;

/** The sha256 (hex) of an event's identity: what the repeat guards keep and compare. */
export function eventDigest(identity: string | Buffer): string {
	return createHash('sha256').update(identity).digest('hex');
}

const keyOf = (event: SeenEvent) => (typeof event === 'string' ? event : event.key);

function isSeenEvent(entry: unknown): entry is SeenEvent {
	if (typeof entry === 'string') return DIGEST.test(entry);
	if (!entry || typeof entry !== 'object') return false;
	const { key, at } = entry as { key?: unknown; at?: unknown };
	return typeof key === 'string' && DIGEST.test(key) && typeof at === 'number' && Number.isFinite(at);
}

/**
 * The remembered events as stored, keeping only well-formed entries, the newest SEEN_EVENTS_KEPT: a list
 * written by an earlier version (which kept the sender's ids and keys as they came) or altered by hand is
 * read safely and shrinks to this shape on the next write.
 */
export function keptEvents<T extends SeenEvent>(stored: unknown): T[] {
	if (!Array.isArray(stored)) return [];
	return (stored.filter(isSeenEvent) as T[]).slice(-SEEN_EVENTS_KEPT);
}

/** The remembered events with these added, each once (a key already there keeps its place), oldest dropped first. */
export function rememberEvents<T extends SeenEvent>(seen: unknown, events: readonly T[]): T[] {
	const kept = keptEvents<T>(seen);
	const known = new Set(kept.map(keyOf));
	const added = events.filter((event) => isSeenEvent(event) && !known.has(keyOf(event)) && known.add(keyOf(event)));
	return [...kept, ...added].slice(-SEEN_EVENTS_KEPT);
}
