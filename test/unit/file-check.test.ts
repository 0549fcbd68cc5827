import { readFileSync } from 'node:fs';
import path from 'node:path';

import { FileRefusal, checkFile, type FileToCheck } from '../../nodes/shared/files/file-check';
import type { FileKind } from '../../nodes/shared/files/file-type';
import {
	CRAFTER_MAX_BYTES,
	argosImageRules,
	complyCubeDocumentRules,
	complyCubeLivePhotoRules,
	crafterAttachmentRules,
	type UploadRules,
} from '../../nodes/shared/files/upload-rules';

/** Only the first bytes of each kind: checkFile takes the size separately. */
const HEADS: Record<FileKind | 'text' | 'webp', Buffer> = {
	jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]),
	png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	pdf: Buffer.from('%PDF-1.7'),
	gif: Buffer.from('GIF89a\x08\x00', 'latin1'),
	bmp: Buffer.from('BM\xf6\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00', 'latin1'),
	tiff: Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]),
	text: Buffer.from('hello wo'),
	webp: Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'),
};

const fileOf = (kind: keyof typeof HEADS, size: number, extra: Partial<FileToCheck> = {}): FileToCheck => ({
	head: HEADS[kind],
	size,
	propertyName: 'data',
	...extra,
});

/** The refusal checkFile throws; fails the test if it throws anything else or nothing. */
function refusal(rules: UploadRules, file: FileToCheck): FileRefusal {
	try {
		checkFile(rules, file);
	} catch (error) {
		expect(error).toBeInstanceOf(FileRefusal);
		return error as FileRefusal;
	}
	throw new Error(`checkFile accepted a file it should have refused: ${JSON.stringify({ ...file, head: undefined })}`);
}

/** A description is an instruction: a capitalised sentence that ends with a full stop. */
function expectActionableSentence(text: string) {
	expect(text).toMatch(/^[A-Z].*\.$/s);
	expect(text).toMatch(/\b(Use|Convert|Resize|Check|Set)\b/);
}

describe('FileRefusal', () => {
	test('is an Error with a name, a message and a description', () => {
		const error = new FileRefusal('The file is bad', 'Send a good one.');
		expect(error).toBeInstanceOf(Error);
		expect(error.name).toBe('FileRefusal');
		expect(error.message).toBe('The file is bad');
		expect(error.description).toBe('Send a good one.');
	});
});

describe('ComplyCube size window (34,816 to 4,000,000 bytes)', () => {
	describe.each([
		['document image', complyCubeDocumentRules],
		['live photo', complyCubeLivePhotoRules],
	])('%s', (what, rules) => {
		test.each([34_816, 34_817, 1_000_000, 3_999_999, 4_000_000])('%d bytes are accepted', (size) => {
			expect(checkFile(rules, fileOf('jpeg', size)).kind).toBe('jpeg');
		});

		test('34,815 bytes are too small, and the message gives the size and the window', () => {
			const error = refusal(rules, fileOf('jpeg', 34_815, { binaryFileName: 'thumb.jpg', propertyName: 'selfie' }));
			expect(error.message).toBe(
				`The file 'thumb.jpg' in binary property 'selfie' is too small (34,815 bytes): a ComplyCube ${what} must be between 34,816 bytes and 4,000,000 bytes`,
			);
			expectActionableSentence(error.description);
			expect(error.description).toMatch(/larger/);
		});

		test('4,000,001 bytes are too large, and the message gives the size and the window', () => {
			const error = refusal(rules, fileOf('png', 4_000_001, { binaryFileName: 'huge.png', propertyName: 'scan' }));
			expect(error.message).toBe(
				`The file 'huge.png' in binary property 'scan' is too large (4,000,001 bytes): a ComplyCube ${what} must be between 34,816 bytes and 4,000,000 bytes`,
			);
			expectActionableSentence(error.description);
			expect(error.description).toMatch(/Resize or compress/);
		});

		test('a tiny file is too small, not empty', () => {
			const error = refusal(rules, fileOf('jpeg', 1));
			expect(error.message).toMatch(/is too small \(1 bytes\)/);
		});
	});
});

