import { createHmac } from 'node:crypto';

import { isValidSignature } from '../../nodes/ComplyCube/trigger/signature';

// The test vector of ComplyCube's PHP SDK (tests/unit/EventVerifierTest testValidSignatureEvent).
const BODY = Buffer.from('{"id":"value"}');
const SECRET = 'a_webhook_signature';
const SIGNATURE = 'bc00414fa4d54277a3ed01e5ee258d9800a918a7791c7cda16d38b82f38f2150';

test('the SDK test vector verifies, in either case of hex', () => {
	expect(isValidSignature(BODY, SIGNATURE, SECRET)).toBe(true);
	expect(isValidSignature(BODY, SIGNATURE.toUpperCase(), SECRET)).toBe(true);
});

test.each([
	['another secret', BODY, SIGNATURE, 'another_secret'],
	['a body changed by one byte', Buffer.from('{"id":"valuf"}'), SIGNATURE, SECRET],
	['no header', BODY, undefined, SECRET],
	['an empty header', BODY, '', SECRET],
	['a header that is not hex', BODY, 'z'.repeat(64), SECRET],
	['a truncated signature', BODY, SIGNATURE.slice(0, 62), SECRET],
	['a signature of the right length plus junk', BODY, `${SIGNATURE}00`, SECRET],
	['several headers', BODY, [SIGNATURE, SIGNATURE], SECRET],
	['no secret kept', BODY, createHmac('sha256', '').update(BODY).digest('hex'), ''],
])('refused: %s', (_case, body, signature, secret) => {
	expect(isValidSignature(body, signature, secret)).toBe(false);
});
