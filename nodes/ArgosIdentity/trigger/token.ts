import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Argos signs nothing (docs/argos-api.md: no signature, secret header or sender IP list is documented), so
 * the URL itself can carry a secret: the user appends ?token=… to the Webhook URL in the dashboard. Compared
 * as sha256 digests, in constant time whatever the lengths.
 */
export function tokenMatches(given: unknown, expected: string): boolean {
	const value = Array.isArray(given) ? given[0] : given;
	if (typeof value !== 'string' || !expected) return false;
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(value), digest(expected));
}
