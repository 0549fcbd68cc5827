import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Whether a delivery's `ComplyCube-Signature` is the lowercase hex HMAC-SHA256 of the raw body keyed with
 * the webhook's secret (as the official SDKs' EventVerifier checks it), compared in constant time.
 */
export function isValidSignature(rawBody: Buffer, signature: unknown, secret: string): boolean {
	if (typeof signature !== 'string' || !/^[0-9a-f]{64}$/i.test(signature.trim()) || !secret) return false;
	const expected = createHmac('sha256', secret).update(rawBody).digest();
	const given = Buffer.from(signature.trim(), 'hex');
	return given.length === expected.length && timingSafeEqual(given, expected);
}
