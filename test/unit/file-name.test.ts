import { FileRefusal } from '../../nodes/shared/files/file-refusal';
import { acceptedSpelling, fileNameFor, splitFileName } from '../../nodes/shared/files/file-name';
import type { FileKind } from '../../nodes/shared/files/file-type';
import { complyCubeDocumentRules, crafterAttachmentRules, type FileNameRules } from '../../nodes/shared/files/upload-rules';

const complyCube = complyCubeDocumentRules.fileName as FileNameRules;
const crafter = crafterAttachmentRules.fileName as FileNameRules;

const fromBinary = (rules: FileNameRules, kind: FileKind, binaryFileName?: string) =>
	fileNameFor(rules, kind, { head: new Uint8Array(0), size: 1, propertyName: 'data', binaryFileName });

const fromUser = (rules: FileNameRules, kind: FileKind, userFileName: string, binaryFileName?: string) =>
	fileNameFor(rules, kind, { head: new Uint8Array(0), size: 1, propertyName: 'data', binaryFileName, userFileName });

/** The refusal fileNameFor throws for a user File Name; fails the test if it returns a name instead. */
function userRefusal(rules: FileNameRules, kind: FileKind, userFileName: string): FileRefusal {
	let name: string | undefined;
	try {
		name = fromUser(rules, kind, userFileName);
	} catch (error) {
		expect(error).toBeInstanceOf(FileRefusal);
		return error as FileRefusal;
	}
	throw new Error(`File Name '${userFileName}' was accepted as '${name}'`);
}

describe('splitFileName', () => {
	test.each<[string, { base: string; extension?: string }]>([
		['photo.jpg', { base: 'photo', extension: 'jpg' }],
		['scan.2024.jpg', { base: 'scan.2024', extension: 'jpg' }],
		['PHOTO.JPEG', { base: 'PHOTO', extension: 'JPEG' }],
		['noextension', { base: 'noextension' }],
		['trailing.', { base: 'trailing' }],
		['.hidden', { base: '.hidden' }],
		['', { base: '' }],
		['a/b/c.jpg', { base: 'c', extension: 'jpg' }],
		['C:\\Users\\me\\scan.png', { base: 'scan', extension: 'png' }],
		['my.folder/readme', { base: 'readme' }],
		['folder/', { base: '' }],
		['with space.png', { base: 'with space', extension: 'png' }],
	])('%j splits into %j', (name, parts) => {
		expect(splitFileName(name)).toEqual(parts);
	});
});

describe('acceptedSpelling', () => {
	test.each<[string, FileNameRules, FileKind, string, string | undefined]>([
		['ComplyCube', complyCube, 'jpeg', 'jpg', 'jpg'],
		['ComplyCube', complyCube, 'jpeg', 'jpeg', 'jpeg'],
		['ComplyCube', complyCube, 'pdf', 'pdf', 'pdf'],
		['ComplyCube', complyCube, 'jpeg', 'png', undefined],
		['ComplyCube', complyCube, 'png', 'jpg', undefined],
		['ComplyCube', complyCube, 'jpeg', 'jpe', undefined],
		['ComplyCube', complyCube, 'gif', 'gif', undefined],
		['Crafter', crafter, 'jpeg', 'JPG', 'JPG'],
		['Crafter', crafter, 'jpeg', 'JPEG', 'jpeg'],
		['Crafter', crafter, 'jpeg', 'Jpg', 'jpg'],
		['Crafter', crafter, 'jpeg', 'jpe', 'jpe'],
		['Crafter', crafter, 'png', 'Png', 'png'],
		['Crafter', crafter, 'png', 'PNG', 'PNG'],
		['Crafter', crafter, 'gif', 'GIF', 'GIF'],
		['Crafter', crafter, 'bmp', 'BMP', 'bmp'],
		['Crafter', crafter, 'tiff', 'TIF', 'tif'],
		['Crafter', crafter, 'tiff', 'Tiff', 'tiff'],
		['Crafter', crafter, 'png', 'gif', undefined],
		['Crafter', crafter, 'jpeg', 'pdf', undefined],
	])('%s, %s file, .%s -> %s', (_service, rules, kind, extension, spelling) => {
		expect(acceptedSpelling(rules, kind, extension)).toBe(spelling);
	});
});

