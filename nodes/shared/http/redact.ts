import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** What a secret is replaced with wherever it appears. */
export const REDACTED = '[redacted]';

/**
 * The values to hide: every password-typed field of the credential, and any other secret the call sends
 * (`more`, e.g. a password a profile is given), as given and in the encoded forms a service may echo
 * (secretForms). Longest first, so a secret that contains another is replaced whole.
 */
export function secretValues(credentials: ICredentialDataDecryptedObject, fields: readonly string[], more: readonly unknown[] = []): string[] {
	return secretList([...fields.map((field) => credentials[field]), ...more]);
}

/** Secret values (strings or numbers; others skipped) in every form secretForms knows, longest first. */
export function secretList(values: readonly unknown[]): string[] {
	const forms = new Set<string>();
	for (const value of values) {
		if (typeof value !== 'string' && typeof value !== 'number') continue;
		const text = String(value).trim();
		// A one-character "secret" would blank every message; no service issues one.
		if (text.length < 2) continue;
		for (const form of secretForms(text)) forms.add(form);
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/** Shorter base64 fragments than this could match by chance in unrelated text. */
const MIN_FRAGMENT = 8;

/**
 * A secret as given and as a service may echo it: JSON-escaped; percent-encoded (encodeURIComponent, form
 * encoding, every byte, in both cases of hex digits); hex (both cases); base64, standard and url-safe. Base64
 * is aligned to 3 bytes, so a secret inside a longer encoded text (`Basic base64(user:key)`) shows as one of
 * three fragments depending on its offset: each is added without the characters it shares with its neighbours.
 */
export function secretForms(text: string): string[] {
	const bytes = Buffer.from(text, 'utf8');
	const hex = bytes.toString('hex');
	const everyByte = hex.replace(/../g, '%$&');
	const forms = [
		text,
		JSON.stringify(text).slice(1, -1),
		uriComponent(text),
		new URLSearchParams({ s: text }).toString().slice(2),
		everyByte,
		everyByte.toUpperCase(),
		hex,
		hex.toUpperCase(),
	];
	for (const offset of [0, 1, 2]) {
		const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
		// Characters made (partly) of the neighbours' bits: the first ⌈offset·4/3⌉ and those past the last whole group.
		const fragment = encoded.slice(Math.ceil((offset * 4) / 3), Math.floor((offset + bytes.length) / 3) * 4);
		if (offset === 0) forms.push(encoded, encoded.replace(/=+$/, ''));
		if (fragment.length >= MIN_FRAGMENT) forms.push(fragment);
	}
	return [...new Set(forms.flatMap((form) => [form, form.replace(/\+/g, '-').replace(/\//g, '_')]))].filter((form) => form.length >= 2);
}

function uriComponent(text: string): string {
	try {
		return encodeURIComponent(text);
	} catch {
		// A lone surrogate cannot be encoded; the form encoding below covers such a text.
		return text;
	}
}

export function redactText(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
	return result;
}

/**
 * A copy of a value (string, array, plain object) with every secret replaced, in keys and values, at any
 * depth: walked with a list of work rather than recursion, so no nesting exhausts the stack. Bytes and
 * other class instances are kept as they are; a value met twice (or a cycle) is copied once.
 */
export function redact<T>(value: T, secrets: readonly string[]): T {
	if (secrets.length === 0) return value;
	const root: { value?: unknown } = {};
	const copies = new Map<object, unknown>();
	const work: Array<{ value: unknown; put: (copy: unknown) => void }> = [{ value, put: (copy) => (root.value = copy) }];
	for (let next = work.pop(); next; next = work.pop()) next.put(copyOne(next.value, secrets, copies, work));
	return root.value as T;
}

function copyOne(
	value: unknown,
	secrets: readonly string[],
	copies: Map<object, unknown>,
	work: Array<{ value: unknown; put: (copy: unknown) => void }>,
): unknown {
	if (typeof value === 'string') return redactText(value, secrets);
	if (value === null || typeof value !== 'object') return value;
	if (Buffer.isBuffer(value) || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
	if (copies.has(value)) return copies.get(value);
	if (Array.isArray(value)) {
		const copy: unknown[] = new Array(value.length);
		copies.set(value, copy);
		value.forEach((inner, index) => work.push({ value: inner, put: (innerCopy) => (copy[index] = innerCopy) }));
		return copy;
	}
	const prototype = Object.getPrototypeOf(value);
	if (prototype !== Object.prototype && prototype !== null) return value;
	const copy: Record<string, unknown> = {};
	copies.set(value, copy);
	for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
		const shownKey = redactText(key, secrets);
		// Defined, not assigned: a key named __proto__ stays a key; set now so the copy keeps the key order.
		define(copy, shownKey, undefined);
		work.push({ value: inner, put: (innerCopy) => define(copy, shownKey, innerCopy) });
	}
	return copy;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
