import { looksLikeJpeg, looksLikePdf, looksLikePng, decodeBase64 } from '../../signatures';
import { newId, now } from '../clock';
import { COMPLYCUBE_MAX_BYTES, COMPLYCUBE_MIN_BYTES, DOCUMENT_CLASSIFICATIONS, DOCUMENT_TYPES, SIZE_MESSAGE } from '../constants';
import type { Context } from '../context';
import { deleted, invalid, notFound, notJson, ok, parseJson } from '../errors';
import { auditEntry, diffOf } from '../account';
import { listAnswer } from '../lists';
import { idNumberRefusal } from '../personal-ids';
import type { ComplyCubeDocument, StoredImage } from '../store';
import type { Route } from './types';

// [PHP DocumentTest testFilterPassportDocumentsOnly; Node SDK Documents.list(clientId)] documents are listed per client, filterable by type.
const DOCUMENT_FILTERS = ['clientId', 'type', 'classification', 'issuingCountry'];
const typeRefusal = () => invalid(`"type" must be one of [${[...DOCUMENT_TYPES].join(', ')}]`, 'type');
const classificationRefusal = () => invalid(`"classification" must be one of [${[...DOCUMENT_CLASSIFICATIONS].join(', ')}]`, 'classification');
const badClassification = (value: unknown) => value !== undefined && !(typeof value === 'string' && DOCUMENT_CLASSIFICATIONS.has(value));

export type FileKind = 'jpeg' | 'png' | 'pdf';

/** What the bytes are (inferred: the service sniffs content rather than trusting the file name). */
export function fileKindOf(data: Buffer, allowPdf: boolean): FileKind | undefined {
	if (looksLikeJpeg(data)) return 'jpeg';
	if (looksLikePng(data)) return 'png';
	if (allowPdf && looksLikePdf(data)) return 'pdf';
	return undefined;
}

// [PHP DocumentTest testUploadImageToDocument / ...Inline and CheckTest testUploadImageToDocument assert the sandbox's
// contentType 'image/jpg' for a JPEG; Docs run-a-document-check upload example "contentType": "image/jpg"] not image/jpeg.
// PNG and PDF: no source shows the label, so the registered MIME types (inferred).
const DOCUMENT_CONTENT_TYPES: Record<FileKind, string> = { jpeg: 'image/jpg', png: 'image/png', pdf: 'application/pdf' };

/** The contentType the service gives a document image, from its bytes. */
export function contentTypeOf(data: Buffer, allowPdf: boolean): string | undefined {
	const kind = fileKindOf(data, allowPdf);
	return kind && DOCUMENT_CONTENT_TYPES[kind];
}

// [Docs run-a-document-check upload example] downloadLink is /documents/{documentId}/images/{imageId}/download (relative, no /v1).
export const imageLink = (documentId: string, imageId: string) => `/documents/${documentId}/images/${imageId}/download`;

/** Gives a stored image its id the first time it is shown (images set directly by tests have none). */
function imageIdOf(image: StoredImage): string {
	image.id ??= newId();
	return image.id;
}

export function documentView(document: ComplyCubeDocument) {
	// [apis.md; Docs documents (document object) images[]] each stored side, without its bytes.
	const images = (['front', 'back'] as const)
		.filter((side) => document.images[side])
		.map((side) => {
			const image = document.images[side]!;
			return {
				id: imageIdOf(image),
				fileName: image.fileName,
				documentSide: side,
				downloadLink: imageLink(document.id, imageIdOf(image)),
				contentType: image.contentType,
				size: image.data.length,
				createdAt: image.createdAt,
				updatedAt: image.createdAt,
			};
		});
	const { images: _stored, ...fields } = document;
	return { ...fields, images, updatedAt: document.updatedAt ?? document.createdAt };
}

