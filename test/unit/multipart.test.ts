import FormData from 'form-data';

import { multipartBody, multipartOptions, quotedParameter, randomBoundary, type MultipartPart } from '../../nodes/shared/http/multipart';
import { boundaryOf, parseMultipart } from '../emulators/multipart';

/** Every byte value, and the sequences a multipart body is made of, so a part that eats or adds a byte shows. */
const awkwardBytes = Buffer.concat([
	Buffer.from(Array.from({ length: 256 }, (_, byte) => byte)),
	Buffer.from('\r\n--\r\n\r\n--x--\r\n'),
	Buffer.from([0, 0xff, 0x0d]),
]);

const parts: MultipartPart[] = [
	{ name: 'submissionId', value: 'sub-1' },
	{ name: 'note', value: 'line one\r\nline two, "quoted", café' },
	{ name: 'attachment', data: awkwardBytes, filename: 'photo.png', contentType: 'image/png' },
];

/** The same parts through the form-data package, with the given boundary. */
function formDataBody(boundary: string, of: MultipartPart[]): Buffer {
	const form = new FormData();
	form.setBoundary(boundary);
	for (const part of of) {
		if ('data' in part) form.append(part.name, part.data, { filename: part.filename, contentType: part.contentType });
		else form.append(part.name, part.value);
	}
	return form.getBuffer();
}

describe('the body form-data would send (the package it replaces, as the oracle)', () => {
	test('byte for byte the same, with the same boundary', () => {
		const { body, contentType } = multipartBody(parts);
		const boundary = boundaryOf(contentType)!;
		expect(body.equals(formDataBody(boundary, parts))).toBe(true);
	});

	test("the emulators' parser reads the same parts from both, the file's bytes intact", () => {
		const ours = multipartBody(parts);
		const boundary = boundaryOf(ours.contentType)!;
		const parsed = parseMultipart(ours.body, boundary);
		expect(parsed).toEqual(parseMultipart(formDataBody(boundary, parts), boundary));
		expect(parsed.map(({ name, filename, contentType }) => [name, filename, contentType])).toEqual([
			['submissionId', undefined, undefined],
			['note', undefined, undefined],
			['attachment', 'photo.png', 'image/png'],
		]);
		expect(parsed[1].data.toString('utf8')).toBe('line one\r\nline two, "quoted", café');
		expect(parsed[2].data.equals(awkwardBytes)).toBe(true);
	});

	test('names and filenames with ", CR and LF are escaped as form-data (and browsers) do, and cannot add a header', () => {
		// No slash in the filename: form-data keeps only a path's last segment, the builder takes a name, not a path.
		const tricky: MultipartPart[] = [
			{ name: 'a"b\r\nX-Injected: 1', value: 'v' },
			{ name: 'file', data: Buffer.from('x'), filename: 'evil".png\r\nX-Injected: 2', contentType: 'image/png' },
		];
		const { body, contentType } = multipartBody(tricky);
		const boundary = boundaryOf(contentType)!;
		expect(body.equals(formDataBody(boundary, tricky))).toBe(true);
		const [field, file] = parseMultipart(body, boundary);
		expect(field.name).toBe('a%22b%0D%0AX-Injected: 1');
		expect(file.filename).toBe('evil%22.png%0D%0AX-Injected: 2');
		expect(file.contentType).toBe('image/png');
		expect(body.toString('latin1')).not.toMatch(/^X-Injected/m);
	});

	test('a UTF-8 filename goes as UTF-8', () => {
		const named: MultipartPart[] = [{ name: 'attachment', data: Buffer.from([1, 2, 3]), filename: 'reçu-日本.png', contentType: 'image/png' }];
		const { body, contentType } = multipartBody(named);
		expect(body.equals(formDataBody(boundaryOf(contentType)!, named))).toBe(true);
		expect(parseMultipart(body, boundaryOf(contentType)!)[0].filename).toBe('reçu-日本.png');
	});
});

describe('the boundary', () => {
	test('is drawn again while it occurs in a part: in the file bytes, then in a name', () => {
		const inFile = 'boundary-in-the-file';
		const inName = 'boundary-in-a-name';
		const candidates = [inFile, inName, 'boundary-nowhere'];
		const fileBytes = Buffer.concat([awkwardBytes, Buffer.from(inFile)]);
		const withBoundaries: MultipartPart[] = [
			{ name: `field ${inName}`, value: 'v' },
			{ name: 'file', data: fileBytes, filename: 'f.png', contentType: 'image/png' },
		];
		const { body, contentType } = multipartBody(withBoundaries, () => candidates.shift()!);
		expect(candidates).toEqual([]);
		expect(contentType).toBe('multipart/form-data; boundary=boundary-nowhere');
		const parsed = parseMultipart(body, 'boundary-nowhere');
		expect(parsed[1].data.equals(fileBytes)).toBe(true);
	});

	test('random: 50 characters of the form-data shape, a new one each body', () => {
		const boundaries = new Set(Array.from({ length: 100 }, () => randomBoundary()));
		expect(boundaries.size).toBe(100);
		for (const boundary of boundaries) expect(boundary).toMatch(/^-{26}[0-9a-f]{24}$/);
		expect(boundaryOf(multipartBody(parts).contentType)).not.toBe(boundaryOf(multipartBody(parts).contentType));
	});
});

test('quotedParameter: only ", CR and LF are changed', () => {
	expect(quotedParameter('plain name.png')).toBe('"plain name.png"');
	expect(quotedParameter('a"b\rc\nd;e=f')).toBe('"a%22b%0Dc%0Ad;e=f"');
});

test('multipartOptions: the body with its content type and its exact length', () => {
	const { body, headers } = multipartOptions(multipartBody(parts));
	expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=-{26}[0-9a-f]{24}$/);
	expect(headers['content-length']).toBe(String(body.length));
	expect(parseMultipart(body, boundaryOf(headers['content-type'])!)).toHaveLength(3);
});

test("each part's bytes are given back as views into the body, not copies", () => {
	const { body, data } = multipartBody(parts);
	const expected = [Buffer.from('sub-1'), Buffer.from('line one\r\nline two, "quoted", café'), awkwardBytes];
	expect(data.map((view, index) => view.equals(expected[index]))).toEqual([true, true, true]);
	for (const view of data) expect(view.buffer).toBe(body.buffer);
});

test('no parts: only the closing delimiter', () => {
	const { body, contentType } = multipartBody([], () => 'b');
	expect(contentType).toBe('multipart/form-data; boundary=b');
	expect(body.toString()).toBe('--b--\r\n');
});
