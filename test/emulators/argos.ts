import { randomBytes } from 'node:crypto';

import {
	startHttpEmulator,
	type EmulatorRequest,
	type EmulatorResponse,
	type RunningEmulator,
} from './emulator-server';
import { boundaryOf, MultipartParseError, parseMultipart } from './multipart';
import { decodeBase64, looksLikeJpeg, looksLikePng } from './signatures';

export const ARGOS_API_KEY = 'argos_demo_key_3f9c2a';
export const ARGOS_ADMIN_EMAIL = 'admin@example.com';
export const ARGOS_SEEDED_SUBMISSION_IDS: string[] = ['5f1c9a2b7d3e40a1', 'a8b4c6d2e0f13957', '0c7e3b9d4a21f6e8'];
/** Inferred gateway limit (AWS Lambda's 6 MB payload); the whole request body counts. */
export const ARGOS_MAX_REQUEST_BYTES = 6_000_000;

export type ArgosImageSlot = 'idImage' | 'idBackImage' | 'selfieImage' | 'addressImage';
export const ARGOS_IMAGE_SLOTS: readonly ArgosImageSlot[] = ['idImage', 'idBackImage', 'selfieImage', 'addressImage'];
export const ARGOS_ID_TYPES: readonly string[] = [
	'drivers_license',
	'government_id',
	'passport',
	'residence_permit',
	'vehicle_registration_certificate',
	'visa',
	'aadhaar',
	'pancard',
];

export interface ArgosSubmission {
	images: Partial<Record<ArgosImageSlot, Buffer>>;
	/** The admin of the last accepted image upload. */
	admin?: string;
	idType?: string;
	/** The fields a migration created it from. */
	data?: Record<string, unknown>;
	createdAt?: string;
}

export interface ArgosEmulator extends RunningEmulator {
	/** origin + '/v3', what a credential's baseUrl is set to. */
	baseUrl: string;
	apiKey: string;
	/** Images currently stored, per submission id: slot -> decoded bytes. */
	submissions: Map<string, ArgosSubmission>;
	/** Creates a submission (a random id if none given; an existing one is kept) and returns its id. */
	addSubmission(id?: string): string;
	/** The image uploads the service accepted (200), in order: submissionId + slots sent. */
	acceptedUploads: Array<{ submissionId: string; slots: ArgosImageSlot[] }>;
	/** Make the next n authenticated requests answer 429 {"message":"Too Many Requests"} (for retry tests). */
	throttleNext(n: number): void;
}

interface ArgosState {
	apiKey: string;
	submissions: Map<string, ArgosSubmission>;
	acceptedUploads: ArgosEmulator['acceptedUploads'];
	throttled: number;
}

type Route = (request: EmulatorRequest, state: ArgosState) => EmulatorResponse;

const gatewayError = (status: number, message: string): EmulatorResponse => ({ status, json: { message } });
const argosError = (errorCode: string, message: string): EmulatorResponse => ({
	status: 400,
	json: { errorCode, message },
});

const INVALID_PAYLOAD = argosError('invalid_payload', 'Fail to parse the input data.');
const MISSING_DATA = argosError('missing_data', 'Required input data is missing.');
const MISSING_ID_TYPE = argosError('missing_data', 'The idType is required when submit idImage or idBackImage.');
const NO_IMAGE = argosError('invalid_data', 'At least one image parameter is required.');
const INVALID_ID_TYPE = argosError('invalid_idType', 'Invalid IdType.');
const INVALID_ADMIN = argosError('invalid_admin', 'Invalid admin.');
const INVALID_SUBMISSION = argosError('invalid_submission', 'Invalid submission.');
const INVALID_IMAGE_TYPE = argosError('invalid_data', 'Invalid image type.');
const PROCESSING_ERROR = argosError('processing_error', 'Failed to put image.');


