import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { ARGOS_MAX_REQUEST_BYTES } from '../../shared/files/upload-rules';
import type { Reconcile } from '../../shared/http/reconcile';
import { ServiceError, serviceMessageOf, UnexpectedAnswerError } from '../../shared/http/service-error';
import { jsonBody } from '../../shared/http/json-body';
import { multipartBody, multipartOptions } from '../../shared/http/multipart';
import { callService, type ServiceContext } from '../../shared/http/service-request';
import { argosEncryption, explainRefusal, openAnswer } from './encrypted-answer';
import { encryptArgosJson, type EncryptionSettings } from './encryption';

/** The password fields of the argosIdentityApi credential: never shown anywhere. */
export const ARGOS_SECRET_FIELDS = ['apiKey', 'secretKey', 'webhookToken'] as const;

export const ARGOS = 'Argos Identity';

/**
 * Argos's own message: `{errorCode, message}` on most endpoints, `{errorCode, errorMessage}` on the token
 * endpoints ([GET-TOKEN] error example), `{message}` from its gateway.
 */
export function argosMessageOf(body: unknown): string | undefined {
	if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
		const { errorCode, errorMessage, message } = body as Record<string, unknown>;
		if (message === undefined && typeof errorMessage === 'string') return serviceMessageOf({ errorCode, message: errorMessage });
	}
	return serviceMessageOf(body);
}

interface ArgosRequest {
	method: IHttpRequestMethods;
	path: string;
	/** A multipart body of text fields (Argos takes no file parts). */
	fields?: Array<[string, string]>;
	/** A JSON body. */
	json?: IDataObject;
	qs?: IDataObject;
	idempotent: boolean;
	/** The item the request is for (its Options → Timeout). */
	itemIndex?: number;
	/** An upload: the longer default timeout. */
	transfer?: boolean;
	/** After the last attempt failed ambiguously: whether Argos holds what was sent. */
	reconcile?: Reconcile;
}

/** A multipart/form-data body of text fields, with its content type and length; every attempt sends the same bytes. */
export function multipartOf(fields: Array<[string, string]>): ReturnType<typeof multipartOptions> {
	return multipartOptions(multipartBody(fields.map(([name, value]) => ({ name, value }))));
}

/**
 * With Secure Data Transmission on, the body Argos expects: the request's JSON encrypted into one `body`
 * parameter ([POST-SUB] "…body parameter"; the field name is from that excerpt, the rest inferred). A
 * multipart request (PUT /submission/image) keeps its content type, with that one `body` text field.
 */
function sealed(request: ArgosRequest, settings: EncryptionSettings): Pick<ArgosRequest, 'json' | 'fields'> {
	if (!settings.on || !settings.keys.length) return { json: request.json, fields: request.fields };
	if (request.fields) return { fields: [['body', encryptArgosJson(Object.fromEntries(request.fields), settings.keys[0], settings.module)]] };
	if (request.json) return { json: { body: encryptArgosJson(request.json, settings.keys[0], settings.module) } };
	return {};
}

/**
 * Calls Argos with the credential's key; with Secure Data Transmission on, the body goes encrypted, and an
 * encrypted answer is decrypted either way. A success that is not a JSON object (what Argos documents) is
 * an error.
 */
export async function argosApiRequest(ctx: ServiceContext, request: ArgosRequest): Promise<IDataObject> {
	const settings = await argosEncryption(ctx);
	const { json, fields } = sealed(request, settings);
	const payload = json ? { ...jsonBody(json), json: true } : fields ? multipartOf(fields) : undefined;
	const response = await callService(ctx, {
		service: ARGOS,
		credentialType: 'argosIdentityApi',
		idempotent: request.idempotent,
		itemIndex: request.itemIndex,
		transfer: request.transfer,
		secretFields: ARGOS_SECRET_FIELDS,
		reconcile: request.reconcile,
		messageOf: argosMessageOf,
		build: (baseUrl) => ({
			method: request.method,
			baseURL: baseUrl,
			url: request.path,
			...(request.qs ? { qs: request.qs } : {}),
			...payload,
		}),
	}).catch((error: unknown) => Promise.reject(explainRefusal(ctx.getNode(), settings, error, request.itemIndex)));
	const { body } = response;
	if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
		throw new UnexpectedAnswerError(ARGOS, response.status, body, 'a JSON object');
	}
	return openAnswer(ctx.getNode(), settings, body, request.itemIndex);
}

