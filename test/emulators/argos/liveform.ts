import type { EmulatorRequest, EmulatorResponse } from '../emulator-server';
import { boundaryOf, MultipartParseError, parseMultipart } from '../multipart';
import { argosTimestamp } from './clock';
import { argosDecrypt } from './encryption';
import { headerValue, imageTypeOf } from './routes/put-image';
import { addSubmission, type ArgosState } from './store';
import { tokenExpiry } from './tokens';
import { deliver } from './webhooks';

/** Where the emulator serves the hosted Liveform (the real one is https://form.argosidentity.com/ [QS-TOKEN]). */
export const LIVEFORM_PATH = '/form/';

/**
 * The Liveform's error pages. [QS-TOKEN] documents only the link-expiry one: "/error-page/expired-start-valid-until
 * (error code PV-40018) … The verification link has expired. Please try again with a new link." The others'
 * paths, codes and wording are inferred.
 */
const ERROR_PAGES: Record<string, { code: string; message: string }> = {
	'expired-start-valid-until': { code: 'PV-40018', message: 'The verification link has expired. Please try again with a new link.' },
	'invalid-project': { code: 'PV-40001', message: 'This verification link is not valid: the project was not found.' },
	'invalid-encrypted': { code: 'PV-40002', message: 'This verification link is not valid: its encrypted options could not be read.' },
	'plain-not-allowed': { code: 'PV-40003', message: 'This verification link is not valid: an option that must be encrypted was sent in plain text.' },
	'missing-token': { code: 'PV-40010', message: 'This verification link needs a token ID.' },
	'unregistered-token': { code: 'PV-40011', message: 'This verification link carries a token ID that is not registered.' },
	'expired-token': { code: 'PV-40012', message: 'This verification link has expired: its token ID was first used more than 3 minutes ago.' },
	'used-token': { code: 'PV-40013', message: 'This verification link was already used for a submission.' },
};

/** [QS-TOKEN] options that "Must be encrypted" (refused in plain text). */
const ENCRYPTED_ONLY = ['allowedCountries', 'allowedIdTypes', 'auxidField', 'startValidUntil', 'knowledgeField', 'knowledgePrefill'];

const html = (title: string, body: string, status = 200): EmulatorResponse => ({
	status,
	body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`,
	headers: { 'content-type': 'text/html; charset=utf-8' },
});
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const errorPage = (slug: keyof typeof ERROR_PAGES): EmulatorResponse => ({ status: 302, headers: { location: `${LIVEFORM_PATH}error-page/${slug}` } });

/** What a link asks for: its plain parameters and, decrypted, those in `encrypted`. */
type Session = { params: Map<string, string> } | { error: keyof typeof ERROR_PAGES };

/**
 * Reads a link the way the Liveform does, in its documented order: startValidUntil first ("Evaluated before all
 * other validations such as token ID validation"), then the token [QS-TOKEN]. With Encrypted Only on, only pid,
 * encrypted and lang are read from the URL [DATA-PROTECTION].
 */
function openSession(query: URLSearchParams, state: ArgosState, now = Date.now()): Session {
	const settings = state.liveform;
	if (query.get('pid') !== settings.projectId) return { error: 'invalid-project' };
	const params = new Map<string, string>();
	for (const [name, value] of query) {
		if (name === 'pid' || name === 'encrypted') continue;
		if (settings.encryptedOnly && name !== 'lang') continue;
		if (ENCRYPTED_ONLY.includes(name)) return { error: 'plain-not-allowed' };
		params.set(name, value);
	}
	const sealed = query.get('encrypted');
	if (sealed) {
		const text = argosDecrypt(sealed, settings.secretKey ?? state.apiKey, settings.module);
		let opened: unknown;
		try {
			opened = JSON.parse(text ?? '');
		} catch {
			return { error: 'invalid-encrypted' };
		}
		if (!opened || typeof opened !== 'object' || Array.isArray(opened)) return { error: 'invalid-encrypted' };
		for (const [name, value] of Object.entries(opened)) params.set(name, String(value));
	}
	const validUntil = params.get('startValidUntil');
	if (validUntil && Date.parse(validUntil) <= now) return { error: 'expired-start-valid-until' };
	if (settings.privateMode) {
		const tokenId = params.get('tokenId');
		if (!tokenId) return { error: 'missing-token' };
		if (settings.preRegistration && !state.tokens.has(tokenId)) return { error: 'unregistered-token' };
		const expiry = tokenExpiry(state, tokenId, now);
		if (expiry) return { error: expiry === 'time' ? 'expired-token' : 'used-token' };
	}
	return { params };
}

function formPage(query: URLSearchParams, params: Map<string, string>): EmulatorResponse {
	const shown = [...params].map(([name, value]) => `<li data-param="${escape(name)}">${escape(name)}: ${escape(value)}</li>`).join('');
	return html(
		'ARGOS ID Check',
		`<h1>Verify your identity</h1><ul id="params">${shown}</ul>` +
			`<form method="post" action="${LIVEFORM_PATH}submit" enctype="multipart/form-data">` +
			`<input type="hidden" name="session" value="${escape(query.toString())}">` +
			`<label>ID type <select name="idType"><option value="passport">Passport</option><option value="drivers_license">Driver's license</option><option value="government_id">ID card</option></select></label>` +
			`<label>ID document <input type="file" name="idImage" accept="image/jpeg,image/png" required></label>` +
			`<label>Selfie <input type="file" name="selfieImage" accept="image/jpeg,image/png" required></label>` +
			`<button type="submit">Submit</button></form>`,
	);
}

