import path from 'node:path';

import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { runWorkflow } from '../../engine/run-workflow';
import { loadWorkflow } from '../../engine/workflow-file';
import { SampleFolder } from '../../support/sample-files';

const WORKFLOW = path.join(__dirname, 'upload-document.workflow.json');
const samples = new SampleFolder();
let emulator: ComplyCubeEmulator;
let clientId: string;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false });
	clientId = emulator.addClient();
});
afterAll(async () => await emulator.close());

const credentials = () => ({ complyCubeApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl } });

test('a JPEG front arrives byte-identical with the raw key at the document path', async () => {
	const documentId = emulator.addDocument(clientId);
	const file = samples.make('front.jpg', 'jpeg', 50_000);
	const run = await runWorkflow(
		loadWorkflow(WORKFLOW, [{ json: { documentId, side: 'front' }, files: { data: { path: file.path, fileName: 'front.jpg', mimeType: 'image/jpeg' } } }]),
		credentials(),
	);
	expect(run.error).toBeUndefined();
	const [item] = run.output('Upload Document Image');
	expect(item.json).toMatchObject({ fileName: 'front.jpg', documentSide: 'front', contentType: 'image/jpeg', size: 50_000 });
	expect(emulator.acceptedUploads).toHaveLength(1);
	expect(emulator.acceptedUploads[0].data.equals(file.bytes)).toBe(true);
	const request = emulator.received.at(-1)!;
	expect(request.headers.authorization).toBe(emulator.apiKey);
	expect(request.path).toBe(`/v1/documents/${documentId}/upload/front`);
});
