import { createCipheriv, createHash } from 'node:crypto';

import {
	decryptArgosJson,
	decryptionMismatch,
	encryptArgosJson,
	encryptionKeys,
	encryptionSettings,
	isEncryptedBody,
} from '../../../nodes/ArgosIdentity/transport/encryption';
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

test('GCM-256: IV, ciphertext and tag round-trip; a changed byte fails the tag; IV, tag, ciphertext is read too', () => {
	const sealed = encryptArgosJson({ a: 1 }, 'k', 'gcm256');
	expect(decryptArgosJson(sealed, ['k'], 'gcm256')).toEqual({ a: 1 });
	expect(decryptArgosJson(sealed, ['k'], 'aes256')).toBeUndefined();
	const bytes = Buffer.from(sealed, 'base64');
	bytes[14] ^= 1;
	expect(decryptArgosJson(bytes.toString('base64'), ['k'], 'gcm256')).toBeUndefined();
	const iv = createHash('sha256').update('iv').digest().subarray(0, 12);
	const cipher = createCipheriv('aes-256-gcm', createHash('sha256').update('k').digest(), iv);
	const body = Buffer.concat([cipher.update('{"b":2}'), cipher.final()]);
	expect(decryptArgosJson(Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'), ['k'], 'gcm256')).toEqual({ b: 2 });
});

test('AES-256 (ECB) round-trips; a mismatch names the module when the other one opens it, else the key', () => {
	const ecb = encryptArgosJson({ a: 1 }, 'k', 'aes256');
	expect(decryptArgosJson(ecb, ['k'], 'aes256')).toEqual({ a: 1 });
	expect(decryptionMismatch(ecb, encryptionSettings({ apiKey: 'k', encryptionModule: 'gcm256' }))).toEqual({ wrong: 'module', actual: 'aes256' });
	expect(decryptionMismatch(ecb, encryptionSettings({ apiKey: 'other' }))).toEqual({ wrong: 'key' });
	expect(encryptionSettings({ apiKey: 'k' })).toEqual({ on: false, module: 'aes256', keys: ['k'] });
	expect(encryptionSettings({ apiKey: 'k', secureTransmission: true, encryptionModule: 'gcm256' })).toEqual({ on: true, module: 'gcm256', keys: ['k'] });
	expect(isEncryptedBody({ isEncrypted: true, data: 'abc' })).toBe(true);
	expect(isEncryptedBody({ isEncrypted: false, data: 'abc' })).toBe(false);
});

test('the webhook token: equal strings only, whatever their lengths; a repeated query takes the first', () => {
	expect(tokenMatches('secret', 'secret')).toBe(true);
	expect(tokenMatches(['secret', 'other'], 'secret')).toBe(true);
	expect(tokenMatches('secret2', 'secret')).toBe(false);
	expect(tokenMatches('', 'secret')).toBe(false);
	expect(tokenMatches(undefined, 'secret')).toBe(false);
	expect(tokenMatches('anything', '')).toBe(false);
});
