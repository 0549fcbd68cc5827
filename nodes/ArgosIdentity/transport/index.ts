import type FormData from 'form-data';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { serviceMessageOf } from '../../shared/http/service-error';
import { callService } from '../../shared/http/service-request';

interface ArgosRequest {
	method: IHttpRequestMethods;
	path: string;
	/** Called once per attempt: a multipart body is a stream that can be sent only once. */
	form: () => FormData;
	idempotent: boolean;
}

export async function argosApiRequest(ctx: IExecuteFunctions, request: ArgosRequest): Promise<IDataObject> {
	const response = await callService(ctx, {
		service: 'Argos Identity',
		credentialType: 'argosIdentityApi',
		idempotent: request.idempotent,
		// Argos answers `{errorCode, message}`; its gateway answers `{message}`.
		messageOf: serviceMessageOf,
		build: (baseUrl) => ({
			method: request.method,
			baseURL: baseUrl,
			url: request.path,
			body: request.form(),
		}),
	});
	return (typeof response.body === 'object' ? response.body : { message: response.body }) as IDataObject;
}
