import type { EmulatorResponse } from '../emulator-server';
import { containerError, errorDetails } from './errors';
import { isResponse, requireProfile } from './profiles';
import { newObjectId, type Call, type CrafterState, type StoredAttachment } from './state';

/*
 * The attachment endpoints of ProfileController (uploadProfileAttachment, getAttachments, getAttachmentDetails,
 * getAttachment) and ProfileServiceImpl's GridFS helpers. Every one of them goes through
 * ProfileService.getProfile first: id that is not an ObjectId -> 500 OTHER; none -> 404 NO_SUCH_PROFILE; found ->
 * the token needs MANAGE_PROFILES on the profile's tenant (403 ACTION_DENIED). Then the controller body (type
 * check by extension only, upsert by base name, lists, downloads).
 */

/*
 * The server asks javax.activation's MimetypesFileTypeMap for the type of the file NAME (exact-case extension
 * after the last dot; no dot or an unknown extension -> application/octet-stream) and accepts only
 * crafter.profile.attachments.validMimeTypes (bmp, gif, jpeg, png, tiff, svg+xml).
 */
const ALLOWED_TYPES: Record<string, string> = {
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	jpe: 'image/jpeg',
	JPG: 'image/jpeg',
	png: 'image/png',
	PNG: 'image/png',
	gif: 'image/gif',
	GIF: 'image/gif',
	bmp: 'image/bmp',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	svg: 'image/svg+xml',
	svgz: 'image/svg+xml',
};
/** Types the MIME registry knows that the server refuses; only the type in the error message depends on them. */
const REFUSED_TYPES: Record<string, string> = {
	pdf: 'application/pdf',
	webp: 'image/webp',
	heic: 'image/heic',
	heif: 'image/heif',
	ief: 'image/ief',
	txt: 'text/plain',
	text: 'text/plain',
	TXT: 'text/plain',
	html: 'text/html',
	htm: 'text/html',
	json: 'application/json',
	xml: 'application/xml',
	zip: 'application/zip',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	ps: 'application/postscript',
	eps: 'application/postscript',
	rtf: 'application/rtf',
	mp4: 'video/mp4',
	mov: 'video/quicktime',
	avi: 'video/x-msvideo',
};
const DEFAULT_TYPE = 'application/octet-stream';
const VALID_TYPES = new Set(Object.values(ALLOWED_TYPES));

/** 1024-based like Crafter's FileUtils.readableFileSize: DecimalFormat "#,##0.#" (HALF_EVEN), "0" for empty. */
function readableFileSize(size: number): string {
	if (size <= 0) return '0';
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	const group = Math.floor(Math.log10(size) / Math.log10(1024));
	const divisor = 1024n ** BigInt(group);
	const numerator = BigInt(size) * 10n;
	let tenths = numerator / divisor;
	const twiceRemainder = (numerator % divisor) * 2n;
	if (twiceRemainder > divisor || (twiceRemainder === divisor && tenths % 2n === 1n)) tenths += 1n;
	const whole = (tenths / 10n).toString().replace(/\B(?=(\d{3})+$)/g, ',');
	const fraction = tenths % 10n;
	return `${whole}${fraction === 0n ? '' : `.${fraction}`} ${units[group]}`;
}

/** MimetypesFileTypeMap.getContentType: the extension after the last dot, matched case-sensitively. */
function contentTypeOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	const extension = dot < 0 ? '' : fileName.slice(dot + 1);
	if (!extension) return DEFAULT_TYPE;
	return ALLOWED_TYPES[extension] ?? REFUSED_TYPES[extension] ?? DEFAULT_TYPE;
}

/** commons-io FilenameUtils.removeExtension: a dot only counts after the last path separator. */
function removeExtension(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	const separator = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
	return dot > separator ? fileName.slice(0, dot) : fileName;
}

/** CommonsMultipartFile.getOriginalFilename drops any client path. */
const originalFilename = (name: string) => name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);

const storeName = (profileId: string, baseName: string) => `/${profileId}/${baseName}`;

function attachmentJson(profileId: string, attachment: StoredAttachment) {
	const name = storeName(profileId, attachment.baseName);
	return {
		md5: null,
		contentType: attachment.contentType,
		fileSize: readableFileSize(attachment.data.length),
		fileName: name.slice(name.lastIndexOf('/') + 1),
		fileSizeBytes: attachment.data.length,
		id: attachment.id,
	};
}

