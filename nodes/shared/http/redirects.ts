import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

/** The URL a request goes to. */
export function requestUrl(request: IHttpRequestOptions): string {
	return `${request.baseURL ?? ''}${request.url}`;
}

/**
 * The request again at a redirect's Location when the answer is a redirect to the same origin (scheme, host
 * and port), else undefined. A redirect to another origin is not followed when the request carries the
 * credential (`anyOrigin` false): the key would go with it (n8n's helper sends it on), to a host the user never
 * named. A request sent without the credential (a link that authorises itself) may follow it anywhere.
 */
export function followableRedirect(request: IHttpRequestOptions, response: IN8nHttpFullResponse, anyOrigin = false): IHttpRequestOptions | undefined {
	if (![301, 302, 303, 307, 308].includes(response.statusCode)) return undefined;
	const location = response.headers.location;
	if (typeof location !== 'string' || location === '') return undefined;
	let from: URL;
	let to: URL;
	try {
		from = new URL(requestUrl(request));
		to = new URL(location, from);
	} catch {
		return undefined;
	}
	if (to.origin !== from.origin && !anyOrigin) return undefined;
	// The Location is the whole address: the query it carries replaces the request's.
	const { baseURL: _baseURL, qs: _qs, ...rest } = request;
	return { ...rest, url: to.href };
}
