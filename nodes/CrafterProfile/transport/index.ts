import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { Reconcile } from '../../shared/http/reconcile';
import { serviceMessageOf, UnexpectedAnswerError } from '../../shared/http/service-error';
import { callService, type ServiceContext, type ServiceResponse } from '../../shared/http/service-request';

export const API_PREFIX = '/api/1/profile';

/** The password fields of the crafterProfileApi credential: never shown anywhere (the server echoes the token in its 403s). */
export const CRAFTER_SECRET_FIELDS = ['accessTokenId'] as const;

export interface CrafterCall {
	/** The item the request is for (its Options → Timeout). */
	itemIndex?: number;
	/** An upload or download: the longer default timeout. */
	transfer?: boolean;
	/** After the last attempt failed ambiguously: whether Crafter holds what was sent. */
	reconcile?: Reconcile;
	/** False for a call that must not be repeated after a server fault (a create, a one-time token); true by default. */
	idempotent?: boolean;
	/** Secrets the request sends (a profile's password): never in a message or output. */
	secrets?: string[];
	/** The most bytes the answer may have (a download's documented maximum). */
	maxBytes?: number;
}

/** A request below /api/1/profile (n8n's request options without the base URL) and how to make it. */
export type CrafterRequest = Omit<IHttpRequestOptions, 'baseURL'> & CrafterCall;

/**
 * Calls Crafter Profile with the access token; uploads with the same base name replace and profile updates
 * set values, so calls are safe to repeat unless `idempotent: false`. Crafter answers `{errorCode, message}`; Tomcat's own error pages are HTML (summarised by title).
 */
export async function crafterApiRequest(ctx: ServiceContext, request: CrafterRequest): Promise<ServiceResponse> {
	const { itemIndex, transfer, reconcile, idempotent, secrets, maxBytes, ...http } = request;
	return await callService(ctx, {
		service: 'Crafter Profile',
		credentialType: 'crafterProfileApi',
		idempotent: idempotent ?? true,
		itemIndex,
		transfer,
		secretFields: CRAFTER_SECRET_FIELDS,
		secrets,
		reconcile,
		maxBytes,
		messageOf: serviceMessageOf,
		build: (baseUrl) => ({ ...http, baseURL: `${baseUrl}${API_PREFIX}` }),
	});
}

/** The answer as the JSON object Crafter documents; with `id`, a stored attachment must carry its id. */
export function crafterObject(response: ServiceResponse, expected: 'object' | 'attachment' | 'profile'): IDataObject {
	const { body } = response;
	if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) {
		throw new UnexpectedAnswerError('Crafter Profile', response.status, body, 'a JSON object');
	}
	if (expected !== 'object' && !(typeof (body as IDataObject).id === 'string' && (body as IDataObject).id)) {
		throw new UnexpectedAnswerError('Crafter Profile', response.status, body, expected === 'profile' ? "the profile's id" : "the stored attachment's id");
	}
	return body as IDataObject;
}

/** The answer as the JSON list Crafter documents. */
export function crafterList(response: ServiceResponse): IDataObject[] {
	if (!Array.isArray(response.body)) throw new UnexpectedAnswerError('Crafter Profile', response.status, response.body, 'a JSON list');
	return response.body as IDataObject[];
}

/**
 * Request parameters as a form body (application/x-www-form-urlencoded): the profile controller reads
 * @RequestParam from the query string or the form alike, and a password must not travel in a URL. A list
 * goes as the parameter repeated, which Spring binds to its Collection parameters.
 */
export function crafterForm(params: Record<string, string | string[] | undefined>): { body: URLSearchParams; headers: { 'content-type': string } } {
	const form = new URLSearchParams();
	for (const [name, value] of Object.entries(params)) {
		for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) form.append(name, one);
	}
	// As URLSearchParams: n8n's request helper turns a form body into URLSearchParams itself, which a Buffer cannot be.
	return { body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}
