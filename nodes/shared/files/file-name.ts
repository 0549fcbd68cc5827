import { FILE_KINDS, type FileKind } from './file-type';
import type { FileNameRules } from './upload-rules';

import type { FileToCheck } from './file-check';
import { FileRefusal } from './file-refusal';

interface SplitName {
	base: string;
	extension?: string;
}

export function splitFileName(name: string): SplitName {
	const clean = name.split(/[\\/]/).pop() ?? '';
	const dot = clean.lastIndexOf('.');
	if (dot <= 0 || dot === clean.length - 1) return { base: clean.replace(/\.$/, '') };
	return { base: clean.slice(0, dot), extension: clean.slice(dot + 1) };
}

/** The spelling of `extension` that the service accepts for `kind`, or undefined if it is not one of them. */
export function acceptedSpelling(rules: FileNameRules, kind: FileKind, extension: string): string | undefined {
	const spellings = rules.extensions[kind] ?? [];
	if (spellings.includes(extension)) return extension;
	const lower = extension.toLowerCase();
	const match = spellings.find((spelling) => spelling.toLowerCase() === lower);
	return match === undefined || rules.caseSensitive ? match : extension;
}

function kindOfExtension(rules: FileNameRules, extension: string): FileKind | undefined {
	const lower = extension.toLowerCase();
	return (Object.keys(rules.extensions) as FileKind[]).find((kind) => (rules.extensions[kind] ?? []).some((spelling) => spelling.toLowerCase() === lower));
}

function listExtensions(rules: FileNameRules, kind: FileKind): string {
	return (rules.extensions[kind] ?? []).map((spelling) => `.${spelling}`).join(' or ');
}

/**
 * The file name to send. A name the user typed must agree with the bytes (its extension is only
 * normalised to a spelling the service accepts); a name that comes with the binary is repaired.
 */
export function fileNameFor(rules: FileNameRules, kind: FileKind, file: FileToCheck): string {
	if (file.userFileName?.trim()) return checkUserFileName(rules, kind, file.userFileName.trim());
	const { base, extension } = splitFileName(file.binaryFileName ?? '');
	const spelling = extension === undefined ? undefined : acceptedSpelling(rules, kind, extension);
	// An extension that disagrees with the bytes is replaced, not kept.
	const dotless = rules.forbidDotsInBaseName ? base.replace(/\./g, '-') : base;
	const finalBase = dotless.trim() || rules.fallbackBaseName;
	return `${finalBase}.${spelling ?? rules.extensions[kind]?.[0] ?? FILE_KINDS[kind].extension}`;
}

function checkUserFileName(rules: FileNameRules, kind: FileKind, name: string): string {
	const { base, extension } = splitFileName(name);
	const label = FILE_KINDS[kind].label;
	const expected = listExtensions(rules, kind);
	if (extension === undefined) {
		throw new FileRefusal(
			`The File Name '${name}' has no extension`,
			`The file is a ${label}: use a name ending in ${expected}, or leave File Name empty to have it set from the file.`,
		);
	}
	const spelling = acceptedSpelling(rules, kind, extension);
	if (spelling === undefined) {
		const named = kindOfExtension(rules, extension);
		const says = named ? `says ${FILE_KINDS[named].label}` : 'is not one the service accepts';
		throw new FileRefusal(
			`The File Name '${name}' ends in .${extension}, which ${says}, but the file is a ${label}`,
			`Use a name ending in ${expected}, or leave File Name empty to have it set from the file.`,
		);
	}
	if (rules.forbidDotsInBaseName && base.includes('.')) {
		throw new FileRefusal(
			`The File Name '${name}' has a dot before its extension`,
			`The service identifies an attachment by the name before the first dot, so '${name}' would be stored as '${base.split('.')[0]}'. Use a name like '${base.replace(/\./g, '-')}.${spelling}'.`,
		);
	}
	return `${base}.${spelling}`;
}
