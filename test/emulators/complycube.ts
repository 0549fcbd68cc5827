import {
	startHttpEmulator,
	type EmulatorOptions,
	type EmulatorRequest,
	type EmulatorResponse,
	type RunningEmulator,
} from './emulator-server';
import { decodeBase64, looksLikeJpeg, looksLikePdf, looksLikePng, randomHexId } from './signatures';

/** Seeded keys: a sandbox key (5 requests/s, as ComplyCube's sandbox) and a live one (10/s). */
export const COMPLYCUBE_API_KEY = 'test_Y29tcGx5Y3ViZS1lbXVsYXRvcg';
export const COMPLYCUBE_LIVE_API_KEY = 'live_Y29tcGx5Y3ViZS1lbXVsYXRvcg';
/** A client and a driving licence that always exist, so the example workflows run as shipped. */
export const COMPLYCUBE_DEMO_CLIENT_ID = '65a1c0ffee00000000000c01';
export const COMPLYCUBE_DEMO_DOCUMENT_ID = '65a1c0ffee00000000000d01';
export const COMPLYCUBE_MIN_BYTES = 34_816;
export const COMPLYCUBE_MAX_BYTES = 4_000_000;
/** Whole request bodies over this answer 413 (4 MB of base64 plus JSON fits well inside). */
export const COMPLYCUBE_MAX_REQUEST_BYTES = 8 * 1024 * 1024;

const TWO_SIDED_TYPES = new Set(['driving_license', 'national_identity_card', 'residence_permit']);
const DOCUMENT_TYPES = new Set(['passport', ...TWO_SIDED_TYPES]);
const SIZE_MESSAGE = 'Image file size should be between 34KB and 4MB';

interface StoredImage {
	fileName: string;
	contentType: string;
	data: Buffer;
	createdAt: string;
}

export interface ComplyCubeDocument {
	id: string;
	clientId: string;
	type: string;
	issuingCountry?: string;
	images: { front?: StoredImage; back?: StoredImage };
	createdAt: string;
}

export interface ComplyCubeLivePhoto {
	id: string;
	clientId: string;
	performLivenessCheck: boolean;
	contentType: string;
	data: Buffer;
	createdAt: string;
}

export interface AcceptedUpload {
	kind: 'documentImage' | 'livePhoto';
	id: string;
	side?: 'front' | 'back';
	fileName?: string;
	data: Buffer;
}

export interface ComplyCubeEmulator extends RunningEmulator {
	/** What a credential's Base URL is set to: origin + '/v1'. */
	baseUrl: string;
	apiKey: string;
	clients: Map<string, Record<string, unknown>>;
	documents: Map<string, ComplyCubeDocument>;
	livePhotos: Map<string, ComplyCubeLivePhoto>;
	/** Every image the service accepted, in order. */
	acceptedUploads: AcceptedUpload[];
	addClient(fields?: Record<string, unknown>): string;
	addDocument(clientId: string, type?: string): string;
	/** The next n authenticated requests answer 429, as when the rate limit is hit. */
	throttleNext(n: number): void;
}

export interface ComplyCubeEmulatorOptions extends EmulatorOptions {
	/** Enforce the per-key rate limits (5/s sandbox, 10/s live); on by default, as the real service. */
	rateLimit?: boolean;
}

const now = () => new Date().toISOString();
const error = (status: number, type: string, message: string, param?: string): EmulatorResponse => ({
	status,
	json: { type, message, ...(param ? { param } : {}) },
});

class ComplyCubeService {
	readonly clients = new Map<string, Record<string, unknown>>();
	readonly documents = new Map<string, ComplyCubeDocument>();
	readonly livePhotos = new Map<string, ComplyCubeLivePhoto>();
	readonly checks = new Map<string, Record<string, unknown>>();
	readonly acceptedUploads: AcceptedUpload[] = [];
	throttled = 0;
	private readonly recentRequests = new Map<string, number[]>();

	constructor(private readonly rateLimit: boolean) {
		const createdAt = now();
		this.clients.set(COMPLYCUBE_DEMO_CLIENT_ID, {
			id: COMPLYCUBE_DEMO_CLIENT_ID,
			type: 'person',
			email: 'jane.sample@example.com',
			personDetails: { firstName: 'Jane', lastName: 'Sample' },
			createdAt,
			updatedAt: createdAt,
		});
		this.documents.set(COMPLYCUBE_DEMO_DOCUMENT_ID, {
			id: COMPLYCUBE_DEMO_DOCUMENT_ID,
			clientId: COMPLYCUBE_DEMO_CLIENT_ID,
			type: 'driving_license',
			issuingCountry: 'GB',
			images: {},
			createdAt,
		});
	}

