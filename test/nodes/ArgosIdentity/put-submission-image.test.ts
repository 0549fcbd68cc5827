import path from 'node:path';

import { ARGOS_ADMIN_EMAIL, startArgosEmulator, type ArgosEmulator, type ArgosImageSlot } from '../../emulators/argos';
import { boundaryOf, parseMultipart } from '../../emulators/multipart';
import type { FixtureItem } from '../../engine/fixture-items.node';
import { runWorkflow } from '../../engine/run-workflow';
import { loadWorkflow, type NodeChanges } from '../../engine/workflow-file';
import { expectNoSecret } from '../../support/expect-no-secret';
import { SampleFolder, type SampleKind } from '../../support/sample-files';

const WORKFLOW = path.join(__dirname, 'put-submission-image.workflow.json');
const NODE = 'Put Submission Image';
const PROPERTY: Record<ArgosImageSlot, string> = { idImage: 'front', idBackImage: 'back', selfieImage: 'selfie', addressImage: 'address' };
const samples = new SampleFolder();
let emulator: ArgosEmulator;

beforeAll(async () => (emulator = await startArgosEmulator()));
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
	emulator.acceptedUploads.length = 0;
});

type Files = Partial<Record<ArgosImageSlot, [SampleKind, number]>>;

function submissionItem(files: Files, json: Record<string, unknown> = {}) {
	const submissionId = emulator.addSubmission();
	const bytes: Partial<Record<ArgosImageSlot, Buffer>> = {};
	const item: FixtureItem = { json: { submissionId, admin: ARGOS_ADMIN_EMAIL, idType: 'passport', ...json }, files: {} };
	for (const [slot, [kind, size]] of Object.entries(files) as Array<[ArgosImageSlot, [SampleKind, number]]>) {
		const file = samples.make(`${submissionId}-${slot}`, kind, size);
		bytes[slot] = file.bytes;
		item.files![PROPERTY[slot]] = { path: file.path, fileName: `${slot}.jpg`, mimeType: 'image/jpeg' };
	}
	return { item, bytes, submissionId };
}

/** Only the given slots, in this order, each read from its own property. */
const imagesFor = (...slots: ArgosImageSlot[]): NodeChanges => ({
	[NODE]: { parameters: { images: { image: slots.map((type) => ({ type, binaryPropertyName: PROPERTY[type] })) } } },
});

const credentials = (apiKey = emulator.apiKey) => ({ argosIdentityApi: { apiKey, baseUrl: emulator.baseUrl } });
const run = async (items: FixtureItem[], changes: NodeChanges = {}, creds = credentials()) => await runWorkflow(loadWorkflow(WORKFLOW, items, changes), creds);

function receivedFields(index = 0) {
	const request = emulator.received[index];
	return parseMultipart(request.body, boundaryOf(request.headers['content-type'])!);
}

describe('images Argos accepts', () => {
	test.each(['idImage', 'idBackImage', 'selfieImage', 'addressImage'] as const)('%s alone arrives as a base64 text field', async (slot) => {
		const { item, bytes, submissionId } = submissionItem({ [slot]: ['jpeg', 30_000] });
		const result = await run([item], imagesFor(slot));
		expect(result.error).toBeUndefined();
		expect(result.output(NODE)[0].json).toEqual({ message: 'complete to update image.' });
		expect(emulator.submissions.get(submissionId)?.images[slot]?.equals(bytes[slot]!)).toBe(true);
		const request = emulator.received[0];
		expect(request.method).toBe('PUT');
		expect(request.path).toBe('/v3/submission/image');
		expect(request.headers['x-api-key']).toBe(emulator.apiKey);
		const fields = receivedFields();
		expect(fields.every((field) => field.filename === undefined)).toBe(true);
		expect(Object.fromEntries(fields.map((field) => [field.name, field.data.toString()]))).toEqual({
			submissionId,
			admin: ARGOS_ADMIN_EMAIL,
			idType: 'passport',
			[slot]: bytes[slot]!.toString('base64'),
		});
	});

	test('all four images go in one request, JPEG and PNG alike, byte-identical', async () => {
		const { item, bytes, submissionId } = submissionItem({
			idImage: ['jpeg', 200_000],
			idBackImage: ['png', 150_000],
			selfieImage: ['jpeg', 90_000],
			addressImage: ['png', 60_000],
		});
		const result = await run([item]);
		expect(result.error).toBeUndefined();
		expect(emulator.received).toHaveLength(1);
		// One body of known length, not a chunked stream.
		expect(emulator.received[0].headers['content-length']).toBe(String(emulator.received[0].body.length));
		expect(emulator.received[0].headers['transfer-encoding']).toBeUndefined();
		expect(emulator.acceptedUploads).toEqual([{ submissionId, slots: ['idImage', 'idBackImage', 'selfieImage', 'addressImage'] }]);
		const stored = emulator.submissions.get(submissionId)!.images;
		for (const slot of Object.keys(bytes) as ArgosImageSlot[]) expect(stored[slot]!.equals(bytes[slot]!)).toBe(true);
		expect(result.output(NODE)[0].binary && Object.keys(result.output(NODE)[0].binary!)).toEqual(['front', 'back', 'selfie', 'address']);
	});

	test('a selfie alone needs no ID type', async () => {
		const { item, submissionId } = submissionItem({ selfieImage: ['png', 10_000] }, { idType: '' });
		const result = await run([item], imagesFor('selfieImage'));
		expect(result.error).toBeUndefined();
		expect(receivedFields().map((field) => field.name)).toEqual(['submissionId', 'admin', 'selfieImage']);
		expect(emulator.submissions.get(submissionId)?.images.selfieImage).toBeDefined();
	});

	test('items with their own submissions, binary fields and ID types, by expression', async () => {
		const first = submissionItem({ idImage: ['jpeg', 20_000] }, { field: 'front', idType: 'drivers_license' });
		const second = submissionItem({ selfieImage: ['png', 20_000] }, { field: 'selfie', slot: 'selfieImage', idType: '' });
		const changes: NodeChanges = {
			[NODE]: { parameters: { images: { image: [{ type: '={{ $json.slot ?? "idImage" }}', binaryPropertyName: '={{ $json.field }}' }] } } },
		};
		const result = await run([first.item, second.item], changes);
		expect(result.error).toBeUndefined();
		expect(emulator.acceptedUploads).toEqual([
			{ submissionId: first.submissionId, slots: ['idImage'] },
			{ submissionId: second.submissionId, slots: ['selfieImage'] },
		]);
		expect(
			receivedFields(0)
				.find((field) => field.name === 'idType')
				?.data.toString(),
		).toBe('drivers_license');
	});

	test('a 429 from the gateway is retried, and the images arrive once', async () => {
		const { item, submissionId } = submissionItem({ selfieImage: ['jpeg', 5_000] });
		emulator.throttleNext(1);
		const result = await run([item], imagesFor('selfieImage'));
		expect(result.error).toBeUndefined();
		expect(emulator.received.map((request) => request.status)).toEqual([429, 200]);
		expect(emulator.acceptedUploads).toEqual([{ submissionId, slots: ['selfieImage'] }]);
	});
});

