import { now } from '../clock';
import type { Context } from '../context';
import { invalid, notFound, notJson, ok, parseJson } from '../errors';
import type { StoredImage } from '../store';
import type { Route } from './types';

// [Docs checks/redact-a-check "Attributes" and "Images" tables] what a check outcome's redaction may name.
export const CHECK_REDACT_ATTRIBUTES = [
	'address',
	'birthPlace',
	'dob',
	'documentDiscriminator',
	'documentNumber',
	'expirationDate',
	'firstName',
	'gender',
	'healthInsuranceNumber',
	'issuingAuthority',
	'issuingCountry',
	'issuingDate',
	'issuingPlace',
	'lastName',
	'mrz',
	'nationality',
	'personalNumber',
	'taxIdentificationNumber',
];
export const CHECK_REDACT_IMAGES = ['all', 'face', 'securityElements', 'signature', 'code', 'fingerprint'];

/**
 * POST /{documents|livePhotos|liveVideos|checks}/{id}/redact. [Docs documents/upload-image-attachment-1 "Redact image
 * attachment", live-videos/download-live-photo "Redact live video", checks/redact-a-check; Docs menu "Redact live photo"]
 * The emulator records each redaction (store.redactions) and overwrites the bytes it holds with zeros (inferred: the real
 * service keeps a redacted copy; what a later download answers is not published). Every redaction answers {} as the live
 * video page's example does (the other pages show no example).
 */
export const redactionRoutes: Route = (context, request, [collection, id, action, ...rest]) => {
	if (request.method !== 'POST' || action !== 'redact' || rest.length || !id) return undefined;
	const body = request.body.length ? parseJson(request.body) : {};
	if (collection === 'documents') return redactDocument(context, id, body);
	if (collection === 'livePhotos') {
		const photo = context.store.livePhotos.get(id);
		if (!photo) return notFound('live photo', id);
		photo.data = Buffer.alloc(photo.data.length);
		return recorded(context, 'livePhoto', id, {});
	}
	if (collection === 'liveVideos') {
		if (!context.store.liveVideos.has(id)) return notFound('live video', id);
		return recorded(context, 'liveVideo', id, {});
	}
	if (collection === 'checks') return redactCheck(context, id, body);
	return undefined;
};

function recorded(context: Context, resource: string, id: string, body: Record<string, unknown>) {
	context.store.redactions.push({ resource, id, body, redactedAt: now() });
	return ok({});
}

function redactDocument(context: Context, id: string, body: Record<string, unknown> | undefined) {
	const document = context.store.documents.get(id);
	if (!document) return notFound('document', id);
	if (!body) return notJson();
	// [Docs "Redact image attachment" body attributes* ; the one attribute listed: images]
	if (!Array.isArray(body.attributes) || body.attributes.length === 0) return invalid('"attributes" is required', 'attributes');
	if (body.attributes.some((attribute) => attribute !== 'images')) return invalid('"attributes" must only contain [images]', 'attributes');
	for (const image of Object.values(document.images) as StoredImage[]) image.data = Buffer.alloc(image.data.length);
	return recorded(context, 'document', id, body);
}

function redactCheck(context: Context, id: string, body: Record<string, unknown> | undefined) {
	const check = context.store.checks.get(id);
	if (!check) return notFound('check', id);
	if (!body) return notJson();
	// [Docs checks/redact-a-check "This endpoint only applies to checks of type document_check"] (the 400 text is inferred).
	if (check.type !== 'document_check') return invalid('Only the outcome of a document_check can be redacted', 'id');
	for (const [field, allowed] of [
		['attributes', CHECK_REDACT_ATTRIBUTES],
		['images', CHECK_REDACT_IMAGES],
	] as const) {
		const value = body[field];
		if (value === undefined) continue;
		if (!Array.isArray(value) || value.some((entry) => !allowed.includes(String(entry))))
			return invalid(`"${field}" must only contain [${allowed.join(', ')}]`, field);
	}
	// inferred: a redaction that names nothing is refused.
	if (!(Array.isArray(body.attributes) && body.attributes.length) && !(Array.isArray(body.images) && body.images.length)) {
		return invalid('"attributes" or "images" is required', 'attributes');
	}
	return recorded(context, 'check', id, body);
}
