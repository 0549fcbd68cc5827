import { COMPLYCUBE_WORKFLOW_TEMPLATES, type ComplyCubeEmulator } from '../../emulators/complycube';
import { sampleBytes } from '../../support/sample-files';

export const IDENTITY_TEMPLATE = COMPLYCUBE_WORKFLOW_TEMPLATES.find((template) => template.active && template.checkTypes.includes('identity_check'))!;
export const SCREENING_TEMPLATE = COMPLYCUBE_WORKFLOW_TEMPLATES.find(
	(template) => template.active && template.checkTypes.every((type) => type.includes('screening')),
)!;

/** Asks ComplyCube (the emulator's API, directly) for a verification link; the node's own Create is tested apart. */
export async function createLink(emulator: ComplyCubeEmulator, clientId: string, workflowTemplateId: string): Promise<string> {
	const response = await fetch(`${emulator.baseUrl}/flow/sessions`, {
		method: 'POST',
		headers: { authorization: emulator.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ clientId, workflowTemplateId, successUrl: 'https://example.com/done', cancelUrl: 'https://example.com/cancel' }),
	});
	const answer = (await response.json()) as { redirectUrl?: string; message?: string };
	if (!answer.redirectUrl) throw new Error(`No verification link: ${answer.message}`);
	return answer.redirectUrl;
}

/** Opens the link as the client's browser would: ComplyCube starts the workflow session. Answers its id. */
export async function openLink(emulator: ComplyCubeEmulator, redirectUrl: string): Promise<string> {
	const page = await fetch(redirectUrl);
	if (page.status !== 200 || !(await page.text()).includes('<form')) throw new Error(`The hosted page answered ${page.status}`);
	const token = new URL(redirectUrl).pathname.split('/').pop()!;
	const workflowSessionId = emulator.flowSessions.get(token)?.workflowSessionId;
	if (!workflowSessionId) throw new Error('Opening the link started no workflow session');
	return workflowSessionId;
}

/** Sends the page's form as a browser does (multipart, consent ticked, a passport and a selfie where asked). */
export async function submitLink(redirectUrl: string): Promise<void> {
	const form = new FormData();
	form.append('consent', 'yes');
	form.append('documentType', 'passport');
	form.append('idFront', new Blob([sampleBytes('jpeg', 60_000)], { type: 'image/jpeg' }), 'passport.jpg');
	form.append('selfie', new Blob([sampleBytes('jpeg', 50_000)], { type: 'image/jpeg' }), 'selfie.jpg');
	const response = await fetch(redirectUrl, { method: 'POST', body: form, redirect: 'manual' });
	if (response.status !== 303) throw new Error(`The hosted page refused the form (${response.status}): ${await response.text()}`);
}

/** A client that went through a link to the end: the session is processing, and complete once the emulator settles. */
export async function finishedSession(emulator: ComplyCubeEmulator, workflowTemplateId: string, clientId = emulator.addClient()) {
	const redirectUrl = await createLink(emulator, clientId, workflowTemplateId);
	const workflowSessionId = await openLink(emulator, redirectUrl);
	await submitLink(redirectUrl);
	return { clientId, workflowSessionId };
}

/** A client that opened a link but has not sent the form: the session stays started. */
export async function startedSession(emulator: ComplyCubeEmulator, workflowTemplateId: string, clientId = emulator.addClient()) {
	const workflowSessionId = await openLink(emulator, await createLink(emulator, clientId, workflowTemplateId));
	return { clientId, workflowSessionId };
}
