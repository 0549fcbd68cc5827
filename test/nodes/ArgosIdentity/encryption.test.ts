import { createCipheriv, createHash } from 'node:crypto';

import { decryptArgosJson, encryptionKeys, isEncryptedBody } from '../../../nodes/ArgosIdentity/transport/encryption';
import { tokenMatches } from '../../../nodes/ArgosIdentity/trigger/token';

const encrypt = (text: string, key: string) => {
	const cipher = createCipheriv('aes-256-ecb', createHash('sha256').update(key).digest(), null);
	return Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
};

test('decrypts AES-256-ECB with sha256(key), written as base64 or hex, trying each key in turn', () => {
	const bytes = encrypt('{"webhook_trigger":"approved"}', 'api-key');
	expect(decryptArgosJson(bytes.toString('base64'), ['other', 'api-key'])).toEqual({ webhook_trigger: 'approved' });
	expect(decryptArgosJson(bytes.toString('hex'), ['api-key'])).toEqual({ webhook_trigger: 'approved' });
	expect(decryptArgosJson(bytes.toString('base64'), ['wrong'])).toBeUndefined();
});

test('refuses what is not a JSON object once decrypted, and what is no ciphertext at all', () => {
	expect(decryptArgosJson(encrypt('[1,2]', 'k').toString('base64'), ['k'])).toBeUndefined();
	expect(decryptArgosJson(encrypt('not json', 'k').toString('base64'), ['k'])).toBeUndefined();
	expect(decryptArgosJson('', ['k'])).toBeUndefined();
	expect(decryptArgosJson('!!!', ['k'])).toBeUndefined();
});

test('an encrypted body is exactly {"data": string}; the secretKey is tried before the API key', () => {
	expect(isEncryptedBody({ data: 'abc' })).toBe(true);
	expect(isEncryptedBody({ data: 'abc', webhook_trigger: 'approved' })).toBe(false);
	expect(isEncryptedBody({ data: { nested: true } })).toBe(false);
	expect(encryptionKeys({ apiKey: 'a', secretKey: ' s ' })).toEqual(['s', 'a']);
	expect(encryptionKeys({ apiKey: 'a', secretKey: '' })).toEqual(['a']);
});

test('the webhook token: equal strings only, whatever their lengths; a repeated query takes the first', () => {
	expect(tokenMatches('secret', 'secret')).toBe(true);
	expect(tokenMatches(['secret', 'other'], 'secret')).toBe(true);
	expect(tokenMatches('secret2', 'secret')).toBe(false);
	expect(tokenMatches('', 'secret')).toBe(false);
	expect(tokenMatches(undefined, 'secret')).toBe(false);
	expect(tokenMatches('anything', '')).toBe(false);
});