	handle(request: EmulatorRequest): EmulatorResponse {
		const key = request.headers.authorization;
		if (key !== COMPLYCUBE_API_KEY && key !== COMPLYCUBE_LIVE_API_KEY) {
			// The exact 401 body is not published; its shape follows ComplyCube's documented error object.
			return error(401, 'authentication_error', 'The request is not authenticated: the API key is invalid.');
		}
		if (this.isRateLimited(key)) return error(429, 'rate_limit_exceeded', 'Too many requests. Please retry later.');
		const path = request.path.replace(/\/+$/, '');
		if (!path.startsWith('/v1/')) return error(404, 'resource_not_found', `Unknown path '${request.path}'`);
		return this.route(request, path.slice('/v1'.length).split('/').slice(1).map(decodeURIComponent));
	}

	private isRateLimited(key: string): boolean {
		if (this.throttled > 0) {
			this.throttled--;
			return true;
		}
		if (!this.rateLimit) return false;
		const limit = key.startsWith('test_') ? 5 : 10;
		const windowStart = Date.now() - 1000;
		const recent = (this.recentRequests.get(key) ?? []).filter((time) => time > windowStart);
		if (recent.length >= limit) {
			this.recentRequests.set(key, recent);
			return true;
		}
		recent.push(Date.now());
		this.recentRequests.set(key, recent);
		return false;
	}

	private route(request: EmulatorRequest, segments: string[]): EmulatorResponse {
		const [collection, id, action, side] = segments;
		const method = request.method;
		const body = () => parseJson(request.body);
		if (collection === 'clients') {
			if (method === 'POST' && !id) return this.createClient(body());
			if (method === 'GET' && !id) return this.list(this.clients, request.query);
			if (method === 'GET' && id && !action) return this.found(this.clients.get(id), 'client', id);
		}
		if (collection === 'documents') {
			if (method === 'POST' && !id) return this.createDocument(body());
			if (method === 'POST' && id && action === 'upload' && segments.length === 4) return this.uploadImage(id, side, body());
			if (method === 'GET' && id && !action) return this.found(this.documentView(id), 'document', id);
			if (method === 'GET' && id && action === 'download' && side) return this.downloadImage(id, side);
			if (method === 'DELETE' && id && action && !side) return this.deleteImage(id, action);
		}
		if (collection === 'livePhotos') {
			if (method === 'POST' && !id) return this.uploadLivePhoto(body());
			if (method === 'GET' && id && !action) return this.found(this.livePhotoView(id), 'live photo', id);
			if (method === 'GET' && id && action === 'download') return this.downloadLivePhoto(id);
		}
		if (collection === 'checks') {
			if (method === 'POST' && !id) return this.createCheck(body());
			if (method === 'GET' && id && !action) return this.getCheck(id);
		}
		return error(404, 'resource_not_found', `Unknown endpoint ${method} /v1/${segments.join('/')}`);
	}

	addClient(fields: Record<string, unknown> = {}): string {
		const id = randomHexId();
		this.clients.set(id, { id, type: 'person', email: 'john.doe@example.com', ...fields, createdAt: now(), updatedAt: now() });
		return id;
	}

	addDocument(clientId: string, type = 'driving_license'): string {
		const id = randomHexId();
		this.documents.set(id, { id, clientId, type, images: {}, createdAt: now() });
		return id;
	}

	private createClient(body: Record<string, unknown> | undefined): EmulatorResponse {
		if (!body) return error(400, 'invalid_request', 'Request body is not valid JSON');
		if (body.type !== 'person' && body.type !== 'company') {
			return error(400, 'invalid_request', '"type" must be one of [person, company]', 'type');
		}
		if (typeof body.email !== 'string' || !body.email.includes('@')) {
			return error(400, 'invalid_request', '"email" must be a valid email', 'email');
		}
		const id = this.addClient(body);
		return { status: 200, json: this.clients.get(id) };
	}

	private createDocument(body: Record<string, unknown> | undefined): EmulatorResponse {
		if (!body) return error(400, 'invalid_request', 'Request body is not valid JSON');
		if (typeof body.clientId !== 'string' || !this.clients.has(body.clientId)) {
			return error(404, 'resource_not_found', `Invalid client id '${String(body.clientId)}'`, 'clientId');
		}
		if (typeof body.type !== 'string' || !DOCUMENT_TYPES.has(body.type)) {
			return error(400, 'invalid_request', `"type" must be one of [${[...DOCUMENT_TYPES].join(', ')}]`, 'type');
		}
		const id = this.addDocument(body.clientId, body.type);
		const document = this.documents.get(id)!;
		if (typeof body.issuingCountry === 'string') document.issuingCountry = body.issuingCountry;
		return { status: 200, json: this.documentView(id) };
	}

