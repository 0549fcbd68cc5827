import { randomBytes } from 'node:crypto';

import {
	startHttpEmulator,
	type EmulatorRequest,
	type EmulatorResponse,
	type RunningEmulator,
} from './emulator-server';
import { boundaryOf, parseMultipart, type MultipartPart } from './multipart';

/*
 * Emulates the attachment endpoints of a self-hosted Crafter Profile server (Spring MVC in Tomcat, files in
 * GridFS). The behaviour follows the server's source rather than its documentation, in the order the request
 * meets each layer:
 *   1. Spring's CommonsMultipartResolver parses a multipart POST before anything else; a request over
 *      maxUploadSize (5242880 bytes, the WHOLE request, not the file) or one it cannot parse is an uncaught
 *      exception, so Tomcat answers 500 with its HTML error page, even without a token.
 *   2. Handler lookup: no mapping -> Tomcat's 404 page; wrong method -> 405 JSON (ResponseEntityExceptionHandler).
 *   3. AccessTokenCheckingInterceptor: accessTokenId missing, unknown or expired -> 403 ACCESS_DENIED.
 *   4. ProfileService.getProfile: id that is not an ObjectId -> 500 OTHER; none -> 404 NO_SUCH_PROFILE; found ->
 *      the token needs MANAGE_PROFILES on the profile's tenant (403 ACTION_DENIED). Every attachment endpoint,
 *      reads included, goes through it.
 *   5. The controller body (type check by extension only, upsert by base name, lists, downloads).
 */

export const CRAFTER_ACCESS_TOKEN = 'a3f1c9d2-6b7e-4f08-9c41-2d5e8b7a0f13';
export const CRAFTER_READONLY_TOKEN = 'c7b2e4f1-0a9d-4c3e-8f56-71d2a9e0b4c8';
export const CRAFTER_EXPIRED_TOKEN = '5e9d0c7a-3f12-4b8e-a6d4-e0c1f2b3a495';
export const CRAFTER_SEEDED_PROFILE_IDS: string[] = [
	'6650a1f2c3d4e5f60718293a',
	'6650a1f2c3d4e5f60718293b',
	'6650a1f2c3d4e5f60718293c',
];
/** crafter.profile.attachments.maxSizeUpload; the resolver applies it to the whole multipart request. */
export const CRAFTER_MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export interface StoredAttachment {
	/** 24-hex GridFS file id, kept when the same base name is uploaded again. */
	id: string;
	baseName: string;
	/** The name as uploaded, with its extension. */
	fileName: string;
	contentType: string;
	data: Buffer;
}

export interface CrafterEmulator extends RunningEmulator {
	/** origin + '/crafter-profile', what a credential's baseUrl is set to. */
	baseUrl: string;
	accessToken: string;
	/** profileId -> baseName -> attachment. */
	profiles: Map<string, Map<string, StoredAttachment>>;
	/** Creates a profile in tenant "default" (random 24-hex id if none; an existing one is kept); returns its id. */
	addProfile(id?: string): string;
	/** Uploads answered 200, in order. */
	acceptedUploads: Array<{ profileId: string; fileName: string; bytes: number }>;
}

const CONTEXT_PATH = '/crafter-profile';
const API_PREFIX = '/api/1/profile';
const TENANT = 'default';
const MANAGE_PROFILES = 'MANAGE_PROFILES';

interface AccessToken {
	application: string;
	/** tenant (or '*') -> allowed actions (or '*'). */
	tenantPermissions: Record<string, string[]>;
	expiresOn?: Date;
}

const ACCESS_TOKENS = new Map<string, AccessToken>([
	[
		CRAFTER_ACCESS_TOKEN,
		{ application: 'n8n-identity-uploads', tenantPermissions: { [TENANT]: ['READ_TENANT', MANAGE_PROFILES] } },
	],
	[CRAFTER_READONLY_TOKEN, { application: 'reporting', tenantPermissions: { [TENANT]: ['READ_TENANT'] } }],
	[
		CRAFTER_EXPIRED_TOKEN,
		{
			application: 'legacy-portal',
			tenantPermissions: { [TENANT]: ['READ_TENANT', MANAGE_PROFILES] },
			expiresOn: new Date(Date.UTC(2024, 0, 1)),
		},
	],
]);

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

type RouteName = 'upload' | 'list' | 'details' | 'download' | 'count';

interface Route {
	name: RouteName;
	method: 'GET' | 'POST';
	/** Spring pattern below /api/1/profile; the list mapping really ends with a slash. */
	pattern: string;
}

