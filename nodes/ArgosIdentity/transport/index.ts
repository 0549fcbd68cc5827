import type FormData from 'form-data';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { callService } from '../../shared/service-request';

interface ArgosRequest {
	method: IHttpRequestMethods;
	path: string;
	/** Called once per attempt: a multipart body is a stream that can be sent only once. */
	form: () => FormData;
	idempotent: boolean;
}

/** Argos answers `{errorCode, message}`; its gateway answers `{message}`. */
export const argosMessageOf = (body: unknown) => {
	const { errorCode, message } = (body ?? {}) as { errorCode?: string; message?: string };
	return errorCode ? `${message ?? ''} (${errorCode})`.trim() : message;
};

export async function argosApiRequest(ctx: IExecuteFunctions, request: ArgosRequest): Promise<IDataObject> {
	const response = await callService(ctx, {
		service: 'Argos Identity',
		credentialType: 'argosIdentityApi',
		idempotent: request.idempotent,
		messageOf: argosMessageOf,
		build: (baseUrl) => ({
			method: request.method,
			baseURL: baseUrl,
			url: request.path,
			body: request.form(),
		}),
	});
	return (typeof response.body === 'object' ? response.body : { message: response.body }) as IDataObject;
}
