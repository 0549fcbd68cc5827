import type { EmulatorResponse } from '../emulator-server';
import type { ComplyCubeFlowSession } from './store';

export const escapeHtml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:34rem;margin:2rem auto;padding:0 1rem}label{display:block;margin:.8rem 0}.error{color:#b00020;border:1px solid #b00020;padding:.5rem}</style>
</head>
<body>
${body}
</body>
</html>
`;

const html = (status: number, text: string): EmulatorResponse => ({
	status,
	body: text,
	headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
});

export interface FormNeeds {
	document: boolean;
	selfie: boolean;
}

/** The hosted verification page: plain HTML, no JavaScript; errors are shown above the form. */
export function renderFlowForm(session: ComplyCubeFlowSession, title: string, needs: FormNeeds, status = 200, error?: string): EmulatorResponse {
	const documentFields = needs.document
		? `<label>Document type
<select name="documentType" required>
<option value="passport">Passport</option>
<option value="driving_license">Driving licence</option>
<option value="national_identity_card">National identity card</option>
</select></label>
<label>ID front (JPG or PNG) <input type="file" name="idFront" accept="image/jpeg,image/png" required></label>
<label>ID back (JPG or PNG; not needed for a passport) <input type="file" name="idBack" accept="image/jpeg,image/png"></label>`
		: '';
	const selfieField = needs.selfie ? `<label>Selfie (JPG or PNG) <input type="file" name="selfie" accept="image/jpeg,image/png" required></label>` : '';
	return html(
		status,
		page(
			title,
			`<h1>${escapeHtml(title)}</h1>
<p>ComplyCube emulator: identity verification</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/flow/${escapeHtml(session.token)}" enctype="multipart/form-data">
${documentFields}
${selfieField}
<label><input type="checkbox" name="consent" value="yes" required> I consent to the processing of my personal data for identity verification.</label>
<button type="submit">Submit</button>
<a href="${escapeHtml(session.cancelUrl)}">Cancel</a>
</form>`,
		),
	);
}

export function renderFlowError(status: number, message: string): EmulatorResponse {
	return html(status, page('Verification unavailable', `<h1>Verification unavailable</h1>\n<p>${escapeHtml(message)}</p>`));
}
