import path from 'node:path';

import { ARGOS_ADMIN_EMAIL, ARGOS_SEEDED_SUBMISSION_IDS, startArgosEmulator, type ArgosEmulator, type ArgosImageSlot } from '../../emulators/argos';
import { startHttpEmulator, type EmulatorResponse, type RunningEmulator } from '../../emulators/emulator-server';
import type { FixtureItem } from '../../engine/fixture-items.node';
import { runWorkflow } from '../../engine/run-workflow';
import { loadWorkflow } from '../../engine/workflow-file';
import { expectNoSecret } from '../../support/expect-no-secret';
import { sampleBytes, SampleFolder, type SampleKind } from '../../support/sample-files';
import { binaryBytes } from '../ComplyCube/binary-bytes';
import { runOperation } from './run-operation';

const PUT_WORKFLOW = path.join(__dirname, 'put-submission-image.workflow.json');
const PROPERTY: Record<ArgosImageSlot, string> = { idImage: 'front', idBackImage: 'back', selfieImage: 'selfie', addressImage: 'address' };
const samples = new SampleFolder();
let emulator: ArgosEmulator;

beforeEach(async () => {
	emulator = await startArgosEmulator();
});
afterEach(async () => await emulator.close());

const getImage = (parameters: Record<string, unknown>, credentials?: Record<string, unknown>) =>
	runOperation(emulator, { resource: 'image', operation: 'get', binaryPropertyName: 'data', ...parameters }, undefined, { credentials });

/** Puts the four images through the node's Put Submission Image, as a workflow would; answers the bytes sent. */
async function putThroughNode(submissionId: string, kinds: Record<ArgosImageSlot, SampleKind>): Promise<Record<ArgosImageSlot, Buffer>> {
	const sent = {} as Record<ArgosImageSlot, Buffer>;
	const item: FixtureItem = { json: { submissionId, admin: ARGOS_ADMIN_EMAIL, idType: 'passport' }, files: {} };
	for (const [slot, kind] of Object.entries(kinds) as Array<[ArgosImageSlot, SampleKind]>) {
		const file = samples.make(`${submissionId}-${slot}.${kind}`, kind, 40_000 + Math.floor(Math.random() * 1000));
		sent[slot] = file.bytes;
		item.files![PROPERTY[slot]] = { path: file.path, fileName: `${slot}.${kind}`, mimeType: `image/${kind}` };
	}
	const result = await runWorkflow(loadWorkflow(PUT_WORKFLOW, [item]), { argosIdentityApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } });
	expect(result.error).toBeUndefined();
	return sent;
}

