import type { EmulatorRequest, EmulatorResponse } from '../emulator-server';
import { boundaryOf, parseMultipart, type MultipartPart } from '../multipart';
import { CRAFTER_MAX_ATTACHMENT_BYTES } from './constants';
import { containerError } from './errors';

/** Request parameters as the servlet API merges them (query string and form fields). */
export interface RequestParams {
	get(name: string): string | undefined;
	getAll(name: string): string[];
}

export const isMultipartPost = (request: EmulatorRequest) => request.method === 'POST' && /^multipart\//i.test(String(request.headers['content-type'] ?? ''));

function multipartFields(parts: MultipartPart[]): URLSearchParams {
	const fields = new URLSearchParams();
	for (const part of parts) if (part.filename === undefined) fields.append(part.name, part.data.toString('utf8'));
	return fields;
}

/**
 * Spring's multipart request wrapper answers its form fields before the query string; Tomcat's own parameter
 * map (urlencoded POST) lists the query string first.
 */
export function requestParams(request: EmulatorRequest, parts: MultipartPart[] | undefined): RequestParams {
	const sources: URLSearchParams[] = [request.query];
	if (parts) sources.unshift(multipartFields(parts));
	const contentType = String(request.headers['content-type'] ?? '');
	if (request.method === 'POST' && /^application\/x-www-form-urlencoded/i.test(contentType)) {
		sources.push(new URLSearchParams(request.body.toString('utf8')));
	}
	return {
		get: (name) => sources.find((source) => source.has(name))?.get(name) ?? undefined,
		getAll: (name) => sources.find((source) => source.has(name))?.getAll(name) ?? [],
	};
}

/**
 * Spring's CommonsMultipartResolver parses a multipart POST before anything else; a request over maxUploadSize
 * (the WHOLE request) or one it cannot parse is an uncaught exception: Tomcat's 500 page, even without a token.
 */
export function parseMultipartRequest(request: EmulatorRequest): MultipartPart[] | EmulatorResponse {
	// Real servers may also reset the connection here (Tomcat stops swallowing large unread bodies).
	if (request.body.length > CRAFTER_MAX_ATTACHMENT_BYTES) return containerError(500);
	const boundary = boundaryOf(String(request.headers['content-type']));
	if (!boundary) return containerError(500);
	try {
		return parseMultipart(request.body, boundary);
	} catch {
		return containerError(500);
	}
}

/**
 * A multi-valued @RequestParam bound to a Collection or array: the repeated values as they are, or a single
 * value split at commas (Spring's StringToCollectionConverter applies to a lone String only).
 */
export function listParam(params: RequestParams, name: string): string[] {
	const values = params.getAll(name);
	const split = values.length === 1 ? values[0].split(',') : values;
	return split.map((value) => value.trim()).filter(Boolean);
}