	private uploadImage(documentId: string, side: string, body: Record<string, unknown> | undefined): EmulatorResponse {
		const document = this.documents.get(documentId);
		if (!document) return error(404, 'resource_not_found', `Invalid document id '${documentId}'`);
		if (side !== 'front' && side !== 'back') return error(400, 'invalid_request', '"side" must be one of [front, back]', 'side');
		if (!body) return error(400, 'invalid_request', 'Request body is not valid JSON');
		if (typeof body.fileName !== 'string' || !body.fileName) return error(400, 'invalid_request', '"fileName" is required', 'fileName');
		if (!/\.(jpe?g|png|pdf)$/i.test(body.fileName)) {
			return error(400, 'invalid_request', '"fileName" must have a .jpg, .jpeg, .png or .pdf extension', 'fileName');
		}
		const data = decodeBase64(body.data);
		if (!data) return error(400, 'invalid_request', '"data" must be a valid base64 string', 'data');
		if (data.length < COMPLYCUBE_MIN_BYTES || data.length > COMPLYCUBE_MAX_BYTES) {
			return error(400, 'invalid_request', SIZE_MESSAGE, 'data');
		}
		const contentType = contentTypeOf(data, true);
		if (!contentType) return error(400, 'invalid_request', 'Unsupported file format: JPG, PNG or PDF expected', 'data');
		const image = { fileName: body.fileName, contentType, data, createdAt: now() };
		document.images[side] = image;
		this.acceptedUploads.push({ kind: 'documentImage', id: documentId, side, fileName: body.fileName, data });
		return {
			status: 200,
			json: {
				id: randomHexId(),
				fileName: image.fileName,
				documentSide: side,
				downloadLink: `/documents/${documentId}/download/${side}`,
				contentType,
				size: data.length,
				createdAt: image.createdAt,
				updatedAt: image.createdAt,
			},
		};
	}

	private uploadLivePhoto(body: Record<string, unknown> | undefined): EmulatorResponse {
		if (!body) return error(400, 'invalid_request', 'Request body is not valid JSON');
		if (typeof body.clientId !== 'string' || !this.clients.has(body.clientId)) {
			return error(404, 'resource_not_found', `Invalid client id '${String(body.clientId)}'`, 'clientId');
		}
		const data = decodeBase64(body.data);
		if (!data) return error(400, 'invalid_request', '"data" must be a valid base64 string', 'data');
		if (data.length < COMPLYCUBE_MIN_BYTES || data.length > COMPLYCUBE_MAX_BYTES) {
			return error(400, 'invalid_request', SIZE_MESSAGE, 'data');
		}
		const contentType = contentTypeOf(data, false);
		if (!contentType) return error(400, 'invalid_request', 'Unsupported file format: JPG or PNG expected', 'data');
		if (body.performLivenessCheck !== undefined && typeof body.performLivenessCheck !== 'boolean') {
			return error(400, 'invalid_request', '"performLivenessCheck" must be a boolean', 'performLivenessCheck');
		}
		const id = randomHexId();
		const photo = {
			id,
			clientId: body.clientId,
			performLivenessCheck: body.performLivenessCheck !== false,
			contentType,
			data,
			createdAt: now(),
		};
		this.livePhotos.set(id, photo);
		this.acceptedUploads.push({ kind: 'livePhoto', id, data });
		return { status: 200, json: this.livePhotoView(id) };
	}

	private documentView(id: string) {
		const document = this.documents.get(id);
		if (!document) return undefined;
		const images = (['front', 'back'] as const)
			.filter((side) => document.images[side])
			.map((side) => ({
				documentSide: side,
				fileName: document.images[side]!.fileName,
				contentType: document.images[side]!.contentType,
				size: document.images[side]!.data.length,
				downloadLink: `/documents/${id}/download/${side}`,
			}));
		const { images: _stored, ...fields } = document;
		return { ...fields, images, updatedAt: document.createdAt };
	}

	private livePhotoView(id: string) {
		const photo = this.livePhotos.get(id);
		if (!photo) return undefined;
		return {
			id,
			clientId: photo.clientId,
			downloadLink: `/livePhotos/${id}/download`,
			contentType: photo.contentType,
			performLivenessCheck: photo.performLivenessCheck,
			size: photo.data.length,
			createdAt: photo.createdAt,
			updatedAt: photo.createdAt,
		};
	}

	private downloadImage(id: string, side: string): EmulatorResponse {
		const image = this.documents.get(id)?.images[side as 'front' | 'back'];
		if (!image) return error(404, 'resource_not_found', `Invalid document id '${id}' or side '${side}'`);
		return { status: 200, json: { fileName: image.fileName, contentType: image.contentType, data: image.data.toString('base64') } };
	}