const ROUTES: Route[] = [
	{ name: 'count', method: 'GET', pattern: '/count' },
	{ name: 'upload', method: 'POST', pattern: '/{id}/uploadAttachment' },
	{ name: 'list', method: 'GET', pattern: '/{id}/attachments/' },
	{ name: 'details', method: 'GET', pattern: '/{id}/attachment/{attachmentId}/details' },
	{ name: 'download', method: 'GET', pattern: '/{id}/attachment/{attachmentId}' },
];

interface CrafterState {
	profiles: CrafterEmulator['profiles'];
	acceptedUploads: CrafterEmulator['acceptedUploads'];
	/** Store name -> save sequence, for GridFS's natural (insertion) order in lists. */
	saveOrder: Map<string, number>;
	saves: number;
}

/** Request parameters as the servlet API merges them (query string and form fields). */
interface RequestParams {
	get(name: string): string | undefined;
	getAll(name: string): string[];
}

interface Call {
	params: RequestParams;
	vars: Record<string, string>;
	/** Undefined unless the request was a multipart POST. */
	parts?: MultipartPart[];
	token: AccessToken;
}

const errorDetails = (status: number, errorCode: string, message: string): EmulatorResponse => ({
	status,
	json: { errorCode, message },
});

const STATUS_TEXT: Record<number, string> = { 404: 'Not Found', 500: 'Internal Server Error' };

