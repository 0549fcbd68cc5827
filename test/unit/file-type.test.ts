import { readFileSync } from 'node:fs';
import path from 'node:path';

import { SNIFF_BYTES, describeKinds, sniffFileKind, type FileKind } from '../../nodes/shared/files/file-type';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name));
const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

describe('sniffFileKind on signatures', () => {
	test.each<[string, Uint8Array, FileKind]>([
		['JPEG (FF D8 FF)', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46), 'jpeg'],
		['JPEG with an EXIF marker (FF D8 FF E1)', bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34, 0x45, 0x78, 0x69, 0x66), 'jpeg'],
		['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d), 'png'],
		['PDF', ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3'), 'pdf'],
		['PDF 1.4', ascii('%PDF-1.4'), 'pdf'],
		['GIF87a', ascii('GIF87a\x08\x00\x08\x00'), 'gif'],
		['GIF89a', ascii('GIF89a\x08\x00\x08\x00'), 'gif'],
		['BMP', ascii('BM\xf6\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00'), 'bmp'],
		['little-endian TIFF (II*\\0)', bytes(0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00), 'tiff'],
		['big-endian TIFF (MM\\0*)', bytes(0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08), 'tiff'],
	])('%s is recognised', (_name, head, kind) => {
		expect(sniffFileKind(head)).toBe(kind);
	});

	test('a Buffer that is a view into a larger buffer is read from its own start', () => {
		const backing = Buffer.concat([Buffer.from('junk'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])]);
		expect(sniffFileKind(backing.subarray(4))).toBe('png');
	});

	test('the signature must be at the very start of the file', () => {
		expect(sniffFileKind(bytes(0x00, 0xff, 0xd8, 0xff, 0xe0))).toBeUndefined();
		expect(sniffFileKind(ascii(' %PDF-1.7'))).toBeUndefined();
	});
});

describe('sniffFileKind on truncated files', () => {
	test.each<[string, Uint8Array]>([
		['text that starts with BM', ascii('BMW invoice for March, total 120 EUR')],
		['an empty buffer', new Uint8Array(0)],
		['1 byte of a JPEG', bytes(0xff)],
		['2 bytes of a JPEG', bytes(0xff, 0xd8)],
		['7 bytes of a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a)],
		['4 bytes of a PDF (%PDF without the dash)', ascii('%PDF')],
		['5 bytes of a GIF89a', ascii('GIF89')],
		['3 bytes of a little-endian TIFF', bytes(0x49, 0x49, 0x2a)],
		['3 bytes of a big-endian TIFF', bytes(0x4d, 0x4d, 0x00)],
		['1 byte of a BMP', ascii('B')],
	])('%s gives undefined', (_name, head) => {
		expect(sniffFileKind(head)).toBeUndefined();
	});

	test.each<[string, FileKind]>([
		['red-8x8.jpg', 'jpeg'],
		['red-8x8.png', 'png'],
		['red-8x8.pdf', 'pdf'],
		['red-8x8.gif', 'gif'],
		['red-8x8-le.tiff', 'tiff'],
	])('every prefix of %s shorter than its signature gives undefined', (name, kind) => {
		const file = fixture(name);
		const shortest = Array.from({ length: SNIFF_BYTES + 1 }, (_, length) => length).find((length) => sniffFileKind(file.subarray(0, length)) !== undefined);
		expect(shortest).toBeDefined();
		expect(sniffFileKind(file.subarray(0, shortest))).toBe(kind);
		for (let length = 0; length < shortest!; length++) {
			expect(sniffFileKind(file.subarray(0, length))).toBeUndefined();
		}
	});
});

describe('sniffFileKind on kinds it does not know', () => {
	test.each<[string, Uint8Array]>([
		['plain text', ascii('plain text, not an image\n')],
		['JSON', ascii('{"image":"data:image/jpeg;base64,/9j/"}')],
		['WebP (RIFF....WEBP)', ascii('RIFF\x24\x00\x00\x00WEBPVP8 ')],
		['HEIC (ftypheic)', bytes(0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63)],
		['HEIF (ftypmif1)', ascii('\x00\x00\x00\x1cftypmif1')],
		['ZIP / DOCX (PK)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00)],
		['a PNG with its last signature byte wrong', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00)],
		['GIF88a (no such version)', ascii('GIF88a\x08\x00')],
		['TIFF with the byte order and magic mixed up (II\\0*)', bytes(0x49, 0x49, 0x00, 0x2a)],
		['TIFF with the byte order and magic mixed up (MM*\\0)', bytes(0x4d, 0x4d, 0x2a, 0x00)],
		['base64 text of a JPEG', ascii('/9j/4AAQSkZJRgABAQ')],
		['lower-case %pdf-', ascii('%pdf-1.7')],
		['eight zero bytes', new Uint8Array(8)],
	])('%s gives undefined', (_name, head) => {
		expect(sniffFileKind(head)).toBeUndefined();
	});
});

describe('sniffFileKind on real files written by ImageMagick and Ghostscript', () => {
	test.each<[string, FileKind]>([
		['red-8x8.jpg', 'jpeg'],
		['red-8x8.png', 'png'],
		['red-8x8.pdf', 'pdf'],
		['red-8x8.gif', 'gif'],
		['red-8x8-87a.gif', 'gif'],
		['red-8x8.bmp', 'bmp'],
		['red-8x8-le.tiff', 'tiff'],
		['red-8x8-be.tiff', 'tiff'],
	])('%s is a %s, from the whole file and from its first SNIFF_BYTES bytes', (name, kind) => {
		const file = fixture(name);
		expect(file.length).toBeGreaterThan(SNIFF_BYTES);
		expect(sniffFileKind(file)).toBe(kind);
		expect(sniffFileKind(file.subarray(0, SNIFF_BYTES))).toBe(kind);
		expect(sniffFileKind(new Uint8Array(file))).toBe(kind);
	});

	test('the two GIF fixtures really are the two GIF versions, and the two TIFFs the two byte orders', () => {
		expect(fixture('red-8x8-87a.gif').subarray(0, 6).toString('latin1')).toBe('GIF87a');
		expect(fixture('red-8x8.gif').subarray(0, 6).toString('latin1')).toBe('GIF89a');
		expect(fixture('red-8x8-le.tiff').subarray(0, 2).toString('latin1')).toBe('II');
		expect(fixture('red-8x8-be.tiff').subarray(0, 2).toString('latin1')).toBe('MM');
	});
});

describe('describeKinds', () => {
	test.each<[FileKind[], string]>([
		[[], ''],
		[['jpeg'], 'JPEG'],
		[['pdf'], 'PDF'],
		[['jpeg', 'png'], 'JPEG or PNG'],
		[['jpeg', 'png', 'pdf'], 'JPEG, PNG or PDF'],
		[['jpeg', 'png', 'gif', 'bmp', 'tiff'], 'JPEG, PNG, GIF, BMP or TIFF'],
		[['tiff', 'gif'], 'TIFF or GIF'],
	])('%j reads "%s"', (kinds, text) => {
		expect(describeKinds(kinds)).toBe(text);
	});
});
