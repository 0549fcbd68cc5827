import { sampleBytes } from '../../support/sample-files';
import { COMPLYCUBE_DEMO_CLIENT_ID, COMPLYCUBE_WORKFLOW_TEMPLATES, startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { completeHostedPage } from './applicant';
import { call, multipartBody, startReceiver } from './test-helpers';

let emulator: ComplyCubeEmulator;
afterEach(async () => await emulator?.close());
const start = async (options = {}) => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 50, ...options }));

const [identity, amlOnly, inactive] = COMPLYCUBE_WORKFLOW_TEMPLATES;
const urls = { successUrl: 'https://example.com/done', cancelUrl: 'https://example.com/cancel' };
const newSession = (body: Record<string, unknown>) => call(emulator, 'POST', '/flow/sessions', { clientId: COMPLYCUBE_DEMO_CLIENT_ID, ...urls, ...body });
const image = (kind: 'jpeg' | 'png', size = 40_000) => ({
	filename: `x.${kind === 'png' ? 'png' : 'jpg'}`,
	contentType: `image/${kind}`,
	data: sampleBytes(kind, size),
});
const post = (url: string, form: { body: Buffer; contentType: string }) =>
	fetch(url, { method: 'POST', headers: { 'content-type': form.contentType }, body: form.body, redirect: 'manual' });

test('the seeded templates: fixed 24-hex ids, one inactive', () => {
	expect(COMPLYCUBE_WORKFLOW_TEMPLATES.length).toBeGreaterThanOrEqual(2);
	for (const template of COMPLYCUBE_WORKFLOW_TEMPLATES) expect(template.id).toMatch(/^[0-9a-f]{24}$/);
	expect(identity).toMatchObject({ active: true, checkTypes: ['document_check', 'identity_check'] });
	expect(amlOnly).toMatchObject({ active: true, checkTypes: ['standard_screening_check'] });
	expect(inactive.active).toBe(false);
});

test('POST /flow/sessions answers { redirectUrl } on the emulator origin, outside /v1', async () => {
	await start();
	const answer = await newSession({ workflowTemplateId: identity.id });
	expect(answer.status).toBe(200);
	expect(Object.keys(answer.json)).toEqual(['redirectUrl']);
	expect(String(answer.json.redirectUrl)).toMatch(new RegExp(`^${emulator.origin}/flow/[0-9a-f]+$`));
	expect((await newSession({ checkTypes: ['extensive_screening_check'] })).status).toBe(200);
});

test.each([
	['no clientId', { clientId: undefined, workflowTemplateId: identity.id }, 400, 'clientId'],
	['neither template nor checkTypes', {}, 400, 'workflowTemplateId'],
	['an unknown check type', { checkTypes: ['palm_reading'] }, 400, 'checkTypes'],
	['no successUrl', { workflowTemplateId: identity.id, successUrl: undefined }, 400, 'successUrl'],
	['a cancelUrl that is no URL', { workflowTemplateId: identity.id, cancelUrl: 'nowhere' }, 400, 'cancelUrl'],
	['an unknown theme', { workflowTemplateId: identity.id, theme: 'pink' }, 400, 'theme'],
	['an unknown client', { workflowTemplateId: identity.id, clientId: '5eb04fcd0f3e360008035eb1' }, 404, 'clientId'],
	['an unknown template', { workflowTemplateId: '5eb04fcd0f3e360008035eb1' }, 404, 'workflowTemplateId'],
	['an inactive template', { workflowTemplateId: inactive.id }, 400, 'workflowTemplateId'],
])('a flow session refused: %s', async (_case, body, status, param) => {
	await start();
	const answer = await newSession(body);
	expect(answer).toMatchObject({ status, json: { type: status === 404 ? 'resource_not_found' : 'invalid_request', message: expect.any(String), param } });
	expect(emulator.flowSessions.size).toBe(0);
});