describe('Crafter Profile size limit (5 MiB)', () => {
	test('5 MiB exactly is accepted', () => {
		expect(CRAFTER_MAX_BYTES).toBe(5_242_880);
		expect(checkFile(crafterAttachmentRules, fileOf('png', 5_242_880)).kind).toBe('png');
	});

	test('5 MiB + 1 byte is too large; there is no lower bound in the message', () => {
		const error = refusal(crafterAttachmentRules, fileOf('png', 5_242_881, { binaryFileName: 'avatar.png' }));
		expect(error.message).toBe(
			"The file 'avatar.png' in binary property 'data' is too large (5,242,881 bytes): a Crafter Profile attachment must be at most 5,242,880 bytes",
		);
		expectActionableSentence(error.description);
	});

	test('there is no minimum size: a 1-byte file passes the size check', () => {
		expect(checkFile(crafterAttachmentRules, fileOf('gif', 1)).kind).toBe('gif');
	});
});

describe('Argos Identity size limit (6,000,000 bytes)', () => {
	test('6,000,000 is accepted and 6,000,001 refused', () => {
		expect(checkFile(argosImageRules, fileOf('jpeg', 6_000_000)).kind).toBe('jpeg');
		const error = refusal(argosImageRules, fileOf('jpeg', 6_000_001));
		expect(error.message).toMatch(/is too large \(6,000,001 bytes\): .* must be at most 6,000,000 bytes$/);
	});

	test('the messages read "an Argos Identity image", not "a Argos Identity image"', () => {
		expect(refusal(argosImageRules, fileOf('jpeg', 6_000_001)).message).toMatch(/: an Argos Identity image must be at most/);
		expect(refusal(argosImageRules, fileOf('pdf', 100_000)).message).toMatch(/is a PDF file, but an Argos Identity image must be JPEG or PNG$/);
	});
});

describe('empty files', () => {
	test.each([
		['ComplyCube document', complyCubeDocumentRules],
		['ComplyCube live photo', complyCubeLivePhotoRules],
		['Argos', argosImageRules],
		['Crafter', crafterAttachmentRules],
	])('%s: a 0-byte file is refused as empty, naming the file and the property', (_service, rules) => {
		const error = refusal(rules, { head: new Uint8Array(0), size: 0, propertyName: 'attachment', binaryFileName: 'blank.jpg' });
		expect(error.message).toBe("The file 'blank.jpg' in binary property 'attachment' is empty (0 bytes)");
		expectActionableSentence(error.description);
		expect(error.description).toMatch(/empty file/);
	});

	test('size 0 is "empty" even when the head claims to be a JPEG', () => {
		const error = refusal(complyCubeDocumentRules, fileOf('jpeg', 0));
		expect(error.message).toMatch(/is empty \(0 bytes\)$/);
	});
});

describe('file kinds', () => {
	test('a PDF is refused as a ComplyCube live photo, saying what it is and what is allowed', () => {
		const error = refusal(complyCubeLivePhotoRules, fileOf('pdf', 100_000, { binaryFileName: 'selfie.pdf' }));
		expect(error.message).toBe("The file 'selfie.pdf' in binary property 'data' is a PDF file, but a ComplyCube live photo must be JPEG or PNG");
		expectActionableSentence(error.description);
		expect(error.description).toMatch(/^Convert it to JPEG or PNG first/);
	});

	test('a PDF is accepted as a ComplyCube document image', () => {
		expect(checkFile(complyCubeDocumentRules, fileOf('pdf', 100_000))).toEqual({
			kind: 'pdf',
			mimeType: 'application/pdf',
			fileName: 'document.pdf',
		});
	});

	test.each<[FileKind, string]>([
		['jpeg', 'image/jpeg'],
		['png', 'image/png'],
		['gif', 'image/gif'],
		['bmp', 'image/bmp'],
		['tiff', 'image/tiff'],
	])('Crafter accepts a %s and reports its MIME type %s', (kind, mimeType) => {
		const checked = checkFile(crafterAttachmentRules, fileOf(kind, 10_000));
		expect(checked.kind).toBe(kind);
		expect(checked.mimeType).toBe(mimeType);
	});

	test('a PDF is refused for Crafter, listing the five kinds it takes', () => {
		const error = refusal(crafterAttachmentRules, fileOf('pdf', 10_000, { binaryFileName: 'cv.pdf' }));
		expect(error.message).toBe(
			"The file 'cv.pdf' in binary property 'data' is a PDF file, but a Crafter Profile attachment must be JPEG, PNG, GIF, BMP or TIFF",
		);
		expect(error.description).toMatch(/^Convert it to JPEG, PNG, GIF, BMP or TIFF first/);
	});

	test.each<[FileKind, string]>([
		['gif', 'GIF'],
		['bmp', 'BMP'],
		['tiff', 'TIFF'],
	])('a %s is refused as a ComplyCube document image', (kind, label) => {
		const error = refusal(complyCubeDocumentRules, fileOf(kind, 100_000));
		expect(error.message).toBe(`The file in binary property 'data' is a ${label} file, but a ComplyCube document image must be JPEG, PNG or PDF`);
	});

	test('the kind comes from the bytes: a PNG named .jpg is checked (and renamed) as a PNG', () => {
		const checked = checkFile(complyCubeDocumentRules, fileOf('png', 100_000, { binaryFileName: 'scan.jpg' }));
		expect(checked).toEqual({ kind: 'png', mimeType: 'image/png', fileName: 'scan.png' });
	});

	test('a wrong kind is reported before a wrong size: the user must convert the file anyway', () => {
		const error = refusal(complyCubeLivePhotoRules, fileOf('pdf', 10));
		expect(error.message).toMatch(/is a PDF file/);
	});
});