export interface ArgosRead {
	path: string;
	qs?: IDataObject;
	/** The item the request is for (its Options → Timeout). */
	itemIndex?: number;
	/** The answer's bytes (an image) rather than JSON. */
	bytes?: boolean;
	/** A download: the longer default timeout. */
	transfer?: boolean;
}

/** A read (GET) from Argos: a JSON object, or with `bytes` the answer's bytes and content type (an image). */
export async function argosRead(ctx: ServiceContext, read: ArgosRead & { bytes: true }): Promise<{ bytes: Buffer; contentType: string }>;
export async function argosRead(ctx: ServiceContext, read: ArgosRead): Promise<IDataObject>;
export async function argosRead(ctx: ServiceContext, read: ArgosRead): Promise<IDataObject | { bytes: Buffer; contentType: string }> {
	const { path, qs = {}, ...options } = read;
	const response = await callService(ctx, {
		service: ARGOS,
		credentialType: 'argosIdentityApi',
		idempotent: true,
		itemIndex: options.itemIndex,
		transfer: options.transfer,
		secretFields: ARGOS_SECRET_FIELDS,
		messageOf: argosMessageOf,
		// An image is never larger than what Argos takes in one request.
		...(options.bytes ? { maxBytes: ARGOS_MAX_REQUEST_BYTES } : {}),
		build: (baseUrl) => ({ method: 'GET', baseURL: baseUrl, url: path, qs, ...(options.bytes ? { encoding: 'arraybuffer' as const } : { json: true }) }),
	});
	if (options.bytes) {
		const { body } = response;
		const bytes = Buffer.isBuffer(body)
			? body
			: typeof body === 'string'
				? Buffer.from(body)
				: body instanceof ArrayBuffer
					? Buffer.from(body)
					: Buffer.from(JSON.stringify(body ?? ''));
		return { bytes, contentType: String(response.headers['content-type'] ?? '') };
	}
	if (!response.body || typeof response.body !== 'object' || Array.isArray(response.body) || Buffer.isBuffer(response.body)) {
		throw new UnexpectedAnswerError(ARGOS, response.status, response.body, 'a JSON object');
	}
	return response.body as IDataObject;
}

/**
 * Put Submission Image, after its last attempt failed in a way that may have reached Argos: the submission as
 * Argos holds it when every image sent is there byte for byte, undefined when one is not.
 */
export function submissionImagesFinder(ctx: ServiceContext, itemIndex: number, submissionId: string, images: Array<[string, string]>): Reconcile {
	return async () => {
		for (const [slot, base64] of images) {
			const held = await heldImage(ctx, itemIndex, submissionId, slot);
			if (!held?.equals(Buffer.from(base64, 'base64'))) return undefined;
		}
		// Encrypted with Secure Data Transmission on, like every GET /submission answer [ENC-GB].
		const answer = openAnswer(
			ctx.getNode(),
			await argosEncryption(ctx),
			await argosRead(ctx, { path: '/submission', qs: { submission_id: submissionId }, itemIndex }),
			itemIndex,
		);
		const [submission] = Array.isArray(answer.Items) ? (answer.Items as IDataObject[]) : [];
		return { message: 'complete to update image.', ...(submission ? { submission } : {}) };
	};
}

/** The image in a slot, or undefined when the slot is empty (Argos answers 400 invalid_submission for that). */
async function heldImage(ctx: ServiceContext, itemIndex: number, submissionId: string, slot: string): Promise<Buffer | undefined> {
	return await argosRead(ctx, { path: '/image', qs: { submission_id: submissionId, type: slot }, itemIndex, bytes: true }).then(
		({ bytes }) => bytes,
		async (error: unknown) => (error instanceof ServiceError && error.status === 400 ? undefined : await Promise.reject(error)),
	);
}