describe('fileNameFor, name derived from the binary', () => {
	test.each<[string, FileNameRules, FileKind, string]>([
		['ComplyCube', complyCube, 'jpeg', 'document.jpg'],
		['ComplyCube', complyCube, 'png', 'document.png'],
		['ComplyCube', complyCube, 'pdf', 'document.pdf'],
		['Crafter', crafter, 'jpeg', 'attachment.jpg'],
		['Crafter', crafter, 'png', 'attachment.png'],
		['Crafter', crafter, 'gif', 'attachment.gif'],
		['Crafter', crafter, 'bmp', 'attachment.bmp'],
		['Crafter', crafter, 'tiff', 'attachment.tiff'],
	])('%s: a %s binary with no name becomes %s', (_service, rules, kind, expected) => {
		expect(fromBinary(rules, kind, undefined)).toBe(expected);
		expect(fromBinary(rules, kind, '')).toBe(expected);
	});

	test.each<[string, FileNameRules, FileKind, string | undefined, string]>([
		['a name without extension gets one', complyCube, 'jpeg', 'passport', 'passport.jpg'],
		['a name ending in a dot gets an extension', complyCube, 'png', 'passport.', 'passport.png'],
		['a blank base falls back', complyCube, 'jpeg', '   .jpg', 'document.jpg'],
		['a path-only name falls back', crafter, 'png', 'uploads/', 'attachment.png'],
		['scan.png holding a JPEG', complyCube, 'jpeg', 'scan.png', 'scan.jpg'],
		['report.pdf holding a PNG', complyCube, 'png', 'report.pdf', 'report.png'],
		['scan.jpg holding a PDF', complyCube, 'pdf', 'scan.jpg', 'scan.pdf'],
		['avatar.gif holding a PNG (Crafter)', crafter, 'png', 'avatar.gif', 'avatar.png'],
		['photo.heic holding a JPEG (Crafter)', crafter, 'jpeg', 'photo.heic', 'photo.jpg'],
		['scan.jpg holding a JPEG', complyCube, 'jpeg', 'scan.jpg', 'scan.jpg'],
		['scan.jpeg holding a JPEG keeps .jpeg', complyCube, 'jpeg', 'scan.jpeg', 'scan.jpeg'],
		['ComplyCube keeps dots in the base', complyCube, 'jpeg', 'scan.2024.jpg', 'scan.2024.jpg'],
		['a path is stripped', complyCube, 'jpeg', 'a/b/c.jpg', 'c.jpg'],
		['a Windows path is stripped', complyCube, 'jpeg', 'C:\\Scans\\front.jpg', 'front.jpg'],
		['Crafter: dots in the base become dashes', crafter, 'jpeg', 'scan.2024.jpg', 'scan-2024.jpg'],
		['Crafter: several dots', crafter, 'png', 'a.b.c.png', 'a-b-c.png'],
		['Crafter: a dotted folder is not part of the name', crafter, 'jpeg', 'my.photos/me.jpg', 'me.jpg'],
		['Crafter: a path is stripped', crafter, 'jpeg', 'a/b/c.jpg', 'c.jpg'],
		['Crafter: spaces are kept', crafter, 'jpeg', 'my photo.jpg', 'my photo.jpg'],
	])('%s: %s', (_case, rules, kind, binaryFileName, expected) => {
		expect(fromBinary(rules, kind, binaryFileName)).toBe(expected);
	});

	describe('Crafter normalises the extension case to a spelling its case-sensitive server accepts', () => {
		test.each<[FileKind, string, string]>([
			['jpeg', 'photo.JPEG', 'photo.jpeg'],
			['png', 'photo.Png', 'photo.png'],
			['jpeg', 'photo.JPG', 'photo.JPG'],
			['jpeg', 'photo.Jpg', 'photo.jpg'],
			['png', 'photo.PNG', 'photo.PNG'],
			['gif', 'photo.GIF', 'photo.GIF'],
			['bmp', 'photo.BMP', 'photo.bmp'],
			['tiff', 'photo.TIF', 'photo.tif'],
			['tiff', 'photo.TIFF', 'photo.tiff'],
		])('%s %s -> %s', (kind, binaryFileName, expected) => {
			const name = fromBinary(crafter, kind, binaryFileName);
			expect(name).toBe(expected);
			const extension = name.slice(name.lastIndexOf('.') + 1);
			expect(crafter.extensions[kind]).toContain(extension);
		});
	});

	test('ComplyCube compares extensions case-insensitively, so IMG.JPG keeps its spelling', () => {
		expect(fromBinary(complyCube, 'jpeg', 'IMG.JPG')).toBe('IMG.JPG');
	});

	test('ComplyCube: an upper-case extension of the right kind is kept as that kind (not replaced)', () => {
		expect(fromBinary(complyCube, 'jpeg', 'IMG.JPG').toLowerCase()).toBe('img.jpg');
		expect(fromBinary(complyCube, 'pdf', 'Scan.PDF').toLowerCase()).toBe('scan.pdf');
	});
});