describe('requests refused before anything is sent', () => {
	test.each([
		['no image', {}, imagesFor(), /^No image to send \[item 0\]$/],
		['the same slot twice', { selfieImage: ['jpeg', 5_000] }, imagesFor('selfieImage', 'selfieImage'), /^The Selfie image is listed twice/],
		['an ID front without ID type', { idImage: ['jpeg', 5_000] }, imagesFor('idImage'), /^ID Type is required when sending an ID Front or ID Back image/],
		['a PDF', { addressImage: ['pdf', 5_000] }, imagesFor('addressImage'), /is a PDF file, but an Argos Identity image must be JPEG or PNG/],
		[
			'a request over the gateway limit once encoded',
			{ idImage: ['jpeg', 2_300_000], idBackImage: ['jpeg', 2_300_000] },
			imagesFor('idImage', 'idBackImage'),
			/^The request would be 6,133,\d{3} bytes, over the 6,000,000 bytes Argos accepts/,
		],
	] as Array<[string, Files, NodeChanges, RegExp]>)('%s', async (name, files, changes, message) => {
		const { item } = submissionItem(files, name.includes('without ID type') ? { idType: '' } : {});
		const result = await run([item], changes);
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toContain('Nothing was sent');
		expect(emulator.received).toHaveLength(0);
	});
});

describe("Argos's own refusals", () => {
	test.each([
		['an unknown submission', { submissionId: 'no-such-submission' }, 'HTTP 400): Invalid submission. (invalid_submission)'],
		['an admin who is not on the dashboard', { admin: 'someone@else.com' }, 'HTTP 400): Invalid admin. (invalid_admin)'],
		['an ID type Argos does not know', { idType: 'library_card' }, 'HTTP 400): Invalid IdType. (invalid_idType)'],
	])('%s', async (_name, json, message) => {
		const { item } = submissionItem({ idImage: ['jpeg', 5_000] }, json);
		const result = await run([item], imagesFor('idImage'));
		expect(result.error?.message).toBe(`Argos Identity refused the request (${message} [item 0]`);
		expect(result.error?.httpCode).toBe('400');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});

	test("a wrong key: the gateway's 403 Forbidden, and the key is not echoed", async () => {
		const { item } = submissionItem({ selfieImage: ['jpeg', 5_000] });
		const wrongKey = 'argos_wrong_key_123456';
		const result = await run([item], imagesFor('selfieImage'), credentials(wrongKey));
		expect(result.error?.message).toBe('Argos Identity refused the request (HTTP 403): Forbidden [item 0]');
		expectNoSecret(wrongKey, result.error, result.run.data.resultData);
	});
});

test('a mixed batch with continue on error: good items land, bad ones become error items in place', async () => {
	const good1 = submissionItem({ selfieImage: ['jpeg', 5_000] });
	const bad = submissionItem({ selfieImage: ['pdf', 5_000] });
	const unknown = submissionItem({ selfieImage: ['png', 5_000] }, { submissionId: 'missing' });
	const good2 = submissionItem({ selfieImage: ['png', 5_000] });
	const result = await run([good1.item, bad.item, unknown.item, good2.item], {
		...imagesFor('selfieImage'),
		[NODE]: { ...imagesFor('selfieImage')[NODE], onError: 'continueRegularOutput' },
	});
	expect(result.error).toBeUndefined();
	const output = result.output(NODE);
	expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	expect(output.map((item) => item.json.message ?? 'error')).toEqual(['complete to update image.', 'error', 'error', 'complete to update image.']);
	expect(output[1].json.error).toMatch(/PDF file.*\[item 1\]$/);
	expect(output[2].json).toMatchObject({ details: { httpCode: '400' } });
	expect(emulator.acceptedUploads.map((upload) => upload.submissionId)).toEqual([good1.submissionId, good2.submissionId]);
});
