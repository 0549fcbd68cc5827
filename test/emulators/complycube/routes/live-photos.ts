import { decodeBase64 } from '../../signatures';
import { newId, now } from '../clock';
import { COMPLYCUBE_MAX_BYTES, COMPLYCUBE_MIN_BYTES, SIZE_MESSAGE } from '../constants';
import type { Context } from '../context';
import { deleted, invalid, notFound, notJson, ok, parseJson } from '../errors';
import { listAnswer } from '../lists';
import type { ComplyCubeLivePhoto } from '../store';
import { fileKindOf, type FileKind } from './documents';
import type { Route } from './types';

// [Node SDK LivePhotos.list(clientId); PHP LivePhotoTest testList2LivePhotosOnly]
const LIVE_PHOTO_FILTERS = ['clientId'];

// [apis.md; Node SDK LivePhotos.d.ts LivePhoto] {id, clientId, downloadLink, contentType, performLivenessCheck, size, createdAt, updatedAt}
export function livePhotoView(photo: ComplyCubeLivePhoto) {
	return {
		id: photo.id,
		clientId: photo.clientId,
		downloadLink: `/livePhotos/${photo.id}/download`,
		contentType: photo.contentType,
		performLivenessCheck: photo.performLivenessCheck,
		size: photo.data.length,
		createdAt: photo.createdAt,
		updatedAt: photo.createdAt,
	};
}

// [PHP LivePhotoTest testDownloadLivePhoto asserts the sandbox's contentType 'images/jpg' (sic) for a JPEG selfie]
// inferred: the live photo object carries the same stored label as its download, and a PNG follows the pattern ('images/png').
const LIVE_PHOTO_CONTENT_TYPES: Partial<Record<FileKind, string>> = { jpeg: 'images/jpg', png: 'images/png' };

/** The contentType the service gives a live photo (JPEG or PNG bytes), or undefined for anything else. */
export function livePhotoContentTypeOf(data: Buffer): string | undefined {
	const kind = fileKindOf(data, false);
	return kind && LIVE_PHOTO_CONTENT_TYPES[kind];
}

/** Stores a live photo of JPEG or PNG bytes (also used by the hosted page). */
export function storeLivePhoto(context: Context, clientId: string, data: Buffer, performLivenessCheck: boolean): ComplyCubeLivePhoto {
	const contentType = livePhotoContentTypeOf(data);
	if (!contentType) throw new Error('storeLivePhoto takes JPEG or PNG bytes only');
	const photo = { id: newId(), clientId, performLivenessCheck, contentType, data, createdAt: now() };
	context.store.livePhotos.set(photo.id, photo);
	context.store.acceptedUploads.push({ kind: 'livePhoto', id: photo.id, data });
	return photo;
}

export const livePhotoRoutes: Route = (context, request, [collection, id, action, ...rest]) => {
	if (collection !== 'livePhotos' || rest.length) return undefined;
	const { method } = request;
	// [Node SDK index.js LivePhotos] upload POST /livePhotos, list GET /livePhotos?clientId=, get/delete /livePhotos/{id}, GET /livePhotos/{id}/download.
	if (method === 'POST' && !id) return uploadLivePhoto(context, parseJson(request.body));
	if (method === 'GET' && !id) return listAnswer(context.store.livePhotos.values(), request.query, LIVE_PHOTO_FILTERS, livePhotoView);
	if (!id) return undefined;
	const photo = context.store.livePhotos.get(id);
	if (method === 'GET' && !action) return photo ? ok(livePhotoView(photo)) : notFound('live photo', id);
	if (method === 'GET' && action === 'download') {
		if (!photo) return notFound('live photo', id);
		// [PHP LivePhotoTest testDownloadLivePhoto] JSON with contentType ('images/jpg' for a JPEG) and base64 data.
		// inferred: the fileName (no source shows one for a live photo).
		const extension = fileKindOf(photo.data, false) === 'png' ? 'png' : 'jpg';
		return ok({ fileName: `${id}.${extension}`, contentType: photo.contentType, data: photo.data.toString('base64') });
	}
	if (method === 'DELETE' && !action) {
		if (!photo) return notFound('live photo', id);
		context.store.livePhotos.delete(id);
		return deleted();
	}
	return undefined;
};

function uploadLivePhoto(context: Context, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	if (typeof body.clientId !== 'string' || !context.store.clients.has(body.clientId)) return notFound('client', body.clientId, 'clientId');
	const data = decodeBase64(body.data);
	if (!data) return invalid('"data" must be a valid base64 string', 'data');
	// [apis.md; Docs live-photos/upload-a-live-photo] same 34KB-4MB window.
	if (data.length < COMPLYCUBE_MIN_BYTES || data.length > COMPLYCUBE_MAX_BYTES) return invalid(SIZE_MESSAGE, 'data');
	// [apis.md] JPG or PNG only (no PDF).
	if (!livePhotoContentTypeOf(data)) return invalid('Unsupported file format: JPG or PNG expected', 'data');
	// [apis.md; Node SDK LivePhotoRequest performLivenessCheck?: boolean] default true.
	if (body.performLivenessCheck !== undefined && typeof body.performLivenessCheck !== 'boolean') {
		return invalid('"performLivenessCheck" must be a boolean', 'performLivenessCheck');
	}
	const photo = storeLivePhoto(context, body.clientId, data, body.performLivenessCheck !== false);
	return ok(livePhotoView(photo));
}
