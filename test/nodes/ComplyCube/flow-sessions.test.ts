import { COMPLYCUBE_WORKFLOW_TEMPLATES, startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { expectNoSecret } from '../../support/expect-no-secret';
import { runOperation } from './run-operation';

let emulator: ComplyCubeEmulator;
let clientId: string;
const activeTemplate = COMPLYCUBE_WORKFLOW_TEMPLATES.find((template) => template.active)!;
const inactiveTemplate = COMPLYCUBE_WORKFLOW_TEMPLATES.find((template) => !template.active)!;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 50 });
	clientId = emulator.addClient();
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
});

const link = (parameters: Record<string, unknown> = {}) => ({
	resource: 'flowSession',
	operation: 'create',
	mode: 'workflowTemplate',
	clientId,
	workflowTemplateId: activeTemplate.id,
	successUrl: 'https://example.com/verified',
	cancelUrl: 'https://example.com/cancelled',
	...parameters,
});
const bodyOf = (index = 0) => JSON.parse(emulator.received[index].body.toString('utf8')) as Record<string, unknown>;

describe('a verification link ComplyCube creates', () => {
	test('for a workflow template: the redirectUrl, with the client and template beside it', async () => {
		const result = await runOperation(emulator, link());
		expect(result.error).toBeUndefined();
		const [item] = result.items;
		expect(item.json).toEqual({ redirectUrl: expect.stringMatching(/^https?:\/\//), clientId, workflowTemplateId: activeTemplate.id });
		expect(item.pairedItem).toEqual({ item: 0 });
		const request = emulator.received[0];
		expect(request).toMatchObject({ method: 'POST', path: '/v1/flow/sessions', status: 200 });
		expect(request.headers.authorization).toBe(emulator.apiKey);
		expect(bodyOf()).toEqual({
			clientId,
			workflowTemplateId: activeTemplate.id,
			successUrl: 'https://example.com/verified',
			cancelUrl: 'https://example.com/cancelled',
		});
		const session = [...emulator.flowSessions.values()].find((candidate) => candidate.redirectUrl === item.json.redirectUrl);
		expect(session).toMatchObject({ clientId, workflowTemplateId: activeTemplate.id, successUrl: 'https://example.com/verified' });
		const page = await fetch(String(item.json.redirectUrl));
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toContain('text/html');
	});

	test('the options are sent as ComplyCube names them', async () => {
		// Language is a check-types option: the workflow page does not list it (see the issue-30 block below).
		const result = await runOperation(
			emulator,
			link({
				mode: 'checkTypes',
				checkTypes: ['document_check'],
				options: { theme: 'dark', supportEmail: 'help@example.com', shortUrl: true, language: 'fr' },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toMatchObject({ theme: 'dark', supportEmail: 'help@example.com', shortUrl: true, language: 'fr' });
		const session = [...emulator.flowSessions.values()].find((candidate) => candidate.redirectUrl === result.items[0].json.redirectUrl);
		expect(session).toMatchObject({ theme: 'dark', supportEmail: 'help@example.com', language: 'fr' });
	});

	test('for check types: the checks and monitoring, and no template', async () => {
		const result = await runOperation(emulator, {
			...link({ mode: 'checkTypes', checkTypes: ['document_check', 'standard_screening_check'], options: { enableMonitoring: true } }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual({
			redirectUrl: expect.any(String),
			clientId,
			checkTypes: ['document_check', 'standard_screening_check'],
		});
		const body = bodyOf();
		expect(body).toMatchObject({ checkTypes: ['document_check', 'standard_screening_check'], enableMonitoring: true });
		expect(body.workflowTemplateId).toBeUndefined();
	});

	test('one link per item, each for its own client from an expression', async () => {
		const others = [emulator.addClient(), emulator.addClient()];
		const result = await runOperation(
			emulator,
			link({ clientId: '={{ $json.clientId }}' }),
			others.map((id) => ({ json: { clientId: id } })),
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.clientId)).toEqual(others);
		expect(new Set(result.items.map((item) => item.json.redirectUrl)).size).toBe(2);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe("ComplyCube's own refusals", () => {
	test.each([
		['an unknown template', 'ffffffffffffffffffffffff'],
		['an inactive template', inactiveTemplate.id],
	])('%s: its own message and status, never the key', async (_case, workflowTemplateId) => {
		const result = await runOperation(emulator, link({ workflowTemplateId }));
		const sent = bodyOf();
		const direct = await askDirectly(sent);
		expect(direct.status).toBeGreaterThanOrEqual(400);
		expect(emulator.received[0].status).toBe(direct.status);
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP ${direct.status}): ${direct.message} [item 0]`);
		expect(result.error?.message).toContain(workflowTemplateId);
		expect(result.error?.httpCode).toBe(String(direct.status));
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test('an unknown client: 404 with its message', async () => {
		const result = await runOperation(emulator, link({ clientId: '5eb04fcd0f3e360008035eb1' }));
		expect(result.error?.message).toBe("ComplyCube refused the request (HTTP 404): Invalid client id '5eb04fcd0f3e360008035eb1' [item 0]");
		expect(result.error?.httpCode).toBe('404');
	});

	test('with continue on error, the refused item becomes an error item and the next one gets its link', async () => {
		const result = await runOperation(
			emulator,
			link({ workflowTemplateId: '={{ $json.template }}' }),
			[{ json: { template: inactiveTemplate.id } }, { json: { template: activeTemplate.id } }],
			{ continueOnFail: true },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.error).toContain(inactiveTemplate.id);
		expect(result.items[1].json.redirectUrl).toEqual(expect.any(String));
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('refused before anything is sent', () => {
	test.each([
		['a Success URL without a scheme', { successUrl: 'example.com/verified' }, "Success URL 'example.com/verified' is not an absolute http(s) URL [item 0]"],
		['a relative Success URL', { successUrl: '/verified' }, "Success URL '/verified' is not an absolute http(s) URL [item 0]"],
		['a javascript: Cancel URL', { cancelUrl: 'javascript:alert(1)' }, "Cancel URL 'javascript:alert(1)' is not an absolute http(s) URL [item 0]"],
		['an ftp Cancel URL', { cancelUrl: 'ftp://example.com/x' }, "Cancel URL 'ftp://example.com/x' is not an absolute http(s) URL [item 0]"],
		['an empty Success URL from an expression', { successUrl: '={{ $json.nothing }}' }, 'Success URL is empty [item 0]'],
		['an empty Client ID from an expression', { clientId: '={{ $json.nothing }}' }, 'Client ID is empty [item 0]'],
		['an empty Workflow Template ID', { workflowTemplateId: ' ' }, 'Workflow Template ID is empty [item 0]'],
		['no check types from an expression', { mode: 'checkTypes', checkTypes: '={{ [] }}' }, 'Check Types is empty [item 0]'],
		['a Support Email that is not one', { options: { supportEmail: 'help-at-example' } }, "Support Email 'help-at-example' is not an e-mail address [item 0]"],
	])('%s', async (_case, change, message) => {
		const result = await runOperation(emulator, link(change));
		expect(result.error?.message).toBe(message);
		expect(result.error?.description).toMatch(/Nothing was sent|^Set /);
		expect(emulator.received).toHaveLength(0);
	});
});

/** The same request sent straight to the emulator, for the status and message ComplyCube itself answers. */
async function askDirectly(body: Record<string, unknown>): Promise<{ status: number; message: string }> {
	const response = await fetch(`${emulator.baseUrl}/flow/sessions`, {
		method: 'POST',
		headers: { authorization: emulator.apiKey, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const answer = (await response.json()) as { message: string };
	return { status: response.status, message: answer.message };
}

describe('check-types mode: every documented check type and page option (issue 30)', () => {
	test('face authentication and age estimation are offered and accepted', async () => {
		const result = await runOperation(emulator, link({ mode: 'checkTypes', checkTypes: ['face_authentication_check', 'age_estimation_check'] }));
		expect(result.error).toBeUndefined();
		expect(bodyOf().checkTypes).toEqual(['face_authentication_check', 'age_estimation_check']);
		expect([...emulator.flowSessions.values()].at(-1)?.checkTypes).toEqual(['face_authentication_check', 'age_estimation_check']);
	});

	test('Allow Document Upload, Document Types and Messages are sent as ComplyCube documents them', async () => {
		const messages = { documentCapture: { title: 'Your licence, please' } };
		const result = await runOperation(
			emulator,
			link({
				mode: 'checkTypes',
				checkTypes: ['document_check'],
				options: { allowDocumentUpload: false, documentTypes: ['driving_license', 'passport'], messages: JSON.stringify(messages), language: 'fr' },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toMatchObject({
			allowDocumentUpload: false,
			language: 'fr',
			messages,
			documentTypes: { passport: true, driving_license: true, residence_permit: false, national_identity_card: false },
		});
		expect([...emulator.flowSessions.values()].at(-1)).toMatchObject({ allowDocumentUpload: false, messages });
	});

	test('workflow-template mode sends none of them, Language included, even when a saved workflow still holds them', async () => {
		const result = await runOperation(
			emulator,
			link({
				options: { language: 'fr', allowDocumentUpload: false, documentTypes: ['passport'], messages: '{"a":{}}', enableMonitoring: true, theme: 'dark' },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(bodyOf()).toEqual({
			clientId,
			workflowTemplateId: activeTemplate.id,
			successUrl: 'https://example.com/verified',
			cancelUrl: 'https://example.com/cancelled',
			theme: 'dark',
		});
	});

	test('Messages that are not a JSON object are refused before sending', async () => {
		const result = await runOperation(emulator, link({ mode: 'checkTypes', checkTypes: ['document_check'], options: { messages: 'hello' } }));
		expect(result.error?.message).toBe('Messages is not a JSON object [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});
