import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { EXAMPLE_CREDENTIALS } from '../../scripts/e2e/example-credentials';
import { N8nInstance, type ExecuteResult } from '../../scripts/e2e/n8n-instance';
import { currentCell } from '../../scripts/e2e/n8n-lines';
import { ARGOS_SEEDED_SUBMISSION_IDS } from '../emulators/argos';
import { COMPLYCUBE_DEMO_CLIENT_ID, COMPLYCUBE_DEMO_DOCUMENT_ID } from '../emulators/complycube';
import { CRAFTER_SEEDED_PROFILE_IDS } from '../emulators/crafter';
import { startEmulators, type Emulators } from '../emulators/all';

/**
 * The packed package installed as a community package in a real n8n (this jest project's cell: one
 * n8n version × one binary data mode, jest.e2e.config.js), the example workflows run with
 * `n8n execute`: proves the `n8n` field, dist paths, codex, icons and credential schemas are what
 * n8n's loader accepts, that the examples work with n8n's own nodes (Read/Write Files), and that the
 * nodes read and write binaries through n8n's helpers in whichever mode n8n stores them.
 */
const cell = currentCell();
const repoRoot = path.resolve(__dirname, '..', '..');
const examples = readdirSync(path.join(repoRoot, 'examples')).filter((name) => name.endsWith('.json'));
const workflowId = (file: string) => (JSON.parse(readFileSync(path.join(repoRoot, 'examples', file), 'utf8')) as { id: string }).id;
const fileBytes = (name: string) => readFileSync(path.join(repoRoot, 'examples', 'files', name));
const items = (result: ExecuteResult, node: string, output = 0) => result.run.data.resultData.runData[node]?.[0]?.data?.main[output] ?? [];

let emulators: Emulators;
let n8n: N8nInstance;
const timings: string[] = [];

beforeAll(async () => {
	const started = Date.now();
	emulators = await startEmulators();
	n8n = await N8nInstance.withExamples(repoRoot, emulators.credentials);
	timings.push(`set up in ${Date.now() - started} ms`);
});

afterAll(async () => {
	await emulators?.close();
	console.log(timings.join('\n'));
});

async function execute(file: string): Promise<ExecuteResult> {
	const started = Date.now();
	const result = await n8n.execute(workflowId(file));
	timings.push(`${file}: n8n execute ${Date.now() - started} ms, exit ${result.exitCode}`);
	expect(result.run.data.resultData.error).toBeUndefined();
	runs.set(file, result);
	return result;
}
const runs = new Map<string, ExecuteResult>();

test(`the installed n8n is ${cell.line.version}, declaring node ${cell.line.nodeEngines} (scripts/e2e/n8n-lines.json, the README's Compatibility table)`, () => {
	const installed = JSON.parse(readFileSync(path.join(n8n.n8nPackageFolder, 'package.json'), 'utf8')) as { version: string; engines: { node: string } };
	expect(installed).toMatchObject({ version: cell.line.version, engines: { node: cell.line.nodeEngines } });
});

test("every n8n-workflow value the built package uses is exported by this n8n's own n8n-workflow (the package's peer dependency, resolved from n8n)", () => {
	const used = new Set<string>();
	const scan = (folder: string) => {
		for (const entry of readdirSync(folder, { withFileTypes: true })) {
			const file = path.join(folder, entry.name);
			if (entry.isDirectory()) scan(file);
			else if (entry.name.endsWith('.js')) for (const [, name] of readFileSync(file, 'utf8').matchAll(/n8n_workflow_\d+\.(\w+)/g)) used.add(name);
		}
	};
	for (const folder of ['dist/nodes', 'dist/credentials']) scan(path.join(repoRoot, folder));
	expect(used.size).toBeGreaterThan(0);
	const workflowPackage = path.join(n8n.n8nPackageFolder, '..', 'n8n-workflow');
	const exported = JSON.parse(
		execFileSync(
			process.execPath,
			[
				'-e',
				`const w = require(${JSON.stringify(workflowPackage)}); console.log(JSON.stringify(process.argv.slice(1).filter((name) => w[name] === undefined)))`,
				...used,
			],
			{ encoding: 'utf8' },
		),
	) as string[];
	expect(exported).toEqual([]);
});

