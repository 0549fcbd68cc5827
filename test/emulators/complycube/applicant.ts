/** The files an applicant gives the hosted verification page. */
export interface ApplicantFiles {
	documentType: 'passport' | 'driving_license' | 'national_identity_card';
	idFront: { bytes: Buffer; fileName: string; mimeType: string };
	idBack?: { bytes: Buffer; fileName: string; mimeType: string };
	selfie: { bytes: Buffer; fileName: string; mimeType: string };
}

/**
 * Goes through a verification link as the applicant's browser does without JavaScript: opens the page,
 * then posts its form (consent ticked, the files) as multipart/form-data. Answers where the page
 * redirected the browser (the session's success URL).
 */
export async function completeHostedPage(redirectUrl: string, files: ApplicantFiles): Promise<string> {
	const page = await fetch(redirectUrl);
	const html = await page.text();
	if (page.status !== 200 || !html.includes('<form')) throw new Error(`The verification page answered ${page.status}: ${html.slice(0, 300)}`);
	const form = new FormData();
	form.append('consent', 'yes');
	form.append('documentType', files.documentType);
	const blob = (file: ApplicantFiles['selfie']) => new Blob([new Uint8Array(file.bytes)], { type: file.mimeType });
	form.append('idFront', blob(files.idFront), files.idFront.fileName);
	if (files.idBack) form.append('idBack', blob(files.idBack), files.idBack.fileName);
	form.append('selfie', blob(files.selfie), files.selfie.fileName);
	const action = new URL(/<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? redirectUrl, redirectUrl);
	const response = await fetch(action, { method: 'POST', body: form, redirect: 'manual' });
	const location = response.headers.get('location');
	if (response.status !== 303 || !location)
		throw new Error(`The verification page refused the form (${response.status}): ${(await response.text()).slice(0, 300)}`);
	return location;
}
