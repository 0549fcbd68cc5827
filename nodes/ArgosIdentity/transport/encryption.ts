import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

import { isBase64Text, isHexText } from '../../shared/files/base64-text';

/**
 * Argos's Secure Data Transmission (docs/argos-api.md §Encryption). Two modules [ENC]: "AES-256" (ECB
 * since 1 Aug 2024, no IV [ENC-GB]) and "GCM-256" (with authentication and integrity); the key is
 * sha256(API key) — or sha256 of the project's dedicated secretKey [ENC] — as 32 raw bytes [ENC-GB].
 * Not in the excerpts, so inferred: the text form is base64 (hex is read too), ECB pads with PKCS#7, and a
 * GCM ciphertext is base64(12-byte IV ‖ ciphertext ‖ 16-byte tag) — also read as IV ‖ tag ‖ ciphertext,
 * which the tag check makes safe to try.
 */
export type ArgosEncryptionModule = 'aes256' | 'gcm256';

export const MODULE_NAMES: Record<ArgosEncryptionModule, string> = { aes256: 'AES-256 (ECB)', gcm256: 'GCM-256' };

const keyOf = (key: string) => createHash('sha256').update(key).digest();
const IV_BYTES = 12;
const TAG_BYTES = 16;

function decryptEcb(bytes: Buffer, key: string): Buffer {
	const decipher = createDecipheriv('aes-256-ecb', keyOf(key), null);
	return Buffer.concat([decipher.update(bytes), decipher.final()]);
}

function decryptGcm(iv: Buffer, cipherText: Buffer, tag: Buffer, key: string): Buffer {
	const decipher = createDecipheriv('aes-256-gcm', keyOf(key), iv);
	decipher.setAuthTag(tag);
	return Buffer.concat([decipher.update(cipherText), decipher.final()]);
}

/** The plain bytes under one module and key; throws when they do not decrypt. */
function decryptBytes(bytes: Buffer, key: string, module: ArgosEncryptionModule): Buffer[] {
	if (module === 'aes256') return bytes.length > 0 && bytes.length % 16 === 0 ? [decryptEcb(bytes, key)] : [];
	if (bytes.length <= IV_BYTES + TAG_BYTES) return [];
	const iv = bytes.subarray(0, IV_BYTES);
	const layouts: Array<() => Buffer> = [
		() => decryptGcm(iv, bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES), bytes.subarray(bytes.length - TAG_BYTES), key),
		() => decryptGcm(iv, bytes.subarray(IV_BYTES + TAG_BYTES), bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), key),
	];
	const plain: Buffer[] = [];
	for (const layout of layouts) {
		try {
			plain.push(layout());
		} catch {
			// The tag does not match this layout: try the next.
		}
	}
	return plain;
}

/** The JSON object an Argos ciphertext holds, under this module and one of the keys; undefined when none fits. */
export function decryptArgosJson(cipherText: string, keys: readonly string[], module: ArgosEncryptionModule = 'aes256'): Record<string, unknown> | undefined {
	const text = cipherText.trim();
	const forms: Buffer[] = [];
	if (isBase64Text(text)) forms.push(Buffer.from(text, 'base64'));
	if (isHexText(text)) forms.push(Buffer.from(text, 'hex'));
	for (const key of keys) {
		for (const bytes of forms) {
			let candidates: Buffer[];
			try {
				candidates = decryptBytes(bytes, key, module);
			} catch {
				continue; // A wrong key fails the padding check (ECB) almost always; the JSON parse catches the rest.
			}
			for (const plain of candidates) {
				try {
					const value: unknown = JSON.parse(plain.toString('utf8'));
					if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
				} catch {
					// Not JSON: not this key.
				}
			}
		}
	}
	return undefined;
}

/** A JSON value encrypted as Argos expects it under this module and key, as base64 text. */
export function encryptArgosJson(value: unknown, key: string, module: ArgosEncryptionModule): string {
	const plain = Buffer.from(JSON.stringify(value), 'utf8');
	if (module === 'aes256') {
		const cipher = createCipheriv('aes-256-ecb', keyOf(key), null);
		return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
	}
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', keyOf(key), iv);
	const body = Buffer.concat([cipher.update(plain), cipher.final()]);
	return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/**
 * An encrypted body as Argos sends it: `{"data": "<encrypted string>"}` [WH], optionally with the
 * `isEncrypted` flag the API answers carry ([POST-SUB]: "isEncrypted flag and the encrypted data").
 */
export function isEncryptedBody(body: unknown): body is { data: string } {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
	const { data, isEncrypted, ...rest } = body as Record<string, unknown>;
	return typeof data === 'string' && Object.keys(rest).length === 0 && (isEncrypted === undefined || isEncrypted === true);
}

/** The keys to try, in order: the dedicated secretKey when the credential has one, then the API key. */
export function encryptionKeys(credentials: Record<string, unknown>): string[] {
	return [credentials.secretKey, credentials.apiKey].map((value) => String(value ?? '').trim()).filter(Boolean);
}

/** What the credential says about Secure Data Transmission. */
export interface EncryptionSettings {
	/** Whether requests are sent encrypted (the dashboard's Secure Data Transmission is on). */
	on: boolean;
	module: ArgosEncryptionModule;
	keys: string[];
	/** The credential's secrets in every form they may be echoed in (redact.ts): hidden in a decrypted answer. */
	secrets?: readonly string[];
}

export function encryptionSettings(credentials: Record<string, unknown>): EncryptionSettings {
	return {
		on: credentials.secureTransmission === true,
		module: credentials.encryptionModule === 'gcm256' ? 'gcm256' : 'aes256',
		keys: encryptionKeys(credentials),
	};
}

/**
 * What is wrong when a ciphertext does not decrypt with the credential: `module` when it does under the
 * other module (the credential's Encryption Module is wrong), `key` otherwise.
 */
export function decryptionMismatch(cipherText: string, settings: EncryptionSettings): { wrong: 'module'; actual: ArgosEncryptionModule } | { wrong: 'key' } {
	const other: ArgosEncryptionModule = settings.module === 'aes256' ? 'gcm256' : 'aes256';
	return decryptArgosJson(cipherText, settings.keys, other) ? { wrong: 'module', actual: other } : { wrong: 'key' };
}
