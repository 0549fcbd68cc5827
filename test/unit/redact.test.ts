import { REDACTED, redact, redactText, secretList, secretValues } from '../../nodes/shared/http/redact';

const KEY = 'test_9f8e7d6c5b4a_Key+/=?&';
const secrets = secretValues({ apiKey: KEY }, ['apiKey']);
const hidden = (text: string) => redactText(text, secrets);

describe('a secret echoed in an encoded form is hidden too', () => {
	test.each([
		['base64', Buffer.from(KEY).toString('base64')],
		['base64 without padding', Buffer.from(KEY).toString('base64').replace(/=+$/, '')],
		['url-safe base64', Buffer.from(KEY).toString('base64url')],
		['percent-encoding (encodeURIComponent)', encodeURIComponent(KEY)],
		['form encoding', new URLSearchParams({ k: KEY }).toString().slice(2)],
		['every byte percent-encoded', Buffer.from(KEY).toString('hex').replace(/../g, '%$&')],
		['every byte percent-encoded, upper-case', Buffer.from(KEY).toString('hex').replace(/../g, '%$&').toUpperCase()],
		['hex', Buffer.from(KEY).toString('hex')],
		['upper-case hex', Buffer.from(KEY).toString('hex').toUpperCase()],
	])('%s', (_form, echoed) => {
		const shown = hidden(`The key ${echoed} is not valid`);
		expect(shown).toBe(`The key ${REDACTED} is not valid`);
	});

	test.each([0, 1, 2, 3, 4, 5])('inside a longer base64 text (a Basic header with %i bytes before the key): no run of the key survives', (before) => {
		const prefix = 'u'.repeat(before) + ':';
		for (const encode of [(bytes: Buffer) => bytes.toString('base64'), (bytes: Buffer) => bytes.toString('base64url')]) {
			const echoed = encode(Buffer.from(`${prefix}${KEY}:tail`));
			const shown = hidden(`Authorization: Basic ${echoed}`);
			expect(shown).toContain(REDACTED);
			// What is left is the neighbours and at most two bytes of the key at either edge.
			const left = shown.replace('Authorization: Basic ', '').split(REDACTED).join('');
			expect(echoed.length - left.length).toBeGreaterThanOrEqual(Math.floor(((KEY.length - 4) * 4) / 3));
		}
	});

	test('a short secret yields no short base64 fragment that would blank unrelated text', () => {
		expect(secretList(['ab12']).every((form) => form.length >= 4)).toBe(true);
		expect(redactText('YWIx and 6162 are not it', secretList(['zz99']))).toBe('YWIx and 6162 are not it');
	});

	test('a lone surrogate in a secret does not break the request path', () => {
		expect(() => secretList(['abc\ud800def'])).not.toThrow();
		expect(redactText('x abc\ud800def y', secretList(['abc\ud800def']))).toBe(`x ${REDACTED} y`);
	});
});

describe('nesting', () => {
	const nested = (depth: number, leaf: unknown) => {
		let value: unknown = leaf;
		for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { inner: value };
		return value;
	};
	const leafOf = (value: unknown): unknown => {
		let current = value;
		while (current && typeof current === 'object') current = Array.isArray(current) ? current[0] : (current as { inner: unknown }).inner;
		return current;
	};

	test.each([51, 200, 100_000])('a secret %i levels deep is hidden, without a stack overflow', (depth) => {
		const copy = redact(nested(depth, `echo ${KEY}`), secrets);
		expect(leafOf(copy)).toBe(`echo ${REDACTED}`);
	});

	test('keys keep their order, a __proto__ key stays a key, bytes and shared values are kept', () => {
		const bytes = Buffer.from(KEY);
		const shared = { note: KEY };
		const value = JSON.parse(`{"b":1,"__proto__":{"x":"${KEY}"},"a":2}`) as Record<string, unknown>;
		const copy = redact({ ...value, bytes, one: shared, two: shared }, secrets) as Record<string, unknown>;
		expect(Object.keys(copy)).toEqual(['b', '__proto__', 'a', 'bytes', 'one', 'two']);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ x: REDACTED });
		expect(copy.bytes).toBe(bytes);
		expect(copy.one).toEqual({ note: REDACTED });
		expect(copy.two).toBe(copy.one);
	});

	test('a cycle ends', () => {
		const cyclic: Record<string, unknown> = { note: KEY };
		cyclic.self = cyclic;
		const copy = redact(cyclic, secrets) as Record<string, unknown>;
		expect(copy.note).toBe(REDACTED);
		expect(copy.self).toBe(copy);
	});
});
