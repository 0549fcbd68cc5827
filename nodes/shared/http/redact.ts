import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** What a secret is replaced with wherever it appears. */
export const REDACTED = '[redacted]';

/**
 * The values to hide: every password-typed field of the credential, and any other secret the call sends
 * (`more`, e.g. a password a profile is given), as given and in the encoded forms a service may echo
 * (URL-encoded, as in a query string). Longest first, so a secret that contains another is replaced whole.
 */
export function secretValues(credentials: ICredentialDataDecryptedObject, fields: readonly string[], more: readonly unknown[] = []): string[] {
	const values = new Set<string>();
	for (const value of [...fields.map((field) => credentials[field]), ...more]) {
		if (typeof value !== 'string' && typeof value !== 'number') continue;
		const text = String(value).trim();
		// A one-character "secret" would blank every message; no service issues one.
		if (text.length < 2) continue;
		values.add(text);
		values.add(encodeURIComponent(text));
		values.add(JSON.stringify(text).slice(1, -1));
	}
	return [...values].sort((a, b) => b.length - a.length);
}

export function redactText(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
	return result;
}

/** A copy of a value (string, array, plain object) with every secret replaced, in keys and values. Bytes are kept as they are. */
export function redact<T>(value: T, secrets: readonly string[]): T {
	if (secrets.length === 0) return value;
	return walk(value, secrets, 0) as T;
}

function walk(value: unknown, secrets: readonly string[], depth: number): unknown {
	if (typeof value === 'string') return redactText(value, secrets);
	if (depth > 50 || value === null || typeof value !== 'object') return value;
	if (Buffer.isBuffer(value) || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
	if (Array.isArray(value)) return value.map((inner) => walk(inner, secrets, depth + 1));
	const prototype = Object.getPrototypeOf(value);
	if (prototype !== Object.prototype && prototype !== null) return value;
	return Object.fromEntries(
		Object.entries(value as Record<string, unknown>).map(([key, inner]) => [redactText(key, secrets), walk(inner, secrets, depth + 1)]),
	);
}
