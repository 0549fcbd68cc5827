import { readFileSync } from 'node:fs';
import path from 'node:path';

import { startEmulators, type Emulators } from '../emulators/all';
import { runWorkflow, type WorkflowJson } from '../engine/run-workflow';
import { binaryBytes } from '../nodes/ComplyCube/binary-bytes';

const repoRoot = path.resolve(__dirname, '..', '..');
const example = (name: string) => JSON.parse(readFileSync(path.join(repoRoot, 'examples', name), 'utf8')) as WorkflowJson;
const fileBytes = (name: string) => readFileSync(path.join(repoRoot, 'examples', 'files', name));
const SUBMISSION = '0c7e3b9d4a21f6e8';
let emulators: Emulators;

beforeAll(async () => {
	process.chdir(repoRoot);
	emulators = await startEmulators();
});
afterAll(async () => await emulators.close());

test('Argos read-back: the four images are put, the submission is read back once with its KYC result, and the selfie comes back byte-identical', async () => {
	const result = await runWorkflow(example('argos-submission-readback.json'), emulators.credentials);
	expect(result.error).toBeUndefined();
	expect(emulators.argos.acceptedUploads.filter((upload) => upload.submissionId === SUBMISSION)).toHaveLength(4);
	const read = result.output('Read the submission back');
	expect(read).toHaveLength(1);
	expect(read[0].json).toMatchObject({ submission_id: SUBMISSION, kyc: { result: 'pending' }, data: expect.objectContaining({ idType: 'government_id' }) });
	expect(Object.keys(read[0].json.image as object).sort()).toEqual(['addressImage', 'idBackImage', 'idImage', 'selfieImage']);
	const [downloaded] = result.output('Download the selfie');
	expect(downloaded.binary?.selfie).toMatchObject({ fileName: `${SUBMISSION}-selfieImage.jpg`, mimeType: 'image/jpeg' });
	expect((await binaryBytes(downloaded.binary?.selfie)).equals(fileBytes('argos/selfieImage.jpg'))).toBe(true);
	const gets = emulators.argos.received.filter((request) => request.method === 'GET').map((request) => request.path);
	expect(gets).toEqual(['/v3/submission', '/v3/image']);
});