export const documentRoutes: Route = (context, request, segments) => {
	const [collection, id, action, side] = segments;
	if (collection !== 'documents') return undefined;
	const { method } = request;
	// [Node SDK index.js Documents] create POST /documents, list GET /documents?clientId=.
	if (method === 'POST' && !id) return createDocument(context, parseJson(request.body));
	if (method === 'GET' && !id) return listAnswer(context.store.documents.values(), request.query, DOCUMENT_FILTERS, documentView);
	if (!id) return undefined;
	// [Node SDK Documents.upload] POST /documents/{id}/upload/{side}
	if (method === 'POST' && action === 'upload' && segments.length === 4) return uploadImage(context, id, side, parseJson(request.body));
	const document = context.store.documents.get(id);
	if (method === 'GET' && !action) return document ? ok(documentView(document)) : notFound('document', id);
	if (method === 'POST' && !action) return document ? updateDocument(context, document, parseJson(request.body)) : notFound('document', id);
	if (method === 'DELETE' && !action) {
		// [PHP DocumentTest testDeleteNonExistentDocument] an unknown id is refused.
		if (!document) return notFound('document', id);
		context.store.documents.delete(id);
		return deleted();
	}
	// [Node SDK Documents.download] GET /documents/{id}/download/{side}
	if (method === 'GET' && action === 'download' && side && segments.length === 4) return downloadImage(document, id, side);
	// [Docs run-a-document-check] the downloadLink form: GET /documents/{id}/images/{imageId}/download
	if (method === 'GET' && action === 'images' && segments.length === 5 && segments[4] === 'download') {
		const image = document && Object.values(document.images).find((candidate) => candidate?.id === side);
		return image ? downloadAnswer(image) : notFound('image', side);
	}
	// [Node SDK Documents.deleteImage] DELETE /documents/{id}/{side}
	if (method === 'DELETE' && action && segments.length === 3) return deleteImage(document, id, action);
	return undefined;
};

function createDocument(context: Context, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	if (typeof body.clientId !== 'string' || !context.store.clients.has(body.clientId)) return notFound('client', body.clientId, 'clientId');
	// [PHP DocumentTest testCreateDocumentWithMissingType / testCreateDocumentWithInvalidType] type is required and checked.
	if (typeof body.type !== 'string' || !DOCUMENT_TYPES.has(body.type)) return typeRefusal();
	if (badClassification(body.classification)) return classificationRefusal();
	// [Docs documents/create-a-document] issuingCountry is ISO 3166-1 alpha-2 (format check inferred).
	if (body.issuingCountry !== undefined && !(typeof body.issuingCountry === 'string' && /^[A-Z]{2}$/.test(body.issuingCountry))) {
		return invalid('"issuingCountry" must be an ISO 3166-1 alpha-2 country code', 'issuingCountry');
	}
	// [Docs check-types/driving-license-check "must include a valid documentNumber"] a document field (its format inferred).
	const numberRefusal = idNumberRefusal('documentNumber', body.documentNumber);
	if (numberRefusal) return numberRefusal;
	const id = context.store.addDocument(body.clientId, body.type);
	const document = context.store.documents.get(id)!;
	if (typeof body.issuingCountry === 'string') document.issuingCountry = body.issuingCountry;
	if (typeof body.classification === 'string') document.classification = body.classification;
	if (typeof body.documentNumber === 'string') document.documentNumber = body.documentNumber;
	context.store.auditLogs.push(
		auditEntry({ resourceType: 'document', resourceId: id, clientId: body.clientId, trigger: 'createDocument', action: 'create', memberId: body.lastActionBy }),
	);
	return ok(documentView(document));
}

function updateDocument(context: Context, document: ComplyCubeDocument, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	// [PHP DocumentTest testUpdateDocumentType / testUpdateDocumentInvalidType] the type can change, to a valid one only.
	if (body.type !== undefined && !(typeof body.type === 'string' && DOCUMENT_TYPES.has(body.type))) return typeRefusal();
	if (badClassification(body.classification)) return classificationRefusal();
	// [Node SDK 1.1.13 Documents.update] the create fields; the country and number are checked as on create (inferred).
	if (body.issuingCountry !== undefined && !(typeof body.issuingCountry === 'string' && /^[A-Z]{2}$/.test(body.issuingCountry))) {
		return invalid('"issuingCountry" must be an ISO 3166-1 alpha-2 country code', 'issuingCountry');
	}
	const numberRefusal = idNumberRefusal('documentNumber', body.documentNumber);
	if (numberRefusal) return numberRefusal;
	const before = { ...document } as unknown as Record<string, unknown>;
	if (typeof body.type === 'string') document.type = body.type;
	if (typeof body.documentNumber === 'string') document.documentNumber = body.documentNumber;
	if (typeof body.issuingCountry === 'string') document.issuingCountry = body.issuingCountry;
	if (typeof body.classification === 'string') document.classification = body.classification;
	document.updatedAt = now();
	context.store.auditLogs.push(
		auditEntry({
			resourceType: 'document',
			resourceId: document.id,
			clientId: document.clientId,
			trigger: 'updateDocument',
			action: 'update',
			memberId: body.lastActionBy,
			diff: diffOf(before, body),
		}),
	);
	return ok(documentView(document));
}