describe('fileNameFor, a File Name the user typed', () => {
	test('wins over the binary name', () => {
		expect(fromUser(complyCube, 'jpeg', 'passport-front.jpg', 'IMG_0001.jpg')).toBe('passport-front.jpg');
	});

	test('is trimmed', () => {
		expect(fromUser(crafter, 'png', '  avatar.png \n')).toBe('avatar.png');
	});

	test('a blank one is ignored and the binary name is used', () => {
		expect(fromUser(crafter, 'png', '   ', 'avatar.png')).toBe('avatar.png');
	});

	test('Crafter normalises its extension case', () => {
		expect(fromUser(crafter, 'jpeg', 'photo.JPEG')).toBe('photo.jpeg');
		expect(fromUser(crafter, 'png', 'photo.Png')).toBe('photo.png');
		expect(fromUser(crafter, 'jpeg', 'photo.JPG')).toBe('photo.JPG');
	});

	test('a path in it is stripped', () => {
		expect(fromUser(complyCube, 'jpeg', 'a/b/c.jpg')).toBe('c.jpg');
		expect(fromUser(crafter, 'jpeg', 'a/b/c.jpg')).toBe('c.jpg');
	});

	test('ComplyCube accepts dots before the extension', () => {
		expect(fromUser(complyCube, 'jpeg', 'john.smith.passport.jpg')).toBe('john.smith.passport.jpg');
	});

	test('Crafter refuses dots before the extension, saying what the server would store and what to use', () => {
		const error = userRefusal(crafter, 'jpeg', 'john.smith.jpg');
		expect(error.message).toBe("The File Name 'john.smith.jpg' has a dot before its extension");
		expect(error.description).toBe(
			"The service identifies an attachment by the name before the first dot, so 'john.smith.jpg' would be stored as 'john'. Use a name like 'john-smith.jpg'.",
		);
	});

	test('the dash suggestion uses the accepted spelling of the extension', () => {
		const error = userRefusal(crafter, 'png', 'a.b.Png');
		expect(error.description).toMatch(/Use a name like 'a-b\.png'\.$/);
	});

	test.each<[string, FileNameRules, FileKind, string, string]>([
		['ComplyCube', complyCube, 'jpeg', 'passport', '.jpg or .jpeg'],
		['ComplyCube', complyCube, 'pdf', 'passport.', '.pdf'],
		['Crafter', crafter, 'jpeg', 'avatar', '.jpg or .jpeg or .jpe or .JPG'],
		['Crafter', crafter, 'tiff', 'scan', '.tiff or .tif'],
	])('%s refuses a %s File Name %j with no extension, listing the accepted ones', (_service, rules, kind, name, accepted) => {
		const error = userRefusal(rules, kind, name);
		expect(error.message).toBe(`The File Name '${name}' has no extension`);
		expect(error.description).toMatch(/^The file is a [A-Z]+: use a name ending in /);
		expect(error.description).toContain(`ending in ${accepted}, or leave File Name empty`);
		expect(error.description).toMatch(/\.$/);
	});

	test.each<[string, FileNameRules, FileKind, string, string]>([
		['ComplyCube', complyCube, 'jpeg', 'front.png', 'ends in .png, which says PNG, but the file is a JPEG'],
		['ComplyCube', complyCube, 'jpeg', 'front.PNG', 'ends in .PNG, which says PNG, but the file is a JPEG'],
		['ComplyCube', complyCube, 'png', 'front.pdf', 'ends in .pdf, which says PDF, but the file is a PNG'],
		['ComplyCube', complyCube, 'pdf', 'front.jpeg', 'ends in .jpeg, which says JPEG, but the file is a PDF'],
		['ComplyCube', complyCube, 'jpeg', 'front.docx', 'ends in .docx, which is not one the service accepts, but the file is a JPEG'],
		['Crafter', crafter, 'png', 'avatar.gif', 'ends in .gif, which says GIF, but the file is a PNG'],
		['Crafter', crafter, 'jpeg', 'avatar.tif', 'ends in .tif, which says TIFF, but the file is a JPEG'],
		['Crafter', crafter, 'jpeg', 'cv.pdf', 'ends in .pdf, which is not one the service accepts, but the file is a JPEG'],
	])('%s refuses a %s File Name %j with the wrong extension', (_service, rules, kind, name, says) => {
		const error = userRefusal(rules, kind, name);
		expect(error.message).toBe(`The File Name '${name}' ${says}`);
		expect(error.description).toMatch(/^Use a name ending in \.\w+( or \.\w+)*, or leave File Name empty to have it set from the file\.$/);
	});

	test('a wrong extension is reported before dots in the base', () => {
		const error = userRefusal(crafter, 'png', 'my.avatar.jpg');
		expect(error.message).toMatch(/ends in \.jpg, which says JPEG, but the file is a PNG$/);
	});
});
