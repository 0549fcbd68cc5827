import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { serviceMessageOf, UnexpectedAnswerError } from '../../shared/http/service-error';
import { callService, type ServiceContext } from '../../shared/http/service-request';

export interface ComplyCubeRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** Whether repeating the request cannot create a duplicate. */
	idempotent: boolean;
	/** What a success answers: a JSON object (the default) or nothing (deletes answer 204). */
	answer?: 'object' | 'empty';
}

/** Calls ComplyCube with the credential's raw key; a success that is not the documented JSON object is an error. */
export async function complyCubeApiRequest(ctx: ServiceContext, request: ComplyCubeRequest): Promise<IDataObject> {
	const response = await callService(ctx, {
		service: 'ComplyCube',
		credentialType: 'complyCubeApi',
		idempotent: request.idempotent,
		messageOf: serviceMessageOf,
		build: (baseUrl) => ({
			method: request.method,
			baseURL: baseUrl,
			url: request.path,
			body: request.body,
			qs: request.qs,
			json: true,
		}),
	});
	if (request.answer === 'empty') return {};
	const { body } = response;
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw new UnexpectedAnswerError('ComplyCube', response.status, body, 'a JSON object');
	}
	return body as IDataObject;
}
