import path from 'node:path';

import { AttemptTimer } from '../../../nodes/shared/http/attempt-timer';
import { MAX_ATTEMPTS } from '../../../nodes/shared/http/retry-policy';
import { TRANSFER_TIMEOUT_MS } from '../../../nodes/shared/parameters/timeout-option';
import { startCrafterEmulator, type CrafterEmulator } from '../../emulators/crafter';
import { FaultPlan, startFaultProxy, type FaultKind } from '../../faults/fault-proxy';
import { runWorkflow } from '../../engine/run-workflow';
import { loadWorkflow } from '../../engine/workflow-file';
import { SampleFolder } from '../../support/sample-files';

const WORKFLOW = path.join(__dirname, 'attachments.workflow.json');
const UPLOAD = 'Upload Attachment';
const samples = new SampleFolder();
let emulator: CrafterEmulator;

beforeAll(async () => (emulator = await startCrafterEmulator()));
afterAll(async () => await emulator.close());

/** Every attempt of the one upload is stored by Crafter and its answer lost; the look-ups after it go through. */
class EveryAttemptLost extends FaultPlan {
	private faulted = 0;
	constructor() {
		super(1, 1, ['forward-then-reset']);
	}
	override next(): FaultKind | 'none' {
		return this.faulted++ < MAX_ATTEMPTS ? 'forward-then-reset' : 'none';
	}
}

// Upload Attachment shows a 60 s Timeout: the details look-up after its lost answers (a call not itself an
// upload) waits as long when the item leaves Timeout unset, not the 30 s of the operations that show 30 s.
test('Upload Attachment with Timeout unset: every attempt, the look-ups after a lost answer included, waits the 60 s the editor shows', async () => {
	const started = jest.spyOn(AttemptTimer.prototype, 'start');
	const proxy = await startFaultProxy(emulator.origin, new EveryAttemptLost());
	try {
		const file = samples.make('timeout-default.bin', 'png', 20_000);
		const item = { json: { profileId: emulator.addProfile() }, files: { data: { path: file.path, fileName: 'timeout-default.png', mimeType: 'image/png' } } };
		const result = await runWorkflow(loadWorkflow(WORKFLOW, [item], { 'Download Attachment': { disabled: true } }), {
			crafterProfileApi: { baseUrl: `${proxy.origin}/crafter-profile`, accessTokenId: emulator.accessToken },
		});
		expect(result.error).toBeUndefined();
		expect(result.output(UPLOAD)[0].json).toMatchObject({ fileName: 'timeout-default', _reconciled: { recovered: true } });
		expect(emulator.received.slice(-2).map((request) => request.path.split('/').slice(-2).join('/'))).toEqual([
			'timeout-default/details',
			'attachment/timeout-default',
		]);
		// The uploads, then the details look-up and the download that compares the bytes.
		expect(started.mock.calls.map(([ms]) => ms)).toEqual(Array(MAX_ATTEMPTS + 2).fill(TRANSFER_TIMEOUT_MS));
	} finally {
		started.mockRestore();
		await proxy.close();
	}
}, 30_000);