test('the example credentials are the ones the examples use', () => {
	for (const file of examples) {
		const workflow = JSON.parse(readFileSync(path.join(repoRoot, 'examples', file), 'utf8')) as {
			nodes: Array<{ credentials?: Record<string, { id: string }> }>;
		};
		for (const node of workflow.nodes) {
			for (const [type, { id }] of Object.entries(node.credentials ?? {})) expect(EXAMPLE_CREDENTIALS[type]?.id).toBe(id);
		}
	}
});

test("every example workflow id has at most 16 characters: n8n 1.x saves a workflow's static data (the ComplyCube Trigger's webhook id and secret) only for such ids", () => {
	// n8n 1.123's isWorkflowIdValid: id.length <= 16 (n8n 2: <= 21). A longer id imports and activates, but
	// the trigger's registration is never stored, so every delivery is refused as unsigned.
	const tooLong = examples.map((file) => ({ file, id: workflowId(file) })).filter(({ id }) => id.length > 16);
	expect(tooLong).toEqual([]);
});

test('KYC intake in a real n8n: licence front and back and the selfie arrive byte-identical', async () => {
	const result = await execute('complycube-kyc-intake.json');
	expect(items(result, 'Upload selfie')[0].json).toMatchObject({ clientId: COMPLYCUBE_DEMO_CLIENT_ID, performLivenessCheck: true });
	const { images } = emulators.complyCube.documents.get(COMPLYCUBE_DEMO_DOCUMENT_ID)!;
	expect(images.front?.data.equals(fileBytes('licence-front.jpg'))).toBe(true);
	expect(images.front?.fileName).toBe('licence-front.jpg');
	expect(images.back?.data.equals(fileBytes('licence-back.png'))).toBe(true);
	const selfies = [...emulators.complyCube.livePhotos.values()];
	expect(selfies.map((photo) => photo.data.equals(fileBytes('selfie.jpg')))).toEqual([true]);
	expect(emulators.complyCube.received.every((request) => request.headers.authorization === emulators.complyCube.apiKey)).toBe(true);
});

test('a refused file with "continue using error output" reaches the next node, and nothing is sent', async () => {
	const before = emulators.complyCube.received.length;
	const result = await execute('complycube-refused-file.json');
	const errorBranch = items(result, 'Ask for a better photo');
	expect(errorBranch).toHaveLength(1);
	expect(errorBranch[0].json.error).toContain("The file 'thumbnail.jpg' in binary property 'data' is too small (726 bytes)");
	expect(errorBranch[0].binary?.data?.fileName).toBe('thumbnail.jpg');
	expect(result.run.data.resultData.runData.Uploaded).toBeUndefined();
	expect(emulators.complyCube.received.length).toBe(before);
});

test('Argos in a real n8n: the four images land in their slots as base64 text fields', async () => {
	await execute('argos-submission-images.json');
	const { images } = emulators.argos.submissions.get(ARGOS_SEEDED_SUBMISSION_IDS[0])!;
	for (const name of ['idImage.jpg', 'idBackImage.png', 'selfieImage.jpg', 'addressImage.jpg']) {
		expect(images[name.split('.')[0] as keyof typeof images]?.equals(fileBytes(`argos/${name}`))).toBe(true);
	}
	expect(emulators.argos.acceptedUploads).toHaveLength(4);
});

test('Crafter in a real n8n: upload, then download as an n8n binary with its name and type', async () => {
	const result = await execute('crafter-profile-attachment.json');
	expect(items(result, 'Upload attachment')[0].json).toMatchObject({ fileName: 'avatar', contentType: 'image/png' });
	expect(items(result, 'Download attachment')[0].binary?.downloaded).toMatchObject({ fileName: 'avatar.png', mimeType: 'image/png' });
	const stored = emulators.crafter.profiles.get(CRAFTER_SEEDED_PROFILE_IDS[0])!.get('avatar')!;
	expect(stored.data.equals(fileBytes('avatar.png'))).toBe(true);
	expect(emulators.crafter.received.every((request) => request.query.get('accessTokenId') === emulators.crafter.accessToken)).toBe(true);
});

