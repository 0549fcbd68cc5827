import { createCipheriv, createHash } from 'node:crypto';

/**
 * [ENC-GB] the key is sha256 of the API key (or of the dedicated secretKey [ENC]) as 32 raw bytes; since
 * 1 Aug 2024 AES-256 in ECB mode, no IV. PKCS#7 padding and base64 text are inferred (the excerpts end
 * before Argos's decrypt code); the emulator's own code, kept apart from the node's on purpose.
 */
export function argosEncrypt(plainText: string, key: string): string {
	const cipher = createCipheriv('aes-256-ecb', createHash('sha256').update(key).digest(), null);
	return Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]).toString('base64');
}
