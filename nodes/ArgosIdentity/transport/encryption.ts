import { createDecipheriv, createHash } from 'node:crypto';

import { isBase64Text, isHexText } from '../../shared/files/base64-text';

/**
 * Argos's optional encryption of webhook bodies and GET /submission answers (docs/argos-api.md §Webhooks,
 * [ENC-GB]): AES-256 in ECB mode (since 1 Aug 2024, no IV) with the key sha256(API key) — or sha256 of the
 * project's dedicated secretKey [ENC] — as 32 raw bytes. The ciphertext's text form is not in the excerpts:
 * base64 is read first (what CryptoJS and most examples give), then hex. PKCS#7 padding (Node's default)
 * makes a wrong key fail almost always; the JSON parse catches the rest.
 */
export function decryptArgosJson(cipherText: string, keys: readonly string[]): Record<string, unknown> | undefined {
	const text = cipherText.trim();
	const forms: Buffer[] = [];
	if (isBase64Text(text)) forms.push(Buffer.from(text, 'base64'));
	if (isHexText(text)) forms.push(Buffer.from(text, 'hex'));
	for (const key of keys) {
		for (const bytes of forms) {
			if (bytes.length === 0 || bytes.length % 16 !== 0) continue;
			try {
				const decipher = createDecipheriv('aes-256-ecb', createHash('sha256').update(key).digest(), null);
				const plain = Buffer.concat([decipher.update(bytes), decipher.final()]).toString('utf8');
				const value: unknown = JSON.parse(plain);
				if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
			} catch {
				// Not this key or this form: try the next.
			}
		}
	}
	return undefined;
}

/** An encrypted body as Argos sends it: `{"data": "<encrypted string>"}` and nothing else [WH]. */
export function isEncryptedBody(body: unknown): body is { data: string } {
	if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
	const keys = Object.keys(body);
	return keys.length === 1 && keys[0] === 'data' && typeof (body as { data: unknown }).data === 'string';
}

/** The keys to try, in order: the dedicated secretKey when the credential has one, then the API key. */
export function encryptionKeys(credentials: Record<string, unknown>): string[] {
	return [credentials.secretKey, credentials.apiKey].map((value) => String(value ?? '').trim()).filter(Boolean);
}