/** Tomcat's own error page (report details hidden), for what never reaches Crafter's exception handlers. */
function containerError(status: 404 | 500): EmulatorResponse {
	const title = `HTTP Status ${status} – ${STATUS_TEXT[status]}`;
	return {
		status,
		body: `<!doctype html><html lang="en"><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
		headers: { 'content-type': 'text/html;charset=utf-8' },
	};
}

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

function newObjectId(): string {
	const seconds = Buffer.alloc(4);
	seconds.writeUInt32BE(Math.floor(Date.now() / 1000));
	return Buffer.concat([seconds, randomBytes(8)]).toString('hex');
}

const isObjectId = (value: string) => /^[0-9a-fA-F]{24}$/.test(value);

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

function segmentRegex(segment: string): RegExp {
	const source = segment.replace(/\{(\w+)\}|(\*)|([^{*]+)/g, (_, variable?: string, star?: string, literal?: string) => {
		if (variable) return `(?<${variable}>.*)`;
		if (star) return '.*';
		return (literal ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	});
	return new RegExp(`^${source}$`, 's');
}

/** AntPathMatcher.match: same segment count, each segment matched, and both end with "/" or neither. */
function antMatch(pattern: string, path: string): Record<string, string> | undefined {
	const patternTokens = pattern.split('/').filter(Boolean);
	const pathTokens = path.split('/').filter(Boolean);
	if (patternTokens.length !== pathTokens.length) return undefined;
	if (pattern.endsWith('/') !== path.endsWith('/')) return undefined;
	const vars: Record<string, string> = {};
	for (const [index, token] of patternTokens.entries()) {
		const match = segmentRegex(token).exec(pathTokens[index]);
		if (!match) return undefined;
		Object.assign(vars, match.groups);
	}
	return vars;
}

/** Spring MVC with suffix-pattern matching: "{pattern}.*" first (so a.jpg binds "a"), then exact, then "/". */
function springMatch(pattern: string, path: string): Record<string, string> | undefined {
	const suffixed = pattern.includes('.') ? undefined : antMatch(`${pattern}.*`, path);
	return suffixed ?? antMatch(pattern, path) ?? (pattern.endsWith('/') ? undefined : antMatch(`${pattern}/`, path));
}

type Lookup =
	| { kind: 'found'; route: Route; vars: Record<string, string> }
	| { kind: 'wrong-method'; allowed: string[] }
	| { kind: 'none' };

function decodePath(path: string): string | undefined {
	try {
		return path
			.split('/')
			.map((segment) => decodeURIComponent(segment))
			.join('/');
	} catch {
		return undefined;
	}
}

function lookupRoute(method: string, requestPath: string): Lookup {
	if (!requestPath.startsWith(`${CONTEXT_PATH}${API_PREFIX}/`)) return { kind: 'none' };
	const path = decodePath(requestPath.slice(CONTEXT_PATH.length + API_PREFIX.length));
	if (path === undefined) return { kind: 'none' };
	const effective = method === 'HEAD' ? 'GET' : method;
	const matches = ROUTES.flatMap((route) => {
		const vars = springMatch(route.pattern, path);
		return vars ? [{ route, vars }] : [];
	});
	const found = matches.find(({ route }) => route.method === effective);
	if (found) return { kind: 'found', ...found };
	if (matches.length === 0) return { kind: 'none' };
	return { kind: 'wrong-method', allowed: [...new Set(matches.map(({ route }) => route.method))] };
}

function optionsAllow(methods: string[]): string {
	const allowed = methods.includes('GET') ? [...methods, 'HEAD'] : [...methods];
	return [...allowed, 'OPTIONS'].join(',');
}

const isMultipartPost = (request: EmulatorRequest) =>
	request.method === 'POST' && /^multipart\//i.test(String(request.headers['content-type'] ?? ''));

function multipartFields(parts: MultipartPart[]): URLSearchParams {
	const fields = new URLSearchParams();
	for (const part of parts) if (part.filename === undefined) fields.append(part.name, part.data.toString('utf8'));
	return fields;
}

/**
 * Spring's multipart request wrapper answers its form fields before the query string; Tomcat's own parameter
 * map (urlencoded POST) lists the query string first.
 */
function requestParams(request: EmulatorRequest, parts: MultipartPart[] | undefined): RequestParams {
	const sources: URLSearchParams[] = [request.query];
	if (parts) sources.unshift(multipartFields(parts));
	const contentType = String(request.headers['content-type'] ?? '');
	if (request.method === 'POST' && /^application\/x-www-form-urlencoded/i.test(contentType)) {
		sources.push(new URLSearchParams(request.body.toString('utf8')));
	}
	return {
		get: (name) => sources.find((source) => source.has(name))?.get(name) ?? undefined,
		getAll: (name) => sources.find((source) => source.has(name))?.getAll(name) ?? [],
	};
}

function parseMultipartRequest(request: EmulatorRequest): MultipartPart[] | EmulatorResponse {
	// Real servers may also reset the connection here (Tomcat stops swallowing large unread bodies).
	if (request.body.length > CRAFTER_MAX_ATTACHMENT_BYTES) return containerError(500);
	const boundary = boundaryOf(String(request.headers['content-type']));
	if (!boundary) return containerError(500);
	try {
		return parseMultipart(request.body, boundary);
	} catch {
		return containerError(500);
	}
}

const twoDigits = (value: number) => String(value).padStart(2, '0');
/** {2,date,MM/dd/yyyy} in the message pattern; the server's time zone is taken to be UTC. */
const formatDate = (date: Date) =>
	`${twoDigits(date.getUTCMonth() + 1)}/${twoDigits(date.getUTCDate())}/${date.getUTCFullYear()}`;

function authenticate(tokenId: string | undefined): AccessToken | EmulatorResponse {
	if (!tokenId) return errorDetails(403, 'ACCESS_DENIED', 'Access token ID param missing from request');
	const token = ACCESS_TOKENS.get(tokenId);
	if (!token) return errorDetails(403, 'ACCESS_DENIED', `No access token found for ID "${tokenId}"`);
	if (token.expiresOn && Date.now() >= token.expiresOn.getTime()) {
		const expiry = formatDate(token.expiresOn);
		const message = `Access token "${tokenId}" for application "${token.application}" expired on ${expiry}`;
		return errorDetails(403, 'ACCESS_DENIED', message);
	}
	return token;
}

function allows(token: AccessToken, tenant: string, action: string): boolean {
	const actions = [...(token.tenantPermissions[tenant] ?? []), ...(token.tenantPermissions['*'] ?? [])];
	return actions.includes(action) || actions.includes('*');
}

/** ProfileService.getProfile as the controllers use it; answers the normalised id or the error. */
function findProfile(state: CrafterState, call: Call, rawId: string | null): string | EmulatorResponse {
	if (rawId === null || !isObjectId(rawId)) {
		return errorDetails(500, 'OTHER', `Error occurred while trying to get profile "${rawId}"`);
	}
	const id = rawId.toLowerCase();
	if (!state.profiles.has(id)) return errorDetails(404, 'NO_SUCH_PROFILE', `No profile with ID "${rawId}" found`);
	if (!allows(call.token, TENANT, MANAGE_PROFILES)) {
		const action = `action "${MANAGE_PROFILES}" on tenant "${TENANT}"`;
		return errorDetails(403, 'ACTION_DENIED', `Current subject does not have permission to execute ${action}`);
	}
	return id;
}

function saveAttachment(state: CrafterState, profileId: string, fileName: string, contentType: string, data: Buffer) {
	const attachments = state.profiles.get(profileId) as Map<string, StoredAttachment>;
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

function upload(state: CrafterState, call: Call): EmulatorResponse {
	const profileId = findProfile(state, call, call.vars.id);
	if (typeof profileId !== 'string') return profileId;
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
function list(state: CrafterState, call: Call): EmulatorResponse {
	const values = call.params.getAll('profileId');
	const profileId = findProfile(state, call, values.length ? values.join(',') : null);
	if (typeof profileId !== 'string') return profileId;
	// GridFS query {filename: {$regex: ".*<profileId>.*"}} over every stored file.
	const matches: Array<{ owner: string; attachment: StoredAttachment; order: number }> = [];
	for (const [owner, attachments] of state.profiles) {
		for (const attachment of attachments.values()) {
			const name = storeName(owner, attachment.baseName);
			if (name.includes(profileId)) matches.push({ owner, attachment, order: state.saveOrder.get(name) ?? 0 });
		}
	}
	matches.sort((a, b) => a.order - b.order);
	return { status: 200, json: matches.map(({ owner, attachment }) => attachmentJson(owner, attachment)) };
}

function storedAttachment(state: CrafterState, profileId: string, name: string): StoredAttachment | undefined {
	return state.profiles.get(profileId)?.get(name);
}

function details(state: CrafterState, call: Call): EmulatorResponse {
	const profileId = findProfile(state, call, call.vars.id);
	if (typeof profileId !== 'string') return profileId;
	const attachment = storedAttachment(state, profileId, call.vars.attachmentId);
	return { status: 200, json: attachment ? attachmentJson(profileId, attachment) : EMPTY_ATTACHMENT };
}

/** An unknown name streams nothing: 200, no content type, empty body (the controller's 404 is unreachable). */
function download(state: CrafterState, call: Call): EmulatorResponse {
	const profileId = findProfile(state, call, call.vars.id);
	if (typeof profileId !== 'string') return profileId;
	const attachment = storedAttachment(state, profileId, call.vars.attachmentId);
	if (!attachment) return { status: 200, body: Buffer.alloc(0), headers: { 'content-length': '0' } };
	return {
		status: 200,
		body: attachment.data,
		headers: { 'content-type': attachment.contentType, 'content-length': String(attachment.data.length) },
	};
}

/** GET /api/1/profile/count?tenantName=: the cheapest call that proves a token works (the node's credential test). */
function count(state: CrafterState, call: Call): EmulatorResponse {
	const tenantName = call.params.get('tenantName');
	if (tenantName !== TENANT) return errorDetails(404, 'NO_SUCH_TENANT', `No tenant found with name "${tenantName}"`);
	return { status: 200, json: state.profiles.size };
}

const HANDLERS: Record<RouteName, (state: CrafterState, call: Call) => EmulatorResponse> = {
	count,
	upload,
	list,
	details,
	download,
};

function handle(state: CrafterState, request: EmulatorRequest): EmulatorResponse {
	let parts: MultipartPart[] | undefined;
	if (isMultipartPost(request)) {
		const parsed = parseMultipartRequest(request);
		if (!Array.isArray(parsed)) return parsed;
		parts = parsed;
	}
	const lookup = lookupRoute(request.method, request.path);
	if (lookup.kind === 'none') return containerError(404);
	// Spring answers OPTIONS itself, but through a handler, so after the token interceptor.
	if (lookup.kind === 'wrong-method' && request.method !== 'OPTIONS') {
		return {
			...errorDetails(405, 'OTHER', `Request method '${request.method}' not supported`),
			headers: { allow: lookup.allowed.join(',') },
		};
	}
	const params = requestParams(request, parts);
	const token = authenticate(params.get('accessTokenId'));
	if (!('tenantPermissions' in token)) return token;
	if (lookup.kind === 'wrong-method') return { status: 200, headers: { allow: optionsAllow(lookup.allowed) } };
	return HANDLERS[lookup.route.name](state, { params, vars: lookup.vars, parts, token });
}

function addProfile(state: CrafterState, id?: string): string {
	if (id !== undefined && !isObjectId(id)) throw new Error(`Crafter profile ids are 24 hex characters, not "${id}"`);
	const profileId = (id ?? newObjectId()).toLowerCase();
	if (!state.profiles.has(profileId)) state.profiles.set(profileId, new Map());
	return profileId;
}

export async function startCrafterEmulator(options: { port?: number; host?: string } = {}): Promise<CrafterEmulator> {
	const state: CrafterState = { profiles: new Map(), acceptedUploads: [], saveOrder: new Map(), saves: 0 };
	for (const id of CRAFTER_SEEDED_PROFILE_IDS) addProfile(state, id);
	const emulator = await startHttpEmulator((request) => handle(state, request), {
		port: options.port,
		host: options.host,
	});
	return {
		...emulator,
		baseUrl: `${emulator.origin}${CONTEXT_PATH}`,
		accessToken: CRAFTER_ACCESS_TOKEN,
		profiles: state.profiles,
		addProfile: (id?: string) => addProfile(state, id),
		acceptedUploads: state.acceptedUploads,
	};
}
