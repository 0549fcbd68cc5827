import { randomBytes } from 'node:crypto';

import { Base64Field, jsonBody } from '../../nodes/shared/http/json-body';

/** What the body must be: JSON.stringify with each file as its base64 string. */
const expected = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('jsonBody', () => {
	test.each([0, 1, 2, 3, 4, 5, 34_816, 60_000, 60_001])('a %i-byte file: the same bytes as JSON.stringify of its base64', (size) => {
		const bytes = randomBytes(size);
		const { body, headers } = jsonBody({ fileName: 'front.jpg', data: new Base64Field(bytes) });
		expect(body.equals(expected({ fileName: 'front.jpg', data: bytes.toString('base64') }))).toBe(true);
		expect(headers).toEqual({ 'content-type': 'application/json' });
	});

	test('several files, nested and in arrays, among text that needs escaping and non-ASCII text', () => {
		const [a, b, c] = [randomBytes(100), randomBytes(7), randomBytes(2)];
		const value = {
			note: 'quote " backslash \\ newline \n tab \t zero \u0000 ünïcødé 🙂',
			first: new Base64Field(a),
			nested: { list: [new Base64Field(b), 'x', { deep: new Base64Field(c) }], flag: true, count: 3, none: null },
		};
		const plain = {
			note: value.note,
			first: a.toString('base64'),
			nested: { list: [b.toString('base64'), 'x', { deep: c.toString('base64') }], flag: true, count: 3, none: null },
		};
		expect(jsonBody(value).body.equals(expected(plain))).toBe(true);
	});

	test("a user's text that looks like the placeholder is sent as it is", () => {
		const bytes = randomBytes(30);
		const value = { label: 'base64-field-00000000-0000-0000-0000-000000000000-0', data: new Base64Field(bytes) };
		expect(jsonBody(value).body.equals(expected({ label: value.label, data: bytes.toString('base64') }))).toBe(true);
	});

	test('without files: JSON.stringify as it is', () => {
		const value = { firstName: 'Zoë', type: 'person', details: { dob: '1990-01-31' } };
		expect(jsonBody(value).body.equals(expected(value))).toBe(true);
	});
});
