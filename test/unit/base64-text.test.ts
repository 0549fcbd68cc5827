import { isBase64Text, isHexText } from '../../nodes/shared/files/base64-text';

test.each([
	['AAAA', true],
	['AAA=', true],
	['AA==', true],
	['A===', false],
	['AAA', false],
	['AA=A', false],
	['AA-_', false],
	['', false],
])('isBase64Text(%p) is %p', (text, expected) => expect(isBase64Text(text)).toBe(expected));

test('a 6 MB base64 text is checked without running out of stack', () => {
	const text = Buffer.alloc(4_500_000, 7).toString('base64');
	expect(isBase64Text(text)).toBe(true);
	expect(isBase64Text(`${text.slice(0, -4)}!AAA`)).toBe(false);
});

test.each([
	['00ff', true],
	['0A1b', true],
	['0', false],
	['zz', false],
	['', false],
])('isHexText(%p) is %p', (text, expected) => expect(isHexText(text)).toBe(expected));
