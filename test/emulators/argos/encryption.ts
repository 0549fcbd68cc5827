import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** [ENC] the two modules a project chooses: "AES-256" (ECB) and "GCM-256". */
export type ArgosEncryptionModule = 'aes256' | 'gcm256';

const keyOf = (key: string) => createHash('sha256').update(key).digest();

/**
 * [ENC-GB] the key is sha256 of the API key (or of the dedicated secretKey [ENC]) as 32 raw bytes; AES-256
 * is ECB since 1 Aug 2024, no IV. Inferred (the excerpts end before Argos's code): PKCS#7 padding, base64
 * text, and for GCM-256 a 12-byte random IV before the ciphertext and the 16-byte tag after it. The
 * emulator's own code, kept apart from the node's on purpose.
 */
export function argosEncrypt(plainText: string, key: string, module: ArgosEncryptionModule = 'aes256'): string {
	if (module === 'aes256') {
		const cipher = createCipheriv('aes-256-ecb', keyOf(key), null);
		return Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]).toString('base64');
	}
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', keyOf(key), iv);
	const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
	return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

/** The plain text of a ciphertext made as above, or undefined when it does not decrypt with this key and module. */
export function argosDecrypt(cipherText: string, key: string, module: ArgosEncryptionModule): string | undefined {
	const bytes = Buffer.from(cipherText, 'base64');
	try {
		if (module === 'aes256') {
			const decipher = createDecipheriv('aes-256-ecb', keyOf(key), null);
			return Buffer.concat([decipher.update(bytes), decipher.final()]).toString('utf8');
		}
		if (bytes.length < 28) return undefined;
		const decipher = createDecipheriv('aes-256-gcm', keyOf(key), bytes.subarray(0, 12));
		decipher.setAuthTag(bytes.subarray(bytes.length - 16));
		return Buffer.concat([decipher.update(bytes.subarray(12, bytes.length - 16)), decipher.final()]).toString('utf8');
	} catch {
		return undefined;
	}
}
