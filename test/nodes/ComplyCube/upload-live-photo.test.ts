import path from 'node:path';

import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import type { FixtureItem } from '../../engine/fixture-items.node';
import { runWorkflow } from '../../engine/run-workflow';
import { loadWorkflow } from '../../engine/workflow-file';
import { expectNoSecret } from '../../support/expect-no-secret';
import { SampleFolder, type SampleKind } from '../../support/sample-files';

const WORKFLOW = path.join(__dirname, 'upload-live-photo.workflow.json');
const NODE = 'Upload Live Photo';
const samples = new SampleFolder();
let emulator: ComplyCubeEmulator;

beforeAll(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false })));
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
	emulator.acceptedUploads.length = 0;
});

function selfieItem(kind: SampleKind, size: number, json: Record<string, unknown> = {}): { item: FixtureItem; bytes: Buffer } {
	const file = samples.make(`${Math.random().toString(36).slice(2)}.bin`, kind, size);
	return {
		item: { json: { clientId: emulator.addClient(), ...json }, files: { selfie: { path: file.path, fileName: 'selfie.jpg', mimeType: 'image/jpeg' } } },
		bytes: file.bytes,
	};
}

const run = async (items: FixtureItem[]) =>
	await runWorkflow(loadWorkflow(WORKFLOW, items), { complyCubeApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } });

test.each(['jpeg', 'png'] as const)('a %s selfie arrives byte-identical for the client, liveness check on by default', async (kind) => {
	const { item, bytes } = selfieItem(kind, 120_000);
	const result = await run([item]);
	expect(result.error).toBeUndefined();
	const [output] = result.output(NODE);
	// contentType is the service's own label for a live photo: 'images/jpg' (sic) for a JPEG (docs/complycube-api.md §5).
	const contentType = kind === 'jpeg' ? 'images/jpg' : 'images/png';
	expect(output.json).toMatchObject({ clientId: item.json!.clientId, performLivenessCheck: true, size: 120_000, contentType });
	expect(output.binary?.selfie).toBeDefined();
	expect(emulator.acceptedUploads[0].data.equals(bytes)).toBe(true);
	const request = emulator.received[0];
	expect(request.path).toBe('/v1/livePhotos');
	expect(request.headers.authorization).toBe(emulator.apiKey);
	expect(JSON.parse(request.body.toString())).toEqual({
		clientId: item.json!.clientId,
		data: bytes.toString('base64'),
		performLivenessCheck: true,
	});
});

test('the liveness check can be turned off per item', async () => {
	const { item } = selfieItem('jpeg', 40_000, { liveness: false });
	const result = await run([item]);
	expect(result.output(NODE)[0].json.performLivenessCheck).toBe(false);
	expect(JSON.parse(emulator.received[0].body.toString()).performLivenessCheck).toBe(false);
});

test('a PDF is refused as a live photo before sending', async () => {
	const { item } = selfieItem('pdf', 40_000);
	const result = await run([item]);
	expect(result.error?.message).toBe(
		"The file 'selfie.jpg' in binary property 'selfie' is a PDF file, but a ComplyCube live photo must be JPEG or PNG [item 0]",
	);
	expect(emulator.received).toHaveLength(0);
});

test('an unknown client: the service message and status, no key', async () => {
	const { item } = selfieItem('jpeg', 40_000, { clientId: '0123456789abcdef01234567' });
	const result = await run([item]);
	expect(result.error?.message).toBe("ComplyCube refused the request (HTTP 404): Invalid client id '0123456789abcdef01234567' [item 0]");
	expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
});