/** What getProfileAttachmentInformation answers for a name it does not have: an empty object, not a 404. */
const EMPTY_ATTACHMENT = { md5: null, contentType: null, fileSize: null, fileName: null, fileSizeBytes: 0, id: null };

function saveAttachment(state: CrafterState, profileId: string, fileName: string, contentType: string, data: Buffer) {
	let attachments = state.attachments.get(profileId);
	if (!attachments) state.attachments.set(profileId, (attachments = new Map()));
	const baseName = removeExtension(fileName);
	const stored: StoredAttachment = {
		id: attachments.get(baseName)?.id ?? newObjectId(),
		baseName,
		fileName,
		contentType,
		data: Buffer.from(data),
	};
	// GridFS removes the old file and saves the new one under the same id, so it moves to the end.
	attachments.delete(baseName);
	attachments.set(baseName, stored);
	state.saveOrder.set(storeName(profileId, baseName), ++state.saves);
	state.acceptedUploads.push({ profileId, fileName, bytes: stored.data.length });
	return stored;
}

export function upload(state: CrafterState, call: Call): EmulatorResponse {
	const profile = requireProfile(state, call, call.vars.id);
	if (isResponse(profile)) return profile;
	const profileId = profile.id;
	// The MultipartFile parameter is optional in the controller: without a file part it is null and the
	// controller's dereference throws a NullPointerException, which only Tomcat's 500 page reports.
	const part = call.parts?.find((candidate) => candidate.name === 'attachment' && candidate.filename !== undefined);
	if (!part) return containerError(500);
	const override = call.params.get('filename');
	const fileName = override?.trim() ? override : originalFilename(part.filename ?? '');
	const contentType = contentTypeOf(fileName);
	if (!VALID_TYPES.has(contentType)) {
		return errorDetails(500, 'OTHER', `File ${fileName} if of content Type ${contentType} which is not allowed`);
	}
	const stored = saveAttachment(state, profileId, fileName, contentType, part.data);
	return { status: 200, json: attachmentJson(profileId, stored) };
}

/**
 * The list handler's profileId argument carries no annotation, so Spring binds it from the REQUEST PARAMETER
 * "profileId" (the path's {id} is ignored). Without it, getProfile(null) fails to build an ObjectId:
 * 500 OTHER 'Error occurred while trying to get profile "null"'. Several values arrive comma-joined.
 */
export function list(state: CrafterState, call: Call): EmulatorResponse {
	const values = call.params.getAll('profileId');
	const profile = requireProfile(state, call, values.length ? values.join(',') : null);
	if (isResponse(profile)) return profile;
	const profileId = profile.id;
	// GridFS query {filename: {$regex: ".*<profileId>.*"}} over every stored file.
	const matches: Array<{ owner: string; attachment: StoredAttachment; order: number }> = [];
	for (const [owner, attachments] of state.attachments) {
		for (const attachment of attachments.values()) {
			const name = storeName(owner, attachment.baseName);
			if (name.includes(profileId)) matches.push({ owner, attachment, order: state.saveOrder.get(name) ?? 0 });
		}
	}
	matches.sort((a, b) => a.order - b.order);
	return { status: 200, json: matches.map(({ owner, attachment }) => attachmentJson(owner, attachment)) };
}

function storedAttachment(state: CrafterState, profileId: string, name: string): StoredAttachment | undefined {
	return state.attachments.get(profileId)?.get(name);
}

export function details(state: CrafterState, call: Call): EmulatorResponse {
	const profile = requireProfile(state, call, call.vars.id);
	if (isResponse(profile)) return profile;
	const profileId = profile.id;
	const attachment = storedAttachment(state, profileId, call.vars.attachmentId);
	return { status: 200, json: attachment ? attachmentJson(profileId, attachment) : EMPTY_ATTACHMENT };
}

/** An unknown name streams nothing: 200, no content type, empty body (the controller's 404 is unreachable). */
export function download(state: CrafterState, call: Call): EmulatorResponse {
	const profile = requireProfile(state, call, call.vars.id);
	if (isResponse(profile)) return profile;
	const profileId = profile.id;
	const attachment = storedAttachment(state, profileId, call.vars.attachmentId);
	if (!attachment) return { status: 200, body: Buffer.alloc(0), headers: { 'content-length': '0' } };
	return {
		status: 200,
		body: attachment.data,
		headers: { 'content-type': attachment.contentType, 'content-length': String(attachment.data.length) },
	};
}