/**
 * A submission through the form: the ID and selfie images (JPEG or PNG), checked again against the link (a
 * token may have expired meanwhile). It is created pending, with the link's email, userid, cf1-cf3 and
 * tokenId, and Argos's `created` then `submit` webhooks go out [WH] (the order of the two is inferred).
 */
function submit(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const boundary = boundaryOf(headerValue(request.headers['content-type']));
	if (!boundary) return html('Bad request', '<p>The form was not sent as multipart/form-data.</p>', 400);
	let parts;
	try {
		parts = parseMultipart(request.body, boundary);
	} catch (error) {
		if (error instanceof MultipartParseError) return html('Bad request', '<p>The form could not be read.</p>', 400);
		throw error;
	}
	const field = (name: string) => parts.find((part) => part.name === name);
	const query = new URLSearchParams(field('session')?.data.toString('utf8') ?? '');
	const session = openSession(query, state);
	if ('error' in session) return errorPage(session.error);
	const idImage = field('idImage')?.data;
	const selfieImage = field('selfieImage')?.data;
	if (!idImage?.length || !selfieImage?.length || !imageTypeOf(idImage) || !imageTypeOf(selfieImage)) {
		return html('ARGOS ID Check', '<p class="error">Upload a JPEG or PNG photo of your ID document and a selfie.</p>', 400);
	}
	const { params } = session;
	const cf = Object.fromEntries(['cf1', 'cf2', 'cf3'].filter((name) => params.has(name)).map((name) => [name, params.get(name)!]));
	const now = argosTimestamp();
	const id = addSubmission(state, undefined, {
		email: params.get('email'),
		userid: params.get('userid'),
		tokenId: params.get('tokenId'),
		...(Object.keys(cf).length ? { cf } : {}),
		idType: field('idType')?.data.toString('utf8') || 'passport',
		pendingAt: now,
		kyc: { result: 'pending', comment: [], commentCode: [] },
	});
	state.submissions.get(id)!.images = { idImage, selfieImage };
	deliver(state, id, 'created');
	deliver(state, id, 'submit');
	return html('ARGOS ID Check', `<p id="done" data-submission-id="${id}">Thank you: your documents were submitted for review.</p>`);
}

/**
 * The hosted Liveform: GET /form/?pid=… opens a link (the first opening starts its token's 3 minutes), POST
 * /form/submit sends the images, /form/error-page/<name> says why a link was refused. No API key: the
 * applicant's browser holds none.
 */
export function liveform(request: EmulatorRequest, state: ArgosState): EmulatorResponse | undefined {
	const { method, path } = request;
	if (method === 'GET' && (path === '/form' || path === LIVEFORM_PATH)) {
		const session = openSession(request.query, state);
		if ('error' in session) return errorPage(session.error);
		const tokenId = session.params.get('tokenId');
		if (state.liveform.privateMode && tokenId && !state.tokenFirstUse.has(tokenId)) state.tokenFirstUse.set(tokenId, Date.now());
		return formPage(request.query, session.params);
	}
	if (method === 'POST' && path === `${LIVEFORM_PATH}submit`) return submit(request, state);
	const errorSlug = method === 'GET' && path.startsWith(`${LIVEFORM_PATH}error-page/`) ? path.slice(`${LIVEFORM_PATH}error-page/`.length) : undefined;
	if (errorSlug !== undefined) {
		const page = ERROR_PAGES[errorSlug];
		if (!page) return html('Not found', '<p>Not found.</p>', 404);
		return html('ARGOS ID Check', `<p class="error" data-code="${page.code}">${escape(page.message)}</p>`);
	}
	return undefined;
}
