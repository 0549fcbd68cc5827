/** The file kinds the three services deal in, recognised from their first bytes. */
export type FileKind = 'jpeg' | 'png' | 'pdf' | 'gif' | 'bmp' | 'tiff';

interface KindInfo {
	label: string;
	mimeType: string;
	/** Used when a file name has to be made up for this kind. */
	extension: string;
	signatures: number[][];
}

export const FILE_KINDS: Record<FileKind, KindInfo> = {
	jpeg: { label: 'JPEG', mimeType: 'image/jpeg', extension: 'jpg', signatures: [[0xff, 0xd8, 0xff]] },
	png: {
		label: 'PNG',
		mimeType: 'image/png',
		extension: 'png',
		signatures: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
	},
	pdf: { label: 'PDF', mimeType: 'application/pdf', extension: 'pdf', signatures: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
	gif: {
		label: 'GIF',
		mimeType: 'image/gif',
		extension: 'gif',
		signatures: [
			[0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
			[0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
		],
	},
	bmp: { label: 'BMP', mimeType: 'image/bmp', extension: 'bmp', signatures: [[0x42, 0x4d]] },
	tiff: {
		label: 'TIFF',
		mimeType: 'image/tiff',
		extension: 'tiff',
		signatures: [
			[0x49, 0x49, 0x2a, 0x00],
			[0x4d, 0x4d, 0x00, 0x2a],
		],
	},
};

/** How many leading bytes sniffing needs (BMP's header size field ends at byte 18). */
export const SNIFF_BYTES = 18;

/** "BM" alone starts too many text files: also require the zero reserved bytes and a known DIB header size. */
function isBmp(bytes: Uint8Array): boolean {
	if (bytes.length < SNIFF_BYTES || bytes[0] !== 0x42 || bytes[1] !== 0x4d) return false;
	if (bytes[6] !== 0 || bytes[7] !== 0 || bytes[8] !== 0 || bytes[9] !== 0) return false;
	const dibHeaderSize = bytes[14] | (bytes[15] << 8) | (bytes[16] << 16) | (bytes[17] << 24);
	return [12, 40, 52, 56, 64, 108, 124].includes(dibHeaderSize);
}

/** The file's real kind from its leading bytes, or undefined when it is none of the known kinds. */
export function sniffFileKind(bytes: Uint8Array): FileKind | undefined {
	for (const [kind, info] of Object.entries(FILE_KINDS) as Array<[FileKind, KindInfo]>) {
		if (kind === 'bmp') {
			if (isBmp(bytes)) return kind;
			continue;
		}
		if (info.signatures.some((signature) => signature.every((byte, index) => bytes[index] === byte))) {
			return kind;
		}
	}
	return undefined;
}

export function describeKinds(kinds: readonly FileKind[]): string {
	const labels = kinds.map((kind) => FILE_KINDS[kind].label);
	return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}
