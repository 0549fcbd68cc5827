import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { serviceMessageOf } from '../../shared/http/service-error';
import { callService } from '../../shared/http/service-request';

interface ComplyCubeRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	/** Whether repeating the request cannot create a duplicate. */
	idempotent: boolean;
}

export async function complyCubeApiRequest(ctx: IExecuteFunctions, request: ComplyCubeRequest): Promise<IDataObject> {
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
			json: true,
		}),
	});
	return response.body as IDataObject;
}
