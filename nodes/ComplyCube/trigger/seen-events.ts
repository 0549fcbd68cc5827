/** How many event ids the trigger remembers to answer a retried or replayed delivery without running again. */
export const SEEN_EVENTS_KEPT = 1000;

/** The remembered ids with this one added, oldest dropped first. */
export function rememberEvent(seen: readonly string[], eventId: string): string[] {
	return [...seen.filter((id) => id !== eventId), eventId].slice(-SEEN_EVENTS_KEPT);
}