test('Crafter in a real n8n: register a customer, store the ID scan on the new profile, mark it verified', async () => {
	const result = await execute('crafter-profile-register-verify.json');
	const registered = items(result, 'Register customer')[0].json as { id: string };
	expect(registered).toMatchObject({ email: 'jane.applicant@example.com', enabled: false, verified: false });
	expect(emulators.crafter.profiles.get(registered.id)!.get('id-scan')!.data.equals(fileBytes('passport-front.jpg'))).toBe(true);
	expect(items(result, 'Mark profile verified')[0].json).toMatchObject({
		id: registered.id,
		verified: true,
		enabled: true,
		attributes: { idScan: 'id-scan', kycStatus: 'verified' },
	});
	expect(emulators.crafter.profileRecords.get(registered.id)).toMatchObject({ verified: true, enabled: true });
});

test('ComplyCube back office in a real n8n: an address and a licence, a proof-of-address check on both, a company found and made a client', async () => {
	const result = await execute('complycube-address-kyb.json');
	const address = items(result, 'Add home address')[0].json as { id: string };
	const document = items(result, 'Create proof-of-address document')[0].json as { id: string };
	expect(emulators.complyCube.documents.get(document.id)?.images.front?.data.equals(fileBytes('licence-front.jpg'))).toBe(true);
	const check = items(result, 'Run proof-of-address check')[0].json as { id: string };
	expect(emulators.complyCube.checks.get(check.id)).toMatchObject({ type: 'proof_of_address_check', documentId: document.id, addressId: address.id });
	expect(items(result, 'Search the employer').map((item) => item.json.name)).toEqual(['CLEDARA LTD']);
	const client = items(result, 'Create company client')[0].json as { id: string };
	expect(emulators.complyCube.clients.get(client.id)).toMatchObject({ type: 'company', companyDetails: { name: 'CLEDARA LTD' } });
});

test('verification link in a real n8n: a client, a flow session, and the e-mail with the link at the mail sink', async () => {
	const result = await execute('complycube-verification-link.json');
	const client = items(result, 'Create client')[0].json as { id: string };
	const { redirectUrl } = items(result, 'Create verification link')[0].json as { redirectUrl: string };
	expect(emulators.complyCube.clients.get(client.id)).toMatchObject({ email: 'jane.applicant@example.com', externalId: 'customer-1001' });
	const session = [...emulators.complyCube.flowSessions.values()].find((candidate) => candidate.redirectUrl === redirectUrl);
	expect(session).toMatchObject({
		clientId: client.id,
		workflowTemplateId: '68566be2a37a78622f4f7b01',
		successUrl: 'https://example.com/kyc/thank-you',
		cancelUrl: 'https://example.com/kyc/cancelled',
		theme: 'light',
		used: false,
	});
	expect(redirectUrl.startsWith(`${emulators.complyCube.origin}/flow/`)).toBe(true);
	// n8n's Send Email node, its SMTP credential pointed at the local sink: one message, the link in its text.
	expect(emulators.mail.messages).toHaveLength(1);
	const [mail] = emulators.mail.messages;
	expect(mail).toMatchObject({ from: 'onboarding@example.com', to: ['jane.applicant@example.com'], subject: 'Please verify your identity' });
	expect(mail.text).toContain('Hello Jane,');
	expect(mail.text).toContain(redirectUrl);
});

test(`n8n kept the example files' binaries ${cell.binaryMode === 'default' ? 'in memory (the bytes in the item)' : `in its ${cell.binaryMode} store (an id, no bytes in the item)`}, and the nodes read and wrote them there`, () => {
	// What Read Files produced and the nodes read (uploads), and what the Crafter node wrote (download).
	const kyc = runs.get('complycube-kyc-intake.json');
	const crafter = runs.get('crafter-profile-attachment.json');
	expect(kyc && crafter).toBeTruthy();
	const binaries = [
		...['Read ID front', 'Read ID back', 'Read selfie'].map((node) => items(kyc!, node)[0]?.binary?.data),
		items(crafter!, 'Download attachment')[0]?.binary?.downloaded,
	];
	for (const binary of binaries) {
		expect(binary).toBeDefined();
		if (cell.binaryMode === 'default') {
			expect(binary!.id).toBeUndefined();
			expect(Buffer.from(binary!.data as string, 'base64').length).toBeGreaterThan(700);
		} else {
			expect(binary!.id).toMatch(new RegExp(`^${cell.binaryMode}(-v2)?:`));
			expect(binary!.data).toBe(String(binary!.id).split(':')[0]);
		}
	}
});
