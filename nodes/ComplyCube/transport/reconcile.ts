import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { newestSince, type Reconcile } from '../../shared/http/reconcile';
import { pathSegment } from '../../shared/http/path-segment';
import { UnexpectedAnswerError } from '../../shared/http/service-error';
import { complyCubeApiRequest } from './index';

/*
 * What ComplyCube is asked after a create failed ambiguously (a dropped or timed-out connection after
 * sending, a 5xx): each finder answers the record this create made since the call started, or undefined.
 * A lookup is a GET, retried like any read, inside the create's own time bound.
 */

/** The newest page of a list (ComplyCube lists newest first), filtered. */
async function listNewest(ctx: IExecuteFunctions, itemIndex: number, path: string, qs: IDataObject): Promise<unknown[]> {
	const answer = await complyCubeApiRequest(ctx, { method: 'GET', path, qs: { ...qs, page: 1, pageSize: 100 }, idempotent: true, itemIndex });
	if (!Array.isArray(answer.items)) throw new UnexpectedAnswerError('ComplyCube', 200, answer, 'a page of items');
	return answer.items;
}

/** Upload Document Image: the document's image on that side, with the same file name and size, created since. */
export function documentImageFinder(ctx: IExecuteFunctions, itemIndex: number, documentId: string, side: string, fileName: string, size: number): Reconcile {
	return async (since) => {
		const document = await complyCubeApiRequest(ctx, { method: 'GET', path: `/documents/${pathSegment(documentId)}`, idempotent: true, itemIndex });
		const images = Array.isArray(document.images) ? document.images : [];
		return newestSince(images, since, (image) => image.documentSide === side && image.fileName === fileName && Number(image.size) === size);
	};
}

/** Upload Live Photo: the client's newest live photo of the same size, created since. */
export function livePhotoFinder(ctx: IExecuteFunctions, itemIndex: number, clientId: string, size: number): Reconcile {
	return async (since) => {
		const photos = await listNewest(ctx, itemIndex, '/livePhotos', { clientId });
		return newestSince(photos, since, (photo) => photo.clientId === clientId && Number(photo.size) === size);
	};
}

/** Client → Create: a client with that email (and external ID, when one was set), created since. */
export function clientFinder(ctx: IExecuteFunctions, itemIndex: number, fields: { type: string; email: string; externalId?: string }): Reconcile {
	return async (since) => {
		// Not externalId: ComplyCube documents no such list filter [Docs clients/filtering]; it is matched below.
		const qs: IDataObject = { email: fields.email, type: fields.type };
		const clients = await listNewest(ctx, itemIndex, '/clients', qs);
		return newestSince(
			clients,
			since,
			(client) => client.email === fields.email && client.type === fields.type && (!fields.externalId || client.externalId === fields.externalId),
		);
	};
}

/** Document → Create: a document of the client with that type, created since. */
export function documentFinder(ctx: IExecuteFunctions, itemIndex: number, clientId: string, type: string): Reconcile {
	return async (since) => {
		const documents = await listNewest(ctx, itemIndex, '/documents', { clientId, type });
		return newestSince(documents, since, (document) => document.clientId === clientId && document.type === type);
	};
}

/** Check → Create: a check of the client with that type (and the same document or live photo, when given), created since. */
export function checkFinder(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject): Reconcile {
	return async (since) => {
		const checks = await listNewest(ctx, itemIndex, '/checks', { clientId: body.clientId, type: body.type });
		return newestSince(
			checks,
			since,
			(check) =>
				check.clientId === body.clientId &&
				check.type === body.type &&
				['documentId', 'livePhotoId', 'liveVideoId', 'addressId'].every((key) => body[key] === undefined || check[key] === body[key]),
		);
	};
}

/** Address → Create: an address of the client with the same line, city and country, created since. */
export function addressFinder(ctx: IExecuteFunctions, itemIndex: number, body: IDataObject): Reconcile {
	return async (since) => {
		const addresses = await listNewest(ctx, itemIndex, '/addresses', { clientId: body.clientId });
		return newestSince(
			addresses,
			since,
			(address) => address.clientId === body.clientId && address.line === body.line && address.city === body.city && address.country === body.country,
		);
	};
}
