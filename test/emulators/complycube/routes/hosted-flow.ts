import type { EmulatorRequest, EmulatorResponse } from '../../emulator-server';
import { boundaryOf, MultipartParseError, parseMultipart, type MultipartPart } from '../../multipart';
import { newId, now } from '../clock';
import { COMPLYCUBE_MAX_BYTES, COMPLYCUBE_MIN_BYTES, NEEDS_DOCUMENT, NEEDS_LIVE_PHOTO, SIZE_MESSAGE, TWO_SIDED_TYPES } from '../constants';
import type { Context } from '../context';
import { renderFlowError, renderFlowForm, type FormNeeds } from '../hosted-page';
import type { ComplyCubeCheck, ComplyCubeFlowSession } from '../store';
import { templateById } from '../templates';
import { createCheck } from './checks';
import { contentTypeOf } from './documents';
import { storeLivePhoto } from './live-photos';
import { processWorkflowSession, startWorkflowSession } from './workflow-sessions';

const HOSTED_DOCUMENT_TYPES = ['passport', 'driving_license', 'national_identity_card'];

/** GET/POST /flow/<token>: the page a flow session's redirectUrl points at (no API key: the token is the credential). */
export function hostedFlow(context: Context, request: EmulatorRequest, token: string): EmulatorResponse {
	const session = context.store.flowSessions.get(token);
	// inferred: the real page's error statuses are not documented; an unknown link 404, a used or expired one 410.
	if (!session) return renderFlowError(404, 'This verification link is not valid.');
	// [Docs hosted-solution] a session expires once the client completes it or 14 days after creation.
	if (session.used) return renderFlowError(410, 'This verification link has already been used.');
	if (Date.parse(session.expiresAt) < Date.now()) return renderFlowError(410, 'This verification link has expired.');
	const template = session.workflowTemplateId ? templateById(session.workflowTemplateId) : undefined;
	const title = template?.name ?? 'Identity verification';
	const needs: FormNeeds = {
		document: session.checkTypes.some((type) => NEEDS_DOCUMENT.has(type)),
		selfie: session.checkTypes.some((type) => NEEDS_LIVE_PHOTO.has(type)),
	};
	if (request.method === 'GET') {
		// [Docs hosted-solution workflow guide] "Once your customer starts the flow, a workflow session is automatically created."
		if (template && !session.workflowSessionId) session.workflowSessionId = startWorkflowSession(context, session.clientId, template).id;
		return renderFlowForm(session, title, needs);
	}
	if (request.method !== 'POST') return renderFlowError(405, 'Method not allowed.');
	const refuse = (message: string) => renderFlowForm(session, title, needs, 400, message);
	const boundary = boundaryOf(request.headers['content-type']);
	if (!boundary) return refuse('The form must be sent as multipart/form-data.');
	let parts: MultipartPart[];
	try {
		parts = parseMultipart(request.body, boundary);
	} catch (error) {
		if (error instanceof MultipartParseError) return refuse('The form could not be read.');
		throw error;
	}
	const field = (name: string) => parts.find((part) => part.name === name);
	const file = (name: string) => {
		const part = field(name);
		return part && part.data.length > 0 ? part : undefined;
	};
	if (!field('consent')) return refuse('Please give your consent to continue.');
	const images: Array<{ name: 'idFront' | 'idBack' | 'selfie'; label: string; part: MultipartPart; contentType: string }> = [];
	let documentType = 'passport';
	if (needs.document) {
		documentType = field('documentType')?.data.toString('utf8') ?? '';
		if (!HOSTED_DOCUMENT_TYPES.includes(documentType)) return refuse('Please choose a document type.');
	}
	const wanted: Array<['idFront' | 'idBack' | 'selfie', string, boolean]> = [
		['idFront', 'ID front', needs.document],
		['idBack', 'ID back', needs.document && TWO_SIDED_TYPES.has(documentType)],
		['selfie', 'Selfie', needs.selfie],
	];
	for (const [name, label, required] of wanted) {
		// Files the template does not ask for are ignored (inferred: the real page never shows those inputs).
		if (name === 'selfie' ? !needs.selfie : !needs.document) continue;
		const part = file(name);
		if (!part) {
			if (required) return refuse(`${label}: please choose a file.`);
			continue;
		}
		// [apis.md] the same rules as the API: JPG or PNG (judged by the bytes), 34KB to 4MB.
		const contentType = contentTypeOf(part.data, false);
		if (!contentType) return refuse(`${label}: only JPG or PNG images are accepted.`);
		if (part.data.length < COMPLYCUBE_MIN_BYTES || part.data.length > COMPLYCUBE_MAX_BYTES) return refuse(`${label}: ${SIZE_MESSAGE}.`);
		images.push({ name, label, part, contentType });
	}
	return submit(context, session, documentType, images);
}

function submit(
	context: Context,
	session: ComplyCubeFlowSession,
	documentType: string,
	images: Array<{ name: 'idFront' | 'idBack' | 'selfie'; part: MultipartPart; contentType: string }>,
): EmulatorResponse {
	const { store } = context;
	let documentId: string | undefined;
	let livePhotoId: string | undefined;
	for (const image of images) {
		if (image.name === 'selfie') {
			livePhotoId = storeLivePhoto(context, session.clientId, image.part.data, true).id;
			continue;
		}
		documentId ??= store.addDocument(session.clientId, documentType);
		const side = image.name === 'idFront' ? 'front' : 'back';
		const fileName = image.part.filename || `${side}.${image.contentType === 'image/png' ? 'png' : 'jpg'}`;
		const createdAt = now();
		store.documents.get(documentId)!.images[side] = { id: newId(), fileName, contentType: image.contentType, data: image.part.data, createdAt };
		store.acceptedUploads.push({ kind: 'documentImage', id: documentId, side, fileName, data: image.part.data });
	}
	session.used = true;
	const template = session.workflowTemplateId ? templateById(session.workflowTemplateId) : undefined;
	let workflowSession = session.workflowSessionId ? store.workflowSessions.get(session.workflowSessionId) : undefined;
	if (template && !workflowSession) {
		workflowSession = startWorkflowSession(context, session.clientId, template);
		session.workflowSessionId = workflowSession.id;
	}
	const checks: ComplyCubeCheck[] = [];
	for (const type of session.checkTypes) {
		const answer = createCheck(context, { clientId: session.clientId, type, documentId, livePhotoId, clientConsent: true });
		if (answer.status === 200) checks.push(answer.json as ComplyCubeCheck);
	}
	if (workflowSession) processWorkflowSession(context, workflowSession, checks);
	// [Docs hosted-solution "Once complete, your clients will be redirected to your chosen URL"] 303 to successUrl.
	return { status: 303, headers: { location: session.successUrl, 'content-type': 'text/html; charset=utf-8' }, body: '' };
}