function uploadImage(context: Context, documentId: string, side: string, body: Record<string, unknown> | undefined) {
	// Validation order as the node's tests rely on it: document, side, body, fileName, extension, base64, size, bytes (inferred).
	const document = context.store.documents.get(documentId);
	// [apis.md] 404 resource_not_found "Invalid document id '<id>'"
	if (!document) return notFound('document', documentId);
	// [PHP DocumentTest testUploadImageToDocumentInvalidSide] only front or back.
	if (side !== 'front' && side !== 'back') return invalid('"side" must be one of [front, back]', 'side');
	if (!body) return notJson();
	// [PHP DocumentTest testUploadImageToDocumentNoFilename] fileName is required.
	if (typeof body.fileName !== 'string' || !body.fileName) return invalid('"fileName" is required', 'fileName');
	// [apis.md] the file name must end .jpg .jpeg .png or .pdf.
	if (!/\.(jpe?g|png|pdf)$/i.test(body.fileName)) return invalid('"fileName" must have a .jpg, .jpeg, .png or .pdf extension', 'fileName');
	// [PHP DocumentTest testUploadImageToDocumentNoData] data is required (base64).
	const data = decodeBase64(body.data);
	if (!data) return invalid('"data" must be a valid base64 string', 'data');
	// [apis.md; Docs upload-image-attachment] 34KB to 4MB, message as documented.
	if (data.length < COMPLYCUBE_MIN_BYTES || data.length > COMPLYCUBE_MAX_BYTES) return invalid(SIZE_MESSAGE, 'data');
	// [Docs upload-image-attachment] JPG, PNG or PDF, judged by the bytes (inferred: the service sniffs content).
	// The answer's contentType is the sandbox's label ('image/jpg' for a JPEG), kept with the image for views and downloads.
	const contentType = contentTypeOf(data, true);
	if (!contentType) return invalid('Unsupported file format: JPG, PNG or PDF expected', 'data');
	const image = { id: newId(), fileName: body.fileName, contentType, data, createdAt: now() };
	// inferred: uploading a side again replaces it.
	document.images[side] = image;
	document.updatedAt = image.createdAt;
	context.store.acceptedUploads.push({ kind: 'documentImage', id: documentId, side, fileName: body.fileName, data });
	// [apis.md; Node SDK Documents.d.ts Image] {id, fileName, documentSide, downloadLink, contentType, size, createdAt, updatedAt}
	return ok({
		id: image.id,
		fileName: image.fileName,
		documentSide: side,
		downloadLink: imageLink(documentId, image.id),
		contentType,
		size: data.length,
		createdAt: image.createdAt,
		updatedAt: image.createdAt,
	});
}

function downloadImage(document: ComplyCubeDocument | undefined, id: string, side: string) {
	// [PHP DocumentTest testDownloadImageFromDocumentNonExistentId] an unknown document is refused.
	if (!document) return notFound('document', id);
	// [PHP DocumentTest testDownloadImageFromDocumentInvalidSide] a side other than front/back answers the front image (as that test expects; unconfirmed).
	const wanted = side === 'back' ? 'back' : 'front';
	const image = document.images[wanted];
	// [PHP DocumentTest testDeleteImageFromDocument] a deleted (or never uploaded) side answers an error.
	if (!image) return notFound('document', `${id}' or side '${side}`);
	return downloadAnswer(image);
}

// [apis.md; docs/complycube-api.md "Decisions"] JSON {fileName, contentType, data: base64}, not raw bytes; contentType is
// the stored label ('image/jpg' for a JPEG: inferred for downloads from the upload answer, no source shows a download's).
const downloadAnswer = (image: StoredImage) => ok({ fileName: image.fileName, contentType: image.contentType, data: image.data.toString('base64') });

function deleteImage(document: ComplyCubeDocument | undefined, id: string, side: string) {
	// [PHP DocumentTest testDeleteImageNonExistentImage] an unknown document is refused.
	if (!document) return notFound('document', id);
	if (side !== 'front' && side !== 'back') return invalid('"side" must be one of [front, back]', 'side');
	// inferred: deleting a side that holds no image answers 404.
	if (!document.images[side]) return notFound('document', `${id}' or side '${side}`);
	delete document.images[side];
	document.updatedAt = now();
	return deleted();
}