describe('unknown bytes', () => {
	test.each<[string, 'text' | 'webp']>([
		['plain text', 'text'],
		['WebP', 'webp'],
	])('%s named .jpg is refused whatever its name says', (_name, kind) => {
		const error = refusal(complyCubeDocumentRules, fileOf(kind, 100_000, { binaryFileName: 'passport.jpg' }));
		expect(error.message).toBe("The file 'passport.jpg' in binary property 'data' is not a JPEG, PNG or PDF file");
		expectActionableSentence(error.description);
		expect(error.description).toMatch(/whatever its name/);
		expect(error.description).toContain('ComplyCube document image');
		expect(error.description).toMatch(/would be refused/);
		expect(error.description).toMatch(/Convert it to JPEG, PNG or PDF first\.$/);
	});

	test('for Crafter the message lists the Crafter kinds', () => {
		const error = refusal(crafterAttachmentRules, fileOf('webp', 10_000));
		expect(error.message).toBe("The file in binary property 'data' is not a JPEG, PNG, GIF, BMP or TIFF file");
	});

	test('a head shorter than a signature is unknown, whatever the stated size', () => {
		const error = refusal(complyCubeLivePhotoRules, { head: Buffer.from([0xff, 0xd8]), size: 100_000, propertyName: 'data' });
		expect(error.message).toMatch(/is not a JPEG or PNG file$/);
	});
});

describe('what checkFile returns', () => {
	test('the head may be just the first bytes; the size is taken from `size`', () => {
		const file = fileOf('jpeg', 2_500_000, { binaryFileName: 'front.jpeg' });
		expect(file.head.length).toBe(8);
		expect(checkFile(complyCubeDocumentRules, file)).toEqual({ kind: 'jpeg', mimeType: 'image/jpeg', fileName: 'front.jpeg' });
	});

	test('no file name for services that take none', () => {
		expect(checkFile(complyCubeLivePhotoRules, fileOf('jpeg', 100_000, { binaryFileName: 'me.jpg' })).fileName).toBeUndefined();
		expect(checkFile(argosImageRules, fileOf('png', 100_000, { binaryFileName: 'me.png' })).fileName).toBeUndefined();
	});

	test('a user File Name that contradicts the bytes is refused through checkFile', () => {
		const error = refusal(crafterAttachmentRules, fileOf('png', 10_000, { userFileName: 'avatar.jpg' }));
		expect(error.message).toBe("The File Name 'avatar.jpg' ends in .jpg, which says JPEG, but the file is a PNG");
	});

	test('real fixture files: an 83-byte PNG suits Crafter, a 286-byte JPEG is too small for ComplyCube', () => {
		const png = readFileSync(path.join(__dirname, 'fixtures', 'red-8x8.png'));
		expect(checkFile(crafterAttachmentRules, { head: png, size: png.length, propertyName: 'data', binaryFileName: 'red-8x8.png' })).toEqual({
			kind: 'png',
			mimeType: 'image/png',
			fileName: 'red-8x8.png',
		});
		const jpeg = readFileSync(path.join(__dirname, 'fixtures', 'red-8x8.jpg'));
		const error = refusal(complyCubeDocumentRules, { head: jpeg, size: jpeg.length, propertyName: 'data' });
		expect(error.message).toMatch(new RegExp(`is too small \\(${jpeg.length} bytes\\)`));
	});
});