test('GET renders the form (template name, consent, files, submit, cancel) and starts a workflow session', async () => {
	await start();
	const url = String((await newSession({ workflowTemplateId: identity.id })).json.redirectUrl);
	const response = await fetch(url);
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toMatch(/^text\/html/);
	const html = await response.text();
	expect(html).toContain(identity.name);
	expect(html).toMatch(/<form method="post"[^>]*enctype="multipart\/form-data"/);
	expect(html).toMatch(/<input type="checkbox" name="consent"[^>]*required/);
	for (const name of ['idFront', 'idBack', 'selfie']) expect(html).toContain(`type="file" name="${name}"`);
	expect(html).toContain('<select name="documentType"');
	expect(html).toContain('<button type="submit">');
	expect(html).toContain(`href="${urls.cancelUrl}"`);
	expect(html).not.toContain('<script');
	expect([...emulator.workflowSessions.values()]).toEqual([
		expect.objectContaining({ status: 'started', clientId: COMPLYCUBE_DEMO_CLIENT_ID, workflowTemplateId: identity.id }),
	]);
});

test('POST multipart: stores document, images, live photo, checks and session; 303 to successUrl; completes later with events', async () => {
	await start({ allowHttpWebhooks: true, checkOutcome: 'clear' });
	const hook = await startReceiver();
	try {
		await call(emulator, 'POST', '/webhooks', { url: hook.url, events: ['workflowSession.completed', 'check.completed'] });
		const url = String((await newSession({ workflowTemplateId: identity.id })).json.redirectUrl);
		const form = multipartBody(
			{ consent: 'yes', documentType: 'driving_license' },
			{ idFront: image('jpeg'), idBack: image('png'), selfie: image('jpeg', 50_000) },
		);
		const response = await post(url, form);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(urls.successUrl);
		const [document] = [...emulator.documents.values()].filter(
			(item) => item.clientId === COMPLYCUBE_DEMO_CLIENT_ID && item.type === 'driving_license' && item.images.front,
		);
		expect(document.images.front).toMatchObject({ contentType: 'image/jpg', fileName: 'x.jpg' });
		expect(document.images.back).toMatchObject({ contentType: 'image/png' });
		expect(emulator.livePhotos.size).toBe(1);
		expect(emulator.acceptedUploads.map((upload) => [upload.kind, upload.side])).toEqual([
			['documentImage', 'front'],
			['documentImage', 'back'],
			['livePhoto', undefined],
		]);
		const checks = [...emulator.checks.values()];
		expect(checks.map((check) => [check.type, check.status])).toEqual([
			['document_check', 'pending'],
			['identity_check', 'pending'],
		]);
		const [session] = emulator.workflowSessions.values();
		expect(session).toMatchObject({
			status: 'processing',
			allRelatedChecks: checks.map((check) => expect.objectContaining({ checkId: check.id, type: check.type })),
		});
		const listed = await call(emulator, 'GET', `/workflowSessions?workflowTemplateId=${identity.id}&status=processing`);
		expect(listed.json.totalItems).toBe(1);
		await emulator.settle();
		const done = await call(emulator, 'GET', `/workflowSessions/${session.id}`);
		expect(done.json).toMatchObject({ status: 'complete', outcome: 'clear', workflowTemplateName: identity.name });
		expect((await call(emulator, 'GET', `/workflowSessions?clientId=${COMPLYCUBE_DEMO_CLIENT_ID}&outcome=clear`)).json.totalItems).toBe(1);
		expect(hook.received.map((request) => JSON.parse(request.body).type).sort()).toEqual(['check.completed', 'check.completed', 'workflowSession.completed']);
		// A used link is gone.
		expect((await fetch(url)).status).toBe(410);
		expect((await post(url, form)).status).toBe(410);
	} finally {
		await hook.close();
	}
});

test('the session outcome follows the configured check outcome', async () => {
	await start({ checkOutcome: 'rejected' });
	const url = String((await newSession({ workflowTemplateId: amlOnly.id })).json.redirectUrl);
	const html = await (await fetch(url)).text();
	expect(html).not.toContain('type="file"');
	// Files the template does not ask for are ignored.
	expect((await post(url, multipartBody({ consent: 'yes' }, { idFront: image('jpeg'), selfie: image('jpeg') }))).status).toBe(303);
	expect(emulator.acceptedUploads).toHaveLength(0);
	await emulator.settle();
	expect([...emulator.workflowSessions.values()][0]).toMatchObject({ status: 'complete', outcome: 'rejected' });
	expect(emulator.events.map((event) => event.type)).toContain('workflowSession.completed.rejected');
});

