import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { serviceMessageOf } from '../../shared/http/service-error';
import { callService, type ServiceResponse } from '../../shared/http/service-request';

export const API_PREFIX = '/api/1/profile';

/** Crafter answers `{errorCode, message}`; Tomcat's own error pages are HTML. */
const messageOf = (body: unknown) => {
	if (typeof body === 'string') return /<h1>([^<]*)<\/h1>/i.exec(body)?.[1] ?? undefined;
	return serviceMessageOf(body);
};

/** Calls Crafter Profile with the access token; uploads with the same base name replace, so every call is safe to repeat. */
export async function crafterApiRequest(
	ctx: IExecuteFunctions,
	build: () => Omit<IHttpRequestOptions, 'baseURL'> | Promise<Omit<IHttpRequestOptions, 'baseURL'>>,
): Promise<ServiceResponse> {
	return await callService(ctx, {
		service: 'Crafter Profile',
		credentialType: 'crafterProfileApi',
		idempotent: true,
		messageOf,
		build: async (baseUrl) => ({ ...(await build()), baseURL: `${baseUrl}${API_PREFIX}` }),
	});
}
