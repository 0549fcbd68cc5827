import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { launchChromium } from '../../scripts/e2e/chromium';
import { EDITOR_OWNER, NDV_CLOSE, startEditor, type RunningEditor } from '../../scripts/e2e/editor';
import { EXAMPLE_CREDENTIALS } from '../../scripts/e2e/example-credentials';
import { N8nInstance } from '../../scripts/e2e/n8n-instance';
import { freePort } from '../../scripts/free-port';
import { startEmulators, type Emulators } from '../emulators/all';

/**
 * A real n8n editor (this jest project's n8n version) in headless Chromium: each node opens with its parameters (not n8n's
 * "Install this node to use it" panel) and its credential selected. A screenshot per node goes to
 * SCREENSHOTS_DIR (the README's are in docs/screenshots).
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const screenshots = process.env.SCREENSHOTS_DIR ?? mkdtempSync(path.join(tmpdir(), 'identity-uploads-screens-'));
const CHECKS = [
	{
		workflow: 'IdUpKycIntake001',
		node: 'Upload ID front',
		shot: 'complycube',
		labels: ['Document ID', 'Document Side', 'Input Binary Field'],
		param: 'documentId',
		credential: 'complyCubeApi',
	},
	{
		workflow: 'IdUpArgosImages1',
		node: 'Put submission image',
		shot: 'argos-identity',
		labels: ['Submission ID', 'Admin Email', 'ID Type', 'Images'],
		param: 'submissionId',
		credential: 'argosIdentityApi',
	},
	{
		workflow: 'IdUpCrafterAtt01',
		node: 'Upload attachment',
		shot: 'crafter-profile',
		labels: ['Profile ID', 'Input Binary Field'],
		param: 'profileId',
		credential: 'crafterProfileApi',
	},
];

let emulators: Emulators;
let editor: RunningEditor;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	emulators = await startEmulators();
	const n8n = await N8nInstance.withExamples(repoRoot, emulators.credentials);
	editor = await startEditor(n8n, await freePort());
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
	const login = await page.request.post(`${editor.url}/rest/login`, {
		data: { emailOrLdapLoginId: EDITOR_OWNER.email, password: EDITOR_OWNER.password },
	});
	expect(login.status()).toBe(200);
	mkdirSync(screenshots, { recursive: true });
});

afterAll(async () => {
	await browser?.close();
	await editor?.stop();
	await emulators?.close();
});

test('n8n lists the three node types of the installed package', async () => {
	const types = (await (await page.request.get(`${editor.url}/types/nodes.json`)).json()) as Array<{ name: string }>;
	const ours = types.map((type) => type.name).filter((name) => name.startsWith('n8n-nodes-identity-uploads.'));
	expect(ours).toEqual(
		expect.arrayContaining(['n8n-nodes-identity-uploads.complyCube', 'n8n-nodes-identity-uploads.argosIdentity', 'n8n-nodes-identity-uploads.crafterProfile']),
	);
});

test.each(CHECKS)('$node opens with its parameters and credential in the editor', async (check) => {
	await page.goto(`${editor.url}/workflow/${check.workflow}`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${check.node}"]`);
	await node.waitFor({ timeout: 60_000 });
	expect(
		await node
			.locator('img')
			.first()
			.evaluate((image) => (image as unknown as { naturalWidth: number }).naturalWidth),
	).toBeGreaterThan(0);
	await node.dblclick();
	const parameters = page.locator('[data-test-id="node-parameters"]');
	const notInstalled = page.getByText('Install this node to use it');
	await parameters.or(notInstalled).first().waitFor({ timeout: 30_000 });
	await page.screenshot({ path: path.join(screenshots, `${check.shot}.png`) });
	expect(await notInstalled.count()).toBe(0);
	for (const label of check.labels) await expect(parameters.getByText(label, { exact: true }).first().isVisible()).resolves.toBe(true);
	// A plain field, or a resource locator (From List / By ID: n8n's rlc-input holds the value).
	const field = `[data-test-id="parameter-input-${check.param}"]`;
	const value = page.locator(
		`${field} [data-test-id="parameter-input-field"], ${field} input[data-test-id="rlc-input"], ${field} [data-test-id="rlc-input"] input`,
	);
	expect(await value.first().inputValue()).not.toBe('');
	expect(await page.locator('[data-test-id="node-credentials-select"] input').first().inputValue()).toBe(EXAMPLE_CREDENTIALS[check.credential].name);
	await page.locator(NDV_CLOSE).first().click();
});

describe("each credential's Test really checks the secret (n8n's credential test, as the editor's Retry/Test button)", () => {
	const secretField: Record<string, string> = { complyCubeApi: 'apiKey', argosIdentityApi: 'apiKey', crafterProfileApi: 'accessTokenId' };

	async function testCredential(type: string, data: Record<string, string | number | boolean>) {
		const { id, name } = EXAMPLE_CREDENTIALS[type];
		const answer = await page.request.post(`${editor.url}/rest/credentials/test`, { data: { credentials: { id, name, type, data } } });
		expect(answer.status()).toBe(200);
		return ((await answer.json()) as { data: { status: string; message: string } }).data;
	}

	test.each(Object.keys(secretField))('%s: the emulator credential passes, a wrong secret fails', async (type) => {
		const good = emulators.credentials[type];
		expect(await testCredential(type, good)).toMatchObject({ status: 'OK' });
		const wrong = await testCredential(type, { ...good, [secretField[type]]: 'wrong-secret-0000' });
		expect(wrong.status).toBe('Error');
		const emulator = { complyCubeApi: emulators.complyCube, argosIdentityApi: emulators.argos, crafterProfileApi: emulators.crafter }[type]!;
		const lastRequest = emulator.received.at(-1)!;
		expect(`${JSON.stringify(lastRequest.headers)} ${lastRequest.query.toString()}`).toContain('wrong-secret-0000');
		expect([401, 403]).toContain(lastRequest.status);
	});
});
