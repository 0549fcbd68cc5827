import type { FileKind } from './file-type';

/** What one service accepts for one kind of upload, held as data so one checker serves all. */
export interface UploadRules {
	/** Shown to the user, e.g. "ComplyCube document image". */
	what: string;
	allowedKinds: readonly FileKind[];
	minBytes: number;
	maxBytes: number;
	/** How the service reads a file name; absent when the service takes no file name. */
	fileName?: FileNameRules;
}

export interface FileNameRules {
	/** Extensions accepted for each kind, in the spelling the service accepts; the first is used when a name is made up. */
	extensions: Partial<Record<FileKind, readonly string[]>>;
	/** The service compares extensions case-sensitively: normalise to a spelling it accepts. */
	caseSensitive: boolean;
	/** The base name is the file's identity on the service, and the service cuts it at the first dot. */
	forbidDotsInBaseName: boolean;
	/** Used when the binary has no usable name and the user set none. */
	fallbackBaseName: string;
}

export const COMPLYCUBE_MIN_BYTES = 34_816;
export const COMPLYCUBE_MAX_BYTES = 4_000_000;

export const complyCubeDocumentRules: UploadRules = {
	what: 'ComplyCube document image',
	allowedKinds: ['jpeg', 'png', 'pdf'],
	minBytes: COMPLYCUBE_MIN_BYTES,
	maxBytes: COMPLYCUBE_MAX_BYTES,
	fileName: {
		extensions: { jpeg: ['jpg', 'jpeg'], png: ['png'], pdf: ['pdf'] },
		caseSensitive: false,
		forbidDotsInBaseName: false,
		fallbackBaseName: 'document',
	},
};

export const complyCubeLivePhotoRules: UploadRules = {
	what: 'ComplyCube live photo',
	allowedKinds: ['jpeg', 'png'],
	minBytes: COMPLYCUBE_MIN_BYTES,
	maxBytes: COMPLYCUBE_MAX_BYTES,
};

/** Argos sits behind a gateway that refuses whole requests over about 6 MB (inferred, see apis.md). */
export const ARGOS_MAX_REQUEST_BYTES = 6_000_000;

export const argosImageRules: UploadRules = {
	what: 'Argos Identity image',
	allowedKinds: ['jpeg', 'png'],
	minBytes: 1,
	maxBytes: ARGOS_MAX_REQUEST_BYTES,
};

export const CRAFTER_MAX_BYTES = 5 * 1024 * 1024;

export const crafterAttachmentRules: UploadRules = {
	what: 'Crafter Profile attachment',
	allowedKinds: ['jpeg', 'png', 'gif', 'bmp', 'tiff'],
	minBytes: 1,
	maxBytes: CRAFTER_MAX_BYTES,
	fileName: {
		// The server's table is case-sensitive: jpg jpeg jpe JPG png PNG gif GIF bmp tif tiff (svg too, not sniffable).
		extensions: {
			jpeg: ['jpg', 'jpeg', 'jpe', 'JPG'],
			png: ['png', 'PNG'],
			gif: ['gif', 'GIF'],
			bmp: ['bmp'],
			tiff: ['tiff', 'tif'],
		},
		caseSensitive: true,
		forbidDotsInBaseName: true,
		fallbackBaseName: 'attachment',
	},
};
