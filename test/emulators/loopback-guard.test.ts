import { request } from 'node:http';

import { startEmulators, type Emulators } from './all';
import { ARGOS_SEEDED_SUBMISSION_IDS } from './argos';
import { COMPLYCUBE_DEMO_CLIENT_ID, COMPLYCUBE_WORKFLOW_TEMPLATES } from './complycube';
import { multipartBody } from './complycube/test-helpers';
import { CRAFTER_SEEDED_PROFILE_IDS } from './crafter';
import { refuseNonLoopback } from './loopback-guard';
import { sampleBytes } from '../support/sample-files';

let emulators: Emulators;
beforeAll(async () => (emulators = await startEmulators({ complyCubeOptions: { rateLimit: false, checkDelayMs: 20 } })));
afterAll(async () => await emulators.close());

interface RawAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** A request to the emulator's own socket with the Host and Origin headers a browser elsewhere would send (fetch cannot set Host). */
async function send(url: string, headers: Record<string, string>, method = 'GET', body?: Buffer): Promise<RawAnswer> {
	const target = new URL(url);
	return await new Promise((resolve, reject) => {
		const outgoing = request({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method, headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
		});
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}

const port = (url: string) => new URL(url).port;

/** An authenticated read at each service: 200 when the request is addressed to loopback. */
const reads = () => ({
	ComplyCube: { url: `${emulators.complyCube.baseUrl}/clients/${COMPLYCUBE_DEMO_CLIENT_ID}`, headers: { authorization: emulators.complyCube.apiKey } },
	'Argos Identity': {
		url: `${emulators.argos.origin}/v3/submission?submission_id=${ARGOS_SEEDED_SUBMISSION_IDS[0]}`,
		headers: { 'x-api-key': emulators.argos.apiKey },
	},
	'Crafter Profile': {
		url: `${emulators.crafter.baseUrl}/api/1/profile/${CRAFTER_SEEDED_PROFILE_IDS[0]}?accessTokenId=${emulators.crafter.accessToken}`,
		headers: {} as Record<string, string>,
	},
});
const SERVICES = ['ComplyCube', 'Argos Identity', 'Crafter Profile'] as const;

describe('refuseNonLoopback', () => {
	test.each(['localhost', 'localhost:5801', 'LOCALHOST:5801', '127.0.0.1', '127.0.0.1:80', '[::1]', '[::1]:5803'])('Host %s is answered', (host) => {
		expect(refuseNonLoopback({ host })).toBeUndefined();
	});

	test.each([
		['a rebinding name', 'attacker.example:5801'],
		['a name ending in localhost', 'evil-localhost:5801'],
		['a name under localhost of another domain', 'localhost.attacker.example'],
		['another loopback address', '127.0.0.2:5801'],
		['the unspecified address', '0.0.0.0:5801'],
		['an IPv6 address without brackets', '::1'],
		['a port that is no number', 'localhost:x'],
		['an empty Host', ''],
	])('Host refused with 421: %s', (_case, host) => {
		expect(refuseNonLoopback({ host })).toEqual({ status: 421, reason: expect.stringContaining(`addressed to ${JSON.stringify(host)}`) });
	});

	test('no Host at all is refused with 421', () => {
		expect(refuseNonLoopback({})).toEqual({ status: 421, reason: expect.stringContaining('addressed to no host') });
	});

	test.each(['http://localhost:5678', 'http://127.0.0.1:5801', 'https://[::1]:8443', 'http://LOCALHOST'])('Origin %s is answered', (origin) => {
		expect(refuseNonLoopback({ host: '127.0.0.1:5801', origin })).toBeUndefined();
	});

	test.each([
		'https://attacker.example',
		'http://127.0.0.1.attacker.example',
		'null',
		'file://',
		'chrome-extension://abc',
		'http://localhost@attacker.example',
	])('Origin %s is refused with 403', (origin) => {
		expect(refuseNonLoopback({ host: '127.0.0.1:5801', origin })).toEqual({
			status: 403,
			reason: expect.stringContaining(`came from ${JSON.stringify(origin)}`),
		});
	});
});

describe.each(SERVICES)('the %s emulator', (service) => {
	test('answers requests addressed to localhost, 127.0.0.1 and [::1] with any port, and from a loopback page', async () => {
		const { url, headers } = reads()[service];
		for (const host of [`localhost:${port(url)}`, `127.0.0.1:${port(url)}`, `[::1]:${port(url)}`, 'localhost']) {
			expect((await send(url, { ...headers, host })).status).toBe(200);
		}
		expect((await send(url, { ...headers, host: `localhost:${port(url)}`, origin: 'http://localhost:5678' })).status).toBe(200);
	});

	test('refuses a request addressed to another name (DNS rebinding) with 421 and a one-line reason', async () => {
		const { url, headers } = reads()[service];
		const answer = await send(url, { ...headers, host: `attacker.example:${port(url)}` });
		expect(answer.status).toBe(421);
		expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
		expect(answer.body).toBe(
			`This emulator answers only requests addressed to localhost, 127.0.0.1 or [::1]; this one was addressed to "attacker.example:${port(url)}".\n`,
		);
	});

	test('refuses a request from a foreign page with 403, even when addressed to loopback', async () => {
		const { url, headers } = reads()[service];
		const answer = await send(url, { ...headers, host: `127.0.0.1:${port(url)}`, origin: 'https://attacker.example' });
		expect(answer.status).toBe(403);
		expect(answer.body).toBe(
			'This emulator accepts requests only from pages on localhost, 127.0.0.1 or [::1]; this one came from "https://attacker.example".\n',
		);
	});
});

test('a refused create reaches no service: no client at ComplyCube, nothing in `received`', async () => {
	const cc = emulators.complyCube;
	const clientsBefore = cc.clients.size;
	const receivedBefore = cc.received.length;
	const body = Buffer.from(JSON.stringify({ type: 'person', email: 'rebound@example.com', personDetails: { firstName: 'Re', lastName: 'Bound' } }));
	const create = (extra: Record<string, string>) =>
		send(
			`${cc.baseUrl}/clients`,
			{ authorization: cc.apiKey, 'content-type': 'application/json', 'content-length': String(body.length), ...extra },
			'POST',
			body,
		);
	expect((await create({ host: `attacker.example:${port(cc.origin)}` })).status).toBe(421);
	// A form on a web page posting cross-site: text/plain needs no CORS preflight, so the browser just sends it.
	expect((await create({ host: `127.0.0.1:${port(cc.origin)}`, origin: 'http://attacker.example', 'content-type': 'text/plain' })).status).toBe(403);
	expect(cc.clients.size).toBe(clientsBefore);
	expect(cc.received.length).toBe(receivedBefore);
	// The same request addressed to loopback is served, so the refusals above are the guard's.
	expect((await create({ host: `127.0.0.1:${port(cc.origin)}` })).status).toBe(200);
	expect(cc.clients.size).toBe(clientsBefore + 1);
});

describe('the hosted verification page', () => {
	const image = (kind: 'jpeg' | 'png', size = 40_000) => ({
		filename: `x.${kind === 'png' ? 'png' : 'jpg'}`,
		contentType: `image/${kind}`,
		data: sampleBytes(kind, size),
	});
	const newPage = async () => {
		const cc = emulators.complyCube;
		const answer = await fetch(`${cc.baseUrl}/flow/sessions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: cc.apiKey },
			body: JSON.stringify({
				clientId: COMPLYCUBE_DEMO_CLIENT_ID,
				workflowTemplateId: COMPLYCUBE_WORKFLOW_TEMPLATES[0].id,
				successUrl: 'https://example.com/done',
				cancelUrl: 'https://example.com/cancel',
			}),
		});
		const url = String(((await answer.json()) as { redirectUrl: string }).redirectUrl);
		return { url, token: url.split('/').pop()! };
	};
	const submit = (url: string, origin: string) => {
		const form = multipartBody({ consent: 'yes', documentType: 'passport' }, { idFront: image('jpeg'), selfie: image('jpeg', 50_000) });
		return send(url, { host: new URL(url).host, origin, 'content-type': form.contentType, 'content-length': String(form.body.length) }, 'POST', form.body);
	};

	test('opens and takes the form a browser posts from the page itself (its own Origin): 303 to the success URL', async () => {
		const { url, token } = await newPage();
		const page = await send(url, { host: new URL(url).host });
		expect(page.status).toBe(200);
		expect(page.body).toContain('<form method="post"');
		const answer = await submit(url, new URL(url).origin);
		expect(answer).toMatchObject({ status: 303, headers: { location: 'https://example.com/done' } });
		expect(emulators.complyCube.flowSessions.get(token)?.used).toBe(true);
	});

	test('refuses the same form posted from a foreign page, and the session stays unused', async () => {
		const { url, token } = await newPage();
		expect((await submit(url, 'https://attacker.example')).status).toBe(403);
		expect(emulators.complyCube.flowSessions.get(token)?.used).toBe(false);
	});
});