const isSlot = (name: string): name is ArgosImageSlot => (ARGOS_IMAGE_SLOTS as readonly string[]).includes(name);
const headerValue = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function imageTypeOf(bytes: Buffer): 'image/jpeg' | 'image/png' | undefined {
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
function readTextFields(request: EmulatorRequest): Map<string, string> | undefined {
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
 * Validation order: payload parse -> submissionId and admin present -> at least one image ->
 * idType present when idImage or idBackImage is sent -> idType (whenever given) in the documented
 * list -> admin is a dashboard admin -> submission exists -> every image is base64 of a JPEG or PNG.
 * Nothing is stored unless every image is good. Empty fields count as missing.
 */
function putImage(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
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
	if (idType) submission.idType = idType;
	state.acceptedUploads.push({ submissionId, slots });
	return { status: 200, json: { message: 'complete to update image.' } };
}

function describeSubmission(id: string, submission: ArgosSubmission): Record<string, unknown> {
	const images = Object.fromEntries(Object.keys(submission.images).map((slot) => [slot, true]));
	return {
		...submission.data,
		submission_id: id,
		created_at: submission.createdAt,
		...(submission.admin ? { admin: submission.admin } : {}),
		...(submission.idType ? { idType: submission.idType } : {}),
		images,
	};
}

/** Without submission_id the real endpoint lists submissions; this one lists them all, unpaged. */
function getSubmission(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const id = request.query.get('submission_id');
	const found = id ? state.submissions.get(id) : undefined;
	const entries: Array<[string, ArgosSubmission]> = id ? (found ? [[id, found]] : []) : [...state.submissions];
	return { status: 200, json: { Items: entries.map(([key, submission]) => describeSubmission(key, submission)) } };
}

/** An unknown submission and an empty slot both answer 400 invalid_submission: there is no image to give. */
function getImage(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const id = request.query.get('submission_id');
	const type = request.query.get('type');
	if (!id || !type) return MISSING_DATA;
	if (!isSlot(type)) return INVALID_IMAGE_TYPE;
	const bytes = state.submissions.get(id)?.images[type];
	if (!bytes) return INVALID_SUBMISSION;
	return { status: 200, body: bytes, headers: { 'content-type': imageTypeOf(bytes) ?? 'application/octet-stream' } };
}

function migrateSubmission(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	let data: unknown;
	try {
		data = JSON.parse(request.body.toString('utf8'));
	} catch {
		return INVALID_PAYLOAD;
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return INVALID_PAYLOAD;
	const id = addSubmission(state);
	(state.submissions.get(id) as ArgosSubmission).data = data as Record<string, unknown>;
	return { status: 200, json: { submission_id: id } };
}

const ROUTES: Record<string, Route> = {
	'PUT /v3/submission/image': putImage,
	'GET /v3/submission': getSubmission,
	'GET /v3/image': getImage,
	'POST /v3/submission/migration': migrateSubmission,
};

/**
 * In the order an AWS API Gateway (REST) answers: the body size limit (enforced by the server
 * before this runs), then route matching — an unknown path or a wrong method answers
 * 403 "Missing Authentication Token", whatever the key — then the API key, then throttling.
 */
function handle(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const route = ROUTES[`${request.method} ${request.path}`];
	if (!route) return gatewayError(403, 'Missing Authentication Token');
	if (headerValue(request.headers['x-api-key']) !== state.apiKey) return gatewayError(403, 'Forbidden');
	if (state.throttled > 0) {
		state.throttled -= 1;
		return gatewayError(429, 'Too Many Requests');
	}
	return route(request, state);
}

function addSubmission(state: ArgosState, id = randomBytes(8).toString('hex')): string {
	if (!state.submissions.has(id)) {
		state.submissions.set(id, { images: {}, createdAt: new Date().toISOString() });
	}
	return id;
}

export async function startArgosEmulator(options: { port?: number; host?: string } = {}): Promise<ArgosEmulator> {
	const state: ArgosState = { apiKey: ARGOS_API_KEY, submissions: new Map(), acceptedUploads: [], throttled: 0 };
	for (const id of ARGOS_SEEDED_SUBMISSION_IDS) addSubmission(state, id);
	const running = await startHttpEmulator((request) => handle(request, state), {
		port: options.port,
		host: options.host,
		maxBodyBytes: ARGOS_MAX_REQUEST_BYTES,
		tooLarge: gatewayError(413, 'Request Entity Too Large'),
	});
	return {
		...running,
		baseUrl: `${running.origin}/v3`,
		apiKey: state.apiKey,
		submissions: state.submissions,
		acceptedUploads: state.acceptedUploads,
		addSubmission: (id) => addSubmission(state, id),
		throttleNext: (n) => {
			state.throttled = Math.max(0, Math.floor(n));
		},
	};
}