test.each([
	['no consent', { documentType: 'passport' }, { idFront: image('jpeg'), selfie: image('jpeg') }, /consent/i],
	['no front', { consent: 'yes', documentType: 'passport' }, { selfie: image('jpeg') }, /ID front/],
	[
		'a two-sided document without its back',
		{ consent: 'yes', documentType: 'national_identity_card' },
		{ idFront: image('jpeg'), selfie: image('jpeg') },
		/ID back/,
	],
	[
		'a PDF selfie',
		{ consent: 'yes', documentType: 'passport' },
		{ idFront: image('jpeg'), selfie: { filename: 's.pdf', contentType: 'application/pdf', data: sampleBytes('pdf', 40_000) } },
		/JPG or PNG/,
	],
	['a front too small', { consent: 'yes', documentType: 'passport' }, { idFront: image('jpeg', 1000), selfie: image('jpeg') }, /34KB and 4MB/],
])('POST refused with 400 and the page again: %s', async (_case, fields, files, message) => {
	await start();
	const url = String((await newSession({ workflowTemplateId: identity.id })).json.redirectUrl);
	const response = await post(url, multipartBody(fields, files));
	expect(response.status).toBe(400);
	const html = await response.text();
	expect(html).toMatch(message);
	expect(html).toContain('<form');
	expect(emulator.acceptedUploads).toHaveLength(0);
	expect(emulator.checks.size).toBe(0);
	// The link still works after a refusal.
	expect((await fetch(url)).status).toBe(200);
});

test('a passport needs no back; an unknown token answers 404 HTML', async () => {
	await start();
	const url = String((await newSession({ workflowTemplateId: identity.id })).json.redirectUrl);
	expect((await post(url, multipartBody({ consent: 'yes', documentType: 'passport' }, { idFront: image('jpeg'), selfie: image('png') }))).status).toBe(303);
	const unknown = await fetch(`${emulator.origin}/flow/0123456789abcdef`);
	expect(unknown.status).toBe(404);
	expect(unknown.headers.get('content-type')).toMatch(/^text\/html/);
});

test('workflow sessions: get 404 text; complete a started session -> processing, then complete', async () => {
	await start();
	expect(await call(emulator, 'GET', '/workflowSessions/5eb2b61e02df0a0008f1cf2b')).toMatchObject({
		status: 404,
		json: { type: 'resource_not_found', message: "Invalid workflow session id '5eb2b61e02df0a0008f1cf2b'" },
	});
	const url = String((await newSession({ workflowTemplateId: identity.id })).json.redirectUrl);
	await fetch(url);
	const [session] = emulator.workflowSessions.values();
	expect((await call(emulator, 'POST', `/workflowSessions/${session.id}/complete`)).json).toEqual({ status: 'processing' });
	await emulator.settle();
	expect((await call(emulator, 'GET', `/workflowSessions/${session.id}`)).json).toMatchObject({ status: 'complete', outcome: 'clear' });
	expect((await call(emulator, 'POST', `/workflowSessions/${session.id}/complete`)).status).toBe(400);
});

test('a browser-style FormData submission (undici) goes through the page as well', async () => {
	await start();
	const url = String((await newSession({ workflowTemplateId: identity.id })).json.redirectUrl);
	const file = (kind: 'jpeg' | 'png') => ({ bytes: sampleBytes(kind, 40_000), fileName: `f.${kind}`, mimeType: `image/${kind}` });
	const location = await completeHostedPage(url, { documentType: 'driving_license', idFront: file('jpeg'), idBack: file('png'), selfie: file('jpeg') });
	expect(location).toBe(urls.successUrl);
	expect(emulator.acceptedUploads.map((upload) => upload.fileName ?? upload.kind)).toEqual(['f.jpeg', 'f.png', 'livePhoto']);
});
