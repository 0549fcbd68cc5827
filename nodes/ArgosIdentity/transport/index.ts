import type FormData from 'form-data';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import type { Reconcile } from '../../shared/http/reconcile';
import { ServiceError, serviceMessageOf, UnexpectedAnswerError } from '../../shared/http/service-error';
import { callService } from '../../shared/http/service-request';

/** The password fields of the argosIdentityApi credential: never shown anywhere. */
export const ARGOS_SECRET_FIELDS = ['apiKey'] as const;

interface ArgosRequest {
	method: IHttpRequestMethods;
	path: string;
	/** Called once per attempt: a multipart body is a stream that can be sent only once. */
	form: () => FormData;
	idempotent: boolean;
	/** The item the request is for (its Options → Timeout). */
	itemIndex?: number;
	/** An upload: the longer default timeout. */
	transfer?: boolean;
	/** After the last attempt failed ambiguously: whether Argos holds what was sent. */
	reconcile?: Reconcile;
}

/** Calls Argos with the credential's key; a success that is not a JSON object (what Argos documents) is an error. */
export async function argosApiRequest(ctx: IExecuteFunctions, request: ArgosRequest): Promise<IDataObject> {
	const response = await callService(ctx, {
		service: 'Argos Identity',
		credentialType: 'argosIdentityApi',
		idempotent: request.idempotent,
		itemIndex: request.itemIndex,
		transfer: request.transfer,
		secretFields: ARGOS_SECRET_FIELDS,
		reconcile: request.reconcile,
		// Argos answers `{errorCode, message}`; its gateway answers `{message}`.
		messageOf: serviceMessageOf,
		build: (baseUrl) => ({
			method: request.method,
			baseURL: baseUrl,
			url: request.path,
			body: request.form(),
		}),
	});
	const { body } = response;
	if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
		throw new UnexpectedAnswerError('Argos Identity', response.status, body, 'a JSON object');
	}
	return body as IDataObject;
}

/** A read (GET) from Argos: a JSON object, or with `bytes` the answer's bytes (an image). */
export async function argosRead(ctx: IExecuteFunctions, path: string, qs: IDataObject, itemIndex?: number, bytes = false): Promise<IDataObject | Buffer> {
	const response = await callService(ctx, {
		service: 'Argos Identity',
		credentialType: 'argosIdentityApi',
		idempotent: true,
		itemIndex,
		secretFields: ARGOS_SECRET_FIELDS,
		messageOf: serviceMessageOf,
		build: (baseUrl) => ({ method: 'GET', baseURL: baseUrl, url: path, qs, ...(bytes ? { encoding: 'arraybuffer' as const } : { json: true }) }),
	});
	if (bytes) return Buffer.from(response.body as ArrayBuffer);
	if (!response.body || typeof response.body !== 'object' || Array.isArray(response.body)) {
		throw new UnexpectedAnswerError('Argos Identity', response.status, response.body, 'a JSON object');
	}
	return response.body as IDataObject;
}

/**
 * Put Submission Image, after its last attempt failed in a way that may have reached Argos: the submission as
 * Argos holds it when every image sent is there byte for byte, undefined when one is not.
 */
export function submissionImagesFinder(ctx: IExecuteFunctions, itemIndex: number, submissionId: string, images: Array<[string, string]>): Reconcile {
	return async () => {
		for (const [slot, base64] of images) {
			const held = await heldImage(ctx, itemIndex, submissionId, slot);
			if (!held?.equals(Buffer.from(base64, 'base64'))) return undefined;
		}
		const answer = (await argosRead(ctx, '/submission', { submission_id: submissionId }, itemIndex)) as IDataObject;
		const [submission] = Array.isArray(answer.Items) ? (answer.Items as IDataObject[]) : [];
		return { message: 'complete to update image.', ...(submission ? { submission } : {}) };
	};
}

/** The image in a slot, or undefined when the slot is empty (Argos answers 400 invalid_submission for that). */
async function heldImage(ctx: IExecuteFunctions, itemIndex: number, submissionId: string, slot: string): Promise<Buffer | undefined> {
	return await argosRead(ctx, '/image', { submission_id: submissionId, type: slot }, itemIndex, true).then(
		(bytes) => bytes as Buffer,
		async (error: unknown) => (error instanceof ServiceError && error.status === 400 ? undefined : await Promise.reject(error)),
	);
}
