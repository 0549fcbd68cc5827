import { newToken, now } from '../clock';
import type { Context } from '../context';
import { invalid, notFound, notJson, ok, parseJson } from '../errors';
import type { ComplyCubeFlowSession } from '../store';
import { templateById } from '../templates';
import type { Route } from './types';

// [Docs hosted-solution/create-a-session-check-driven (8 values); PHP FlowSessionTest checkTypes ['extensive_screening_check']] check types a flow can run.
const FLOW_CHECK_TYPES = [
	'standard_screening_check',
	'extensive_screening_check',
	'document_check',
	'identity_check',
	'enhanced_identity_check',
	'proof_of_address_check',
	'face_authentication_check',
	'age_estimation_check',
];
// [Docs create-a-session-check-driven "The documentTypes object"] passport, driving_license, residence_permit, national_identity_card: booleans.
const FLOW_DOCUMENT_TYPES = ['passport', 'driving_license', 'residence_permit', 'national_identity_card'];
const isPlainObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
// [Docs hosted-solution] "A Flow session expires once a client completes the identity verification process or 14 days after initialization."
export const FLOW_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;

const isUrl = (value: unknown) => {
	if (typeof value !== 'string') return false;
	try {
		return ['http:', 'https:'].includes(new URL(value).protocol);
	} catch {
		return false;
	}
};

export const flowSessionRoutes: Route = (context, request, [collection, sub, ...rest]) => {
	// [Node SDK index.js Flow (resource "flow/sessions"); Docs hosted-solution/create-a-session] POST /flow/sessions
	if (collection !== 'flow' || sub !== 'sessions' || rest.length || request.method !== 'POST') return undefined;
	return createFlowSession(context, parseJson(request.body));
};

function createFlowSession(context: Context, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	// Order (inferred): required fields first (400), then look-ups (404), then the template's state.
	// [Docs create-a-session] clientId*, workflowTemplateId*, successUrl*, cancelUrl*; [Node SDK FlowRequest; PHP FlowSessionTest] or checkTypes instead of a template.
	if (typeof body.clientId !== 'string' || !body.clientId) return invalid('"clientId" is required', 'clientId');
	const usesTemplate = body.workflowTemplateId !== undefined;
	if (usesTemplate && (typeof body.workflowTemplateId !== 'string' || !body.workflowTemplateId))
		return invalid('"workflowTemplateId" must be a string', 'workflowTemplateId');
	if (!usesTemplate) {
		const types = body.checkTypes;
		if (types === undefined) return invalid('"workflowTemplateId" is required', 'workflowTemplateId');
		if (!Array.isArray(types) || types.length === 0 || !types.every((type) => FLOW_CHECK_TYPES.includes(type as string))) {
			return invalid(`"checkTypes" items must be one of [${FLOW_CHECK_TYPES.join(', ')}]`, 'checkTypes');
		}
	}
	if (!isUrl(body.successUrl)) return invalid('"successUrl" must be a valid URL', 'successUrl');
	if (!isUrl(body.cancelUrl)) return invalid('"cancelUrl" must be a valid URL', 'cancelUrl');
	// [Docs create-a-session] theme light (default) or dark.
	if (body.theme !== undefined && body.theme !== 'light' && body.theme !== 'dark') return invalid('"theme" must be one of [light, dark]', 'theme');
	// [Docs create-a-session-check-driven] allowDocumentUpload boolean, messages object, documentTypes object of booleans (400 texts inferred).
	if (body.allowDocumentUpload !== undefined && typeof body.allowDocumentUpload !== 'boolean')
		return invalid('"allowDocumentUpload" must be a boolean', 'allowDocumentUpload');
	if (body.messages !== undefined && !isPlainObject(body.messages)) return invalid('"messages" must be an object', 'messages');
	if (body.documentTypes !== undefined) {
		const types = body.documentTypes;
		if (!isPlainObject(types) || !Object.entries(types).every(([key, value]) => FLOW_DOCUMENT_TYPES.includes(key) && typeof value === 'boolean')) {
			return invalid(`"documentTypes" keys must be one of [${FLOW_DOCUMENT_TYPES.join(', ')}], with boolean values`, 'documentTypes');
		}
	}
	if (!context.store.clients.has(body.clientId)) return notFound('client', body.clientId, 'clientId');
	let checkTypes = body.checkTypes as string[] | undefined;
	if (usesTemplate) {
		const template = templateById(body.workflowTemplateId);
		// inferred: an unknown template id answers 404 like every other unknown id.
		if (!template) return notFound('workflow template', body.workflowTemplateId, 'workflowTemplateId');
		// [Docs create-a-session] "This automatically invokes its active version. If no version is active, the request will fail." (status/text inferred)
		if (!template.active) return invalid(`The workflow template '${template.id}' has no active version`, 'workflowTemplateId');
		checkTypes = template.checkTypes;
	}
	const token = newToken();
	const createdAt = now();
	const session: ComplyCubeFlowSession = {
		token,
		// inferred: the real redirectUrl is on ComplyCube's flow host; here the emulator's own origin, outside /v1.
		redirectUrl: `${context.origin()}/flow/${token}`,
		clientId: body.clientId,
		...(usesTemplate ? { workflowTemplateId: String(body.workflowTemplateId) } : {}),
		checkTypes: checkTypes!,
		successUrl: String(body.successUrl),
		cancelUrl: String(body.cancelUrl),
		theme: typeof body.theme === 'string' ? body.theme : 'light',
		...(typeof body.language === 'string' ? { language: body.language } : {}),
		...(typeof body.supportEmail === 'string' ? { supportEmail: body.supportEmail } : {}),
		...(typeof body.allowDocumentUpload === 'boolean' ? { allowDocumentUpload: body.allowDocumentUpload } : {}),
		...(isPlainObject(body.documentTypes) ? { documentTypes: body.documentTypes as Record<string, boolean> } : {}),
		...(isPlainObject(body.messages) ? { messages: body.messages } : {}),
		createdAt,
		expiresAt: new Date(Date.now() + FLOW_LIFETIME_MS).toISOString(),
		used: false,
	};
	context.store.flowSessions.set(token, session);
	// [Docs hosted-solution "The Session object" {redirectUrl}; Node SDK FlowSession]
	return ok({ redirectUrl: session.redirectUrl });
}