describe('Get Image', () => {
	test('each slot comes back byte-identical to what Put Submission Image sent, named <submissionId>-<slot>.<ext>', async () => {
		const submissionId = emulator.addSubmission();
		const sent = await putThroughNode(submissionId, { idImage: 'jpeg', idBackImage: 'png', selfieImage: 'jpeg', addressImage: 'png' });
		for (const slot of Object.keys(sent) as ArgosImageSlot[]) {
			emulator.received.length = 0;
			const run = await getImage({ submissionId, type: slot, binaryPropertyName: 'image' });
			expect(run.error).toBeUndefined();
			expect(emulator.received.map(({ method, path: urlPath, query }) => `${method} ${urlPath}?${query}`)).toEqual([
				`GET /v3/image?submission_id=${submissionId}&type=${slot}`,
			]);
			const [item] = run.items;
			const png = sent[slot][0] === 0x89;
			const fileName = `${submissionId}-${slot}.${png ? 'png' : 'jpg'}`;
			expect(item.binary?.image).toMatchObject({ fileName, mimeType: png ? 'image/png' : 'image/jpeg' });
			expect((await binaryBytes(item.binary?.image)).equals(sent[slot])).toBe(true);
			expect(item.json).toEqual({ submissionId, type: slot, fileName, contentType: png ? 'image/png' : 'image/jpeg', size: sent[slot].length });
		}
	});

	test("the input item's binaries are kept beside the downloaded one", async () => {
		const submissionId = emulator.addSubmission();
		emulator.submissions.get(submissionId)!.images.selfieImage = sampleBytes('jpeg', 5_000);
		const workflowRun = await runOperation(emulator, { resource: 'image', operation: 'get', submissionId, type: 'selfieImage', binaryPropertyName: 'selfie' }, [
			{ json: {}, files: { original: { path: samples.make('original.png', 'png', 3_000).path, fileName: 'original.png', mimeType: 'image/png' } } },
		]);
		expect(Object.keys(workflowRun.items[0].binary ?? {}).sort()).toEqual(['original', 'selfie']);
	});

	test('a slot the submission lacks is a clear error naming it, not an empty file', async () => {
		const [submissionId] = ARGOS_SEEDED_SUBMISSION_IDS;
		emulator.submissions.get(submissionId)!.images.idImage = sampleBytes('jpeg', 5_000);
		const run = await getImage({ submissionId, type: 'addressImage' });
		expect(run.error?.message).toBe(`Submission '${submissionId}' has no Proof of Address image [item 0]`);
		expect(run.error?.description).toContain('it holds idImage');
		expect(run.error?.description).toContain('Argos answered: Invalid submission. (invalid_submission)');
		expect(run.items).toEqual([]);
	});

	test('an unknown submission says so', async () => {
		const run = await getImage({ submissionId: 'no-such-submission', type: 'selfieImage' });
		expect(run.error?.message).toBe("Argos Identity has no submission 'no-such-submission' [item 0]");
	});

	test("a wrong API key: Argos's 403, never the key", async () => {
		const run = await getImage({ submissionId: ARGOS_SEEDED_SUBMISSION_IDS[0], type: 'selfieImage' }, { apiKey: 'argos_wrong_key_987654' });
		expect(run.error?.message).toBe('Argos Identity refused the request (HTTP 403): Forbidden [item 0]');
		expectNoSecret('argos_wrong_key_987654', run.error, run.run.data.resultData);
	});

	test('an empty Submission ID is refused before sending', async () => {
		const run = await getImage({ submissionId: '={{ $json.none }}', type: 'selfieImage' });
		expect(run.error?.message).toBe('Submission ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});

	test('an Image Type Argos does not keep is refused before sending', async () => {
		const run = await getImage({ submissionId: ARGOS_SEEDED_SUBMISSION_IDS[0], type: '={{ "passportImage" }}' });
		expect(run.error?.message).toBe("Image Type 'passportImage' is not one Argos keeps [item 0]");
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Get Image against other answers Argos might give (a stub)', () => {
	let stub: RunningEmulator;
	let answer: () => EmulatorResponse;
	const JPEG = sampleBytes('jpeg', 2_000);

	beforeEach(async () => {
		stub = await startHttpEmulator(() => answer());
	});
	afterEach(async () => await stub.close());

	const run = () =>
		runOperation(emulator, { resource: 'image', operation: 'get', submissionId: 'sub1', type: 'idImage', binaryPropertyName: 'data' }, undefined, {
			credentials: { baseUrl: `${stub.origin}/v3` },
		});

	test.each([
		['base64 text', () => ({ status: 200, body: JPEG.toString('base64'), headers: { 'content-type': 'text/plain' } })],
		['a data: URL', () => ({ status: 200, body: `data:image/jpeg;base64,${JPEG.toString('base64')}` })],
	])('%s is decoded to the image', async (_case, stubAnswer) => {
		answer = stubAnswer;
		const result = await run();
		expect(result.error).toBeUndefined();
		expect((await binaryBytes(result.items[0].binary?.data)).equals(JPEG)).toBe(true);
		expect(result.items[0].binary?.data?.fileName).toBe('sub1-idImage.jpg');
	});

	test('a 200 that is no image is an unexpected answer, not a file', async () => {
		answer = () => ({ status: 200, body: '<html><title>Login</title></html>', headers: { 'content-type': 'text/html' } });
		const result = await run();
		expect(result.error?.message).toBe("Argos Identity answered HTTP 200 without an image file: an HTML page titled 'Login' [item 0]");
	});
});
