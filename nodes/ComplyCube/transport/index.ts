import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { Reconcile } from '../../shared/http/reconcile';
import { serviceMessageOf, UnexpectedAnswerError } from '../../shared/http/service-error';
import { jsonBody } from '../../shared/http/json-body';
import { COMPLYCUBE_THROTTLE_BACKOFF } from '../../shared/http/retry-policy';
import { callService, type ServiceContext } from '../../shared/http/service-request';

/** The password fields of the complyCubeApi credential: never shown anywhere. */
export const COMPLYCUBE_SECRET_FIELDS = ['apiKey'] as const;

export interface ComplyCubeRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** Whether repeating the request cannot create a duplicate. */
	idempotent: boolean;
	/**
	 * What a success answers: a JSON object (the default), a created record (a JSON object with its `id`),
	 * or nothing (deletes answer 204), or a list of records: a JSON array or an object with an `items` array (the lookups,
	 * whose answer is only described as "a list"), given back as `{items}`.
	 */
	answer?: 'object' | 'created' | 'empty' | 'items';
	/** The item the request is for (its Options → Timeout). */
	itemIndex?: number;
	/** An upload or download: the longer default timeout. */
	transfer?: boolean;
	/** The most bytes the answer may have (a download's documented maximum). */
	maxBytes?: number;
	/** For a create: finds the record after an ambiguous failure (transport/reconcile.ts). */
	reconcile?: Reconcile;
	/** For a create: how a user checks, when ComplyCube cannot be asked. */
	howToCheck?: string;
}

/** Calls ComplyCube with the credential's raw key; a success that is not the documented JSON object is an error. */
export async function complyCubeApiRequest(ctx: ServiceContext, request: ComplyCubeRequest): Promise<IDataObject> {
	const payload = request.body ? jsonBody(request.body) : {};
	const response = await callService(ctx, {
		service: 'ComplyCube',
		credentialType: 'complyCubeApi',
		idempotent: request.idempotent,
		itemIndex: request.itemIndex,
		transfer: request.transfer,
		secretFields: COMPLYCUBE_SECRET_FIELDS,
		reconcile: request.reconcile,
		howToCheck: request.howToCheck,
		maxBytes: request.maxBytes,
		messageOf: serviceMessageOf,
		throttleBackoff: COMPLYCUBE_THROTTLE_BACKOFF,
		build: (baseUrl) => ({
			method: request.method,
			baseURL: baseUrl,
			url: request.path,
			...payload,
			qs: request.qs,
			json: true,
		}),
	});
	if (request.answer === 'empty') return {};
	const { body } = response;
	if (request.answer === 'items') {
		const items = Array.isArray(body) ? body : (body as IDataObject | undefined)?.items;
		if (!Array.isArray(items)) throw new UnexpectedAnswerError('ComplyCube', response.status, body, 'a list of records');
		return { items: items as IDataObject[] };
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw new UnexpectedAnswerError('ComplyCube', response.status, body, 'a JSON object');
	}
	if (request.answer === 'created' && !(typeof (body as IDataObject).id === 'string' && (body as IDataObject).id)) {
		throw new UnexpectedAnswerError('ComplyCube', response.status, body, "the created record's id");
	}
	return body as IDataObject;
}
