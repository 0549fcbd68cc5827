import type { EmulatorRequest, EmulatorResponse } from '../../emulator-server';
import { boundaryOf, MultipartParseError, parseMultipart } from '../../multipart';
import { decodeBase64, looksLikeJpeg, looksLikePng } from '../../signatures';
import { argosTimestamp } from '../clock';
import { ARGOS_ADMIN_EMAIL, ARGOS_ID_TYPES, ARGOS_IMAGE_SLOTS, type ArgosImageSlot } from '../constants';
import { INVALID_ADMIN, INVALID_ID_TYPE, INVALID_PAYLOAD, INVALID_SUBMISSION, MISSING_DATA, MISSING_ID_TYPE, NO_IMAGE, PROCESSING_ERROR } from '../errors';
import type { ArgosState } from '../store';

export const isSlot = (name: string | null): name is ArgosImageSlot => (ARGOS_IMAGE_SLOTS as readonly (string | null)[]).includes(name);
export const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function imageTypeOf(bytes: Buffer): 'image/jpeg' | 'image/png' | undefined {
	if (looksLikeJpeg(bytes)) return 'image/jpeg';
	if (looksLikePng(bytes)) return 'image/png';
	return undefined;
}

/**
 * Strict base64: Node's decoder skips characters it does not know, so garbage would decode to
 * something; requiring the text to round-trip refuses it, as well as URL-safe or unpadded text.
 * A data: URL prefix is refused too (the API takes the bare base64 string).
 */
function decodeImage(text: string): Buffer | undefined {
	const bytes = decodeBase64(text);
	if (!bytes || bytes.toString('base64') !== text.replace(/\s+/g, '')) return undefined;
	return imageTypeOf(bytes) ? bytes : undefined;
}

/**
 * The API reads text fields only: a part with a filename (a file part) is skipped, so an image
 * sent as a file counts as not provided. A repeated field keeps its last value.
 * undefined: the body is not multipart/form-data or does not parse.
 */
export function readTextFields(request: EmulatorRequest): Map<string, string> | undefined {
	const boundary = boundaryOf(headerValue(request.headers['content-type']));
	if (!boundary) return undefined;
	try {
		const fields = new Map<string, string>();
		for (const part of parseMultipart(request.body, boundary)) {
			if (part.filename === undefined) fields.set(part.name, part.data.toString('utf8'));
		}
		return fields;
	} catch (error) {
		if (error instanceof MultipartParseError) return undefined;
		throw error;
	}
}

/**
 * PUT /v3/submission/image [PUT-IMG] (../shared/docs/apis.md). Validation order: payload parse ->
 * submissionId and admin present -> at least one image -> idType present when idImage or idBackImage is
 * sent -> idType (whenever given) in the documented list -> admin is a dashboard admin -> submission
 * exists -> every image is base64 of a JPEG or PNG. Nothing is stored unless every image is good. Empty
 * fields count as missing.
 */
export function putImage(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const fields = readTextFields(request);
	if (!fields) return INVALID_PAYLOAD;
	const submissionId = fields.get('submissionId');
	const admin = fields.get('admin');
	const idType = fields.get('idType');
	if (!submissionId || !admin) return MISSING_DATA;
	const slots = [...fields.keys()].filter((name) => isSlot(name) && fields.get(name)) as ArgosImageSlot[];
	if (slots.length === 0) return NO_IMAGE;
	if (!idType && (slots.includes('idImage') || slots.includes('idBackImage'))) return MISSING_ID_TYPE;
	if (idType && !ARGOS_ID_TYPES.includes(idType)) return INVALID_ID_TYPE;
	if (admin !== ARGOS_ADMIN_EMAIL) return INVALID_ADMIN;
	const submission = state.submissions.get(submissionId);
	if (!submission) return INVALID_SUBMISSION;
	const decoded = slots.map((slot) => decodeImage(fields.get(slot) ?? ''));
	if (decoded.some((bytes) => bytes === undefined)) return PROCESSING_ERROR;
	slots.forEach((slot, index) => (submission.images[slot] = decoded[index]));
	submission.admin = admin;
	submission.updatedAt = argosTimestamp();
	if (idType) submission.idType = idType;
	state.acceptedUploads.push({ submissionId, slots });
	return { status: 200, json: { message: 'complete to update image.' } };
}