	private deleteImage(id: string, side: string): EmulatorResponse {
		const document = this.documents.get(id);
		if (!document) return error(404, 'resource_not_found', `Invalid document id '${id}'`);
		if (side !== 'front' && side !== 'back') return error(400, 'invalid_request', '"side" must be one of [front, back]', 'side');
		delete document.images[side];
		return { status: 204 };
	}

	private downloadLivePhoto(id: string): EmulatorResponse {
		const photo = this.livePhotos.get(id);
		if (!photo) return error(404, 'resource_not_found', `Invalid live photo id '${id}'`);
		return { status: 200, json: { fileName: `${id}.${photo.contentType === 'image/png' ? 'png' : 'jpg'}`, contentType: photo.contentType, data: photo.data.toString('base64') } };
	}

	private createCheck(body: Record<string, unknown> | undefined): EmulatorResponse {
		if (!body) return error(400, 'invalid_request', 'Request body is not valid JSON');
		if (typeof body.clientId !== 'string' || !this.clients.has(body.clientId)) {
			return error(404, 'resource_not_found', `Invalid client id '${String(body.clientId)}'`, 'clientId');
		}
		const document = typeof body.documentId === 'string' ? this.documents.get(body.documentId) : undefined;
		if (body.type === 'document_check' || body.type === 'identity_check') {
			if (!document) return error(404, 'resource_not_found', `Invalid document id '${String(body.documentId)}'`, 'documentId');
			const images = Object.values(document.images);
			if (images.some((image) => image.contentType === 'application/pdf')) {
				return error(422, 'unsupported_document_format', 'The document attachment format is not supported for this check.');
			}
			if (TWO_SIDED_TYPES.has(document.type) && images.length < 2) {
				return error(422, 'two_sides_expected', 'Both sides of the document are expected for this check.');
			}
		}
		if (body.type === 'identity_check' && !(typeof body.livePhotoId === 'string' && this.livePhotos.has(body.livePhotoId))) {
			return error(404, 'resource_not_found', `Invalid live photo id '${String(body.livePhotoId)}'`, 'livePhotoId');
		}
		if (typeof body.type !== 'string') return error(400, 'invalid_request', '"type" is required', 'type');
		const id = randomHexId();
		const check = { id, clientId: body.clientId, type: body.type, documentId: body.documentId, livePhotoId: body.livePhotoId, status: 'pending', createdAt: now(), updatedAt: now() };
		this.checks.set(id, check);
		return { status: 200, json: check };
	}

	/** A check is pending when created and complete from the first read on. */
	private getCheck(id: string): EmulatorResponse {
		const check = this.checks.get(id);
		if (!check) return error(404, 'resource_not_found', `Invalid check id '${id}'`);
		Object.assign(check, { status: 'complete', result: { outcome: 'clear' }, updatedAt: now() });
		return { status: 200, json: check };
	}

	private found(value: unknown, what: string, id: string): EmulatorResponse {
		return value ? { status: 200, json: value } : error(404, 'resource_not_found', `Invalid ${what} id '${id}'`);
	}

	private list(map: Map<string, unknown>, query: URLSearchParams): EmulatorResponse {
		const page = Math.max(1, Number(query.get('page') ?? 1));
		const pageSize = Math.min(1000, Math.max(1, Number(query.get('pageSize') ?? 100)));
		const all = [...map.values()];
		return {
			status: 200,
			json: { page, pageSize, totalItems: all.length, pages: Math.ceil(all.length / pageSize), items: all.slice((page - 1) * pageSize, page * pageSize) },
		};
	}
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
	try {
		const value = JSON.parse(body.toString('utf8')) as unknown;
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

function contentTypeOf(data: Buffer, allowPdf: boolean): string | undefined {
	if (looksLikeJpeg(data)) return 'image/jpeg';
	if (looksLikePng(data)) return 'image/png';
	if (allowPdf && looksLikePdf(data)) return 'application/pdf';
	return undefined;
}

export async function startComplyCubeEmulator(options: ComplyCubeEmulatorOptions = {}): Promise<ComplyCubeEmulator> {
	const service = new ComplyCubeService(options.rateLimit ?? true);
	const server = await startHttpEmulator((request) => service.handle(request), {
		maxBodyBytes: COMPLYCUBE_MAX_REQUEST_BYTES,
		tooLarge: error(413, 'request_too_large', 'The request is too large.'),
		...options,
	});
	return Object.assign(server, {
		baseUrl: `${server.origin}/v1`,
		apiKey: COMPLYCUBE_API_KEY,
		clients: service.clients,
		documents: service.documents,
		livePhotos: service.livePhotos,
		acceptedUploads: service.acceptedUploads,
		addClient: (fields?: Record<string, unknown>) => service.addClient(fields),
		addDocument: (clientId: string, type?: string) => service.addDocument(clientId, type),
		throttleNext: (n: number) => {
			service.throttled = n;
		},
	});
}
