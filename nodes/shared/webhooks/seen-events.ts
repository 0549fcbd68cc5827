/** How many events a trigger remembers to answer a retried or replayed delivery without running again. */
export const SEEN_EVENTS_KEPT = 1000;

/** A remembered event: its id, or a key with when it was seen (for a trigger that forgets after a window). */
export type SeenEvent = string | { key: string; at: number };

const keyOf = (event: SeenEvent) => (typeof event === 'string' ? event : event.key);

/** The remembered events with this one added (an earlier entry of the same key replaced), oldest dropped first. */
export function rememberEvent<T extends SeenEvent>(seen: readonly T[], event: T): T[] {
	return [...seen.filter((entry) => keyOf(entry) !== keyOf(event)), event].slice(-SEEN_EVENTS_KEPT);
}
