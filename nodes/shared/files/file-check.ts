import { FILE_KINDS, describeKinds, sniffFileKind, type FileKind } from './file-type';
import { fileNameFor } from './file-name';
import { FileRefusal } from './file-refusal';
import type { UploadRules } from './upload-rules';

export { FileRefusal };

export interface FileToCheck {
	/** At least the first SNIFF_BYTES bytes of the file. */
	head: Uint8Array;
	size: number;
	/** Where the file came from, for messages: the binary property name. */
	propertyName: string;
	/** The name the binary carries, if any. */
	binaryFileName?: string;
	/** A name the user typed, which wins over the binary's but must agree with the bytes. */
	userFileName?: string;
}

export interface CheckedFile {
	kind: FileKind;
	mimeType: string;
	/** Set when the service takes a file name. */
	fileName?: string;
}

const formatBytes = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;
const withArticle = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

/** Checks a file against a service's rules from its real bytes; throws FileRefusal with a sentence a user can act on. */
export function checkFile(rules: UploadRules, file: FileToCheck): CheckedFile {
	const subject = describeFile(file);
	const allowed = describeKinds(rules.allowedKinds);
	if (file.size === 0) {
		throw new FileRefusal(`${subject} is empty (0 bytes)`, 'Check the node that produced the file: it passed an empty file.');
	}
	const kind = sniffFileKind(file.head);
	if (kind === undefined) {
		throw new FileRefusal(
			`${subject} is not a ${allowed} file`,
			`Its content is none of ${allowed} (whatever its name or stated type says), so the ${rules.what} would be refused. Convert it to ${allowed} first.`,
		);
	}
	if (!rules.allowedKinds.includes(kind)) {
		throw new FileRefusal(
			`${subject} is a ${FILE_KINDS[kind].label} file, but ${withArticle(rules.what)} must be ${allowed}`,
			`Convert it to ${allowed} first.`,
		);
	}
	checkSize(rules, file, subject);
	const fileName = rules.fileName ? fileNameFor(rules.fileName, kind, file) : undefined;
	return { kind, mimeType: FILE_KINDS[kind].mimeType, fileName };
}

function checkSize(rules: UploadRules, file: FileToCheck, subject: string) {
	const window = rules.minBytes > 1 ? `between ${formatBytes(rules.minBytes)} and ${formatBytes(rules.maxBytes)}` : `at most ${formatBytes(rules.maxBytes)}`;
	if (file.size < rules.minBytes) {
		throw new FileRefusal(
			`${subject} is too small (${formatBytes(file.size)}): ${withArticle(rules.what)} must be ${window}`,
			'Use a larger, sharper image; a thumbnail or heavily compressed copy is refused.',
		);
	}
	if (file.size > rules.maxBytes) {
		throw new FileRefusal(
			`${subject} is too large (${formatBytes(file.size)}): ${withArticle(rules.what)} must be ${window}`,
			'Resize or compress the image (or a PDF) before sending it, e.g. with an Edit Image node.',
		);
	}
}

function describeFile(file: FileToCheck): string {
	const name = file.binaryFileName ? ` '${file.binaryFileName}'` : '';
	return `The file${name} in binary property '${file.propertyName}'`;
}
