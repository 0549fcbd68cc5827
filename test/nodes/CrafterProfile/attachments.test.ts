import path from 'node:path';

import { MAX_ATTEMPTS } from '../../../nodes/shared/http/retry-policy';
import { CRAFTER_EXPIRED_TOKEN, CRAFTER_READONLY_TOKEN, startCrafterEmulator, type CrafterEmulator } from '../../emulators/crafter';
import { boundaryOf, parseMultipart } from '../../emulators/multipart';
import type { FixtureItem } from '../../engine/fixture-items.node';
import { FaultPlan, startFaultProxy, type FaultKind } from '../../faults/fault-proxy';
import { runWorkflow } from '../../engine/run-workflow';
import { loadWorkflow, type NodeChanges } from '../../engine/workflow-file';
import { expectNoSecret } from '../../support/expect-no-secret';
import { SampleFolder, type SampleKind } from '../../support/sample-files';

const WORKFLOW = path.join(__dirname, 'attachments.workflow.json');
const UPLOAD = 'Upload Attachment';
const DOWNLOAD = 'Download Attachment';
const samples = new SampleFolder();
let emulator: CrafterEmulator;

beforeAll(async () => (emulator = await startCrafterEmulator()));
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
	emulator.acceptedUploads.length = 0;
});

function fileItem(kind: SampleKind, size: number, binaryFileName: string | undefined, json: Record<string, unknown> = {}) {
	const file = samples.make(`${Math.random().toString(36).slice(2)}.bin`, kind, size);
	const item: FixtureItem = {
		json: { profileId: emulator.addProfile(), ...json },
		files: { data: { path: file.path, fileName: binaryFileName, mimeType: 'application/octet-stream' } },
	};
	return { item, bytes: file.bytes, profileId: item.json!.profileId as string };
}

const uploadOnly: NodeChanges = { [DOWNLOAD]: { disabled: true } };
const credentials = (accessTokenId = emulator.accessToken) => ({ crafterProfileApi: { baseUrl: emulator.baseUrl, accessTokenId } });
const run = async (items: FixtureItem[], changes: NodeChanges = {}, creds = credentials()) => await runWorkflow(loadWorkflow(WORKFLOW, items, changes), creds);

const uploadRequest = () => emulator.received.find((request) => request.path.endsWith('/uploadAttachment'))!;

test('upload then download through the node: the same bytes come back as a binary with name and type', async () => {
	const { item, bytes, profileId } = fileItem('png', 300_000, 'Portrait.PNG');
	const result = await run([item]);
	expect(result.error).toBeUndefined();
	const [uploaded] = result.output(UPLOAD);
	expect(uploaded.json).toMatchObject({ fileName: 'Portrait', contentType: 'image/png', fileSizeBytes: 300_000 });
	expect(uploaded.json.id).toMatch(/^[0-9a-f]{24}$/);
	const request = uploadRequest();
	expect(request.path).toBe(`/crafter-profile/api/1/profile/${profileId}/uploadAttachment`);
	expect(request.query.get('accessTokenId')).toBe(emulator.accessToken);
	// One body of known length, not a chunked stream.
	expect(request.headers['content-length']).toBe(String(request.body.length));
	expect(request.headers['transfer-encoding']).toBeUndefined();
	const parts = parseMultipart(request.body, boundaryOf(request.headers['content-type'])!);
	expect(parts.map(({ name, filename, contentType }) => ({ name, filename, contentType }))).toEqual([
		{ name: 'attachment', filename: 'Portrait.PNG', contentType: 'image/png' },
	]);
	expect(parts[0].data.equals(bytes)).toBe(true);
	const [downloaded] = result.output(DOWNLOAD);
	expect(downloaded.binary?.downloaded).toMatchObject({ fileName: 'Portrait.png', mimeType: 'image/png' });
	expect(downloaded.json).toMatchObject({ fileName: 'Portrait', fileSizeBytes: 300_000 });
	expectNoSecret(emulator.accessToken, result.output(UPLOAD), result.output(DOWNLOAD));
});

test('a name the server would refuse by case is normalised: .JPEG is sent as .jpeg', async () => {
	const { item, profileId } = fileItem('jpeg', 10_000, 'scan.JPEG');
	const result = await run([item], uploadOnly);
	expect(result.error).toBeUndefined();
	expect(emulator.acceptedUploads).toEqual([{ profileId, fileName: 'scan.jpeg', bytes: 10_000 }]);
});

test('uploading the same base name again replaces the attachment and keeps its id', async () => {
	const first = fileItem('jpeg', 10_000, 'id-card.jpg');
	const again = fileItem('png', 12_000, 'id-card.png', { profileId: first.profileId });
	const firstRun = await run([first.item], uploadOnly);
	const secondRun = await run([again.item], uploadOnly);
	expect(secondRun.output(UPLOAD)[0].json.id).toBe(firstRun.output(UPLOAD)[0].json.id);
	const stored = emulator.profiles.get(first.profileId)!;
	expect([...stored.keys()]).toEqual(['id-card']);
	expect(stored.get('id-card')!.data.equals(again.bytes)).toBe(true);
});

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

test('every answer lost after Crafter stored the file: the same bytes are found under the name, and the item carries the attachment', async () => {
	const proxy = await startFaultProxy(emulator.origin, new EveryAttemptLost());
	try {
		const { item, bytes, profileId } = fileItem('png', 40_000, 'lost-answer.png');
		const result = await run([item], uploadOnly, { crafterProfileApi: { baseUrl: `${proxy.origin}/crafter-profile`, accessTokenId: emulator.accessToken } });
		expect(result.error).toBeUndefined();
		expect(result.output(UPLOAD)[0].json).toMatchObject({ fileName: 'lost-answer', fileSizeBytes: 40_000, _reconciled: { recovered: true } });
		expect(emulator.acceptedUploads).toEqual(Array(MAX_ATTEMPTS).fill({ profileId, fileName: 'lost-answer.png', bytes: 40_000 }));
		expect(emulator.received.map((request) => request.path.split('/').slice(-2).join('/'))).toEqual([
			...Array<string>(MAX_ATTEMPTS).fill(`${profileId}/uploadAttachment`),
			'lost-answer/details',
			`attachment/lost-answer`,
		]);
		const parts = parseMultipart(uploadRequest().body, boundaryOf(uploadRequest().headers['content-type'])!);
		expect(parts[0].data.equals(bytes)).toBe(true);
	} finally {
		await proxy.close();
	}
}, 30_000);

test('List Attachments gives one item per attachment, working around the server list bug', async () => {
	const { item, profileId } = fileItem('gif', 2_000, 'badge.gif');
	await run([item], uploadOnly);
	const workflow = loadWorkflow(WORKFLOW, [{ json: { profileId } }], {
		[UPLOAD]: { parameters: { operation: 'list', profileId: '={{ $json.profileId }}' } },
		[DOWNLOAD]: { disabled: true },
	});
	const result = await runWorkflow(workflow, credentials());
	expect(result.error).toBeUndefined();
	expect(result.output(UPLOAD).map((attachment) => attachment.json.fileName)).toEqual(['badge']);
	expect(emulator.received.at(-1)!.query.get('profileId')).toBe(profileId);
});

describe('refused before anything is sent', () => {
	test.each([
		[
			'a PDF',
			'pdf',
			10_000,
			'cv.pdf',
			{},
			/'cv.pdf' in binary property 'data' is a PDF file, but a Crafter Profile attachment must be JPEG, PNG, GIF, BMP or TIFF/,
		],
		[
			'a File Name with a dot before the extension',
			'jpeg',
			10_000,
			'a.jpg',
			{ fileName: 'scan.2024.jpg' },
			/^The File Name 'scan.2024.jpg' has a dot before its extension/,
		],
		['a File Name that says PNG for a JPEG', 'jpeg', 10_000, 'a.jpg', { fileName: 'avatar.png' }, /ends in .png, which says PNG, but the file is a JPEG/],
		['a file over 5 MB', 'jpeg', 5 * 1024 * 1024 + 1, 'big.jpg', {}, /is too large \(5,242,881 bytes\)/],
		[
			'a file whose multipart request would pass 5 MB',
			'jpeg',
			5 * 1024 * 1024,
			'big.jpg',
			{},
			/^The upload would be 5,24\d,\d{3} bytes with its multipart headers, over the 5,242,880 bytes/,
		],
	] as const)('%s', async (_case, kind, size, name, json, message) => {
		const { item } = fileItem(kind, size, name, json);
		const result = await run([item], uploadOnly);
		expect(result.error?.message).toMatch(message);
		expect(emulator.received).toHaveLength(0);
	});
});

describe("the server's own refusals, with its words and status, and never the token", () => {
	test.each([
		['an unknown profile', {}, { profileId: '0123456789abcdef01234567' }, 'HTTP 404): No profile with ID "0123456789abcdef01234567" found (NO_SUCH_PROFILE)'],
		['a token without MANAGE_PROFILES', { token: CRAFTER_READONLY_TOKEN }, {}, 'HTTP 403): Current subject does not have permission'],
		// The server echoes the token it was given; the node replaces it before the words reach anyone.
		[
			'an expired token',
			{ token: CRAFTER_EXPIRED_TOKEN },
			{},
			'HTTP 403): Access token "[redacted]" for application "legacy-portal" expired on 01/01/2024 (ACCESS_DENIED)',
		],
		['an unknown token', { token: 'f00dfeed-0000-4000-8000-00000000cafe' }, {}, 'HTTP 403): No access token found for ID "[redacted]" (ACCESS_DENIED)'],
	])('%s', async (_case, { token }: { token?: string }, json, message) => {
		const { item } = fileItem('jpeg', 10_000, 'a.jpg', json);
		const result = await run([item], uploadOnly, credentials(token));
		expect(result.error?.message).toContain(`Crafter Profile refused the request (${message}`);
		const used = token ?? emulator.accessToken;
		expectNoSecret(used, result.error, result.run.data.resultData);
		expect(emulator.received.some((request) => request.query.get('accessTokenId') === used)).toBe(true);
	});

	test('the token in the answer does not leak through the error item either (continue on error)', async () => {
		const { item } = fileItem('jpeg', 10_000, 'a.jpg');
		const result = await run([item], { ...uploadOnly, [UPLOAD]: { onError: 'continueRegularOutput' } }, credentials(CRAFTER_EXPIRED_TOKEN));
		expect(result.error).toBeUndefined();
		const [failed] = result.output(UPLOAD);
		expect(failed.json.error).toContain('Access token "[redacted]"');
		expectNoSecret(CRAFTER_EXPIRED_TOKEN, result.run.data);
	});

	test('a malformed profile ID is refused before sending, naming the field and what it must be', async () => {
		const { item } = fileItem('jpeg', 10_000, 'a.jpg', { profileId: 'not-an-id' });
		const result = await run([item], uploadOnly);
		expect(result.error?.message).toBe("Profile ID 'not-an-id' is not a Crafter profile ID [item 0]");
		expect(result.error?.description).toMatch(/24 hexadecimal characters.*Nothing was sent for this item\.$/);
		expect(emulator.received).toHaveLength(0);
	});
});

test('a mixed batch with continue on error: good files land, bad ones become error items in place', async () => {
	const good = fileItem('jpeg', 10_000, 'one.jpg');
	const bad = fileItem('pdf', 10_000, 'two.pdf');
	const unknown = fileItem('png', 10_000, 'three.png', { profileId: 'ffffffffffffffffffffffff' });
	const good2 = fileItem('png', 10_000, 'four.png');
	const result = await run([good.item, bad.item, unknown.item, good2.item], { ...uploadOnly, [UPLOAD]: { onError: 'continueRegularOutput' } });
	expect(result.error).toBeUndefined();
	const output = result.output(UPLOAD);
	expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	expect(output.map((item) => item.json.fileName ?? 'error')).toEqual(['one', 'error', 'error', 'four']);
	expect(output[2].json).toMatchObject({ details: { httpCode: '404' } });
	expect(emulator.acceptedUploads.map((upload) => upload.fileName)).toEqual(['one.jpg', 'four.png']);
});

test("the credential's Requests per Second holds with Parallel Requests above it: never more in any second, every file stored once", async () => {
	const files = Array.from({ length: 6 }, (_, index) => fileItem('jpeg', 10_000, `rate-${index}.jpg`));
	const changes: NodeChanges = {
		...uploadOnly,
		[UPLOAD]: { parameters: { options: { fileName: "={{ $json.fileName ?? '' }}", parallelRequests: 4 } } },
	};
	const limited = { crafterProfileApi: { ...credentials().crafterProfileApi, requestsPerSecond: 2 } };
	const result = await run(
		files.map(({ item }) => item),
		changes,
		limited,
	);
	expect(result.error).toBeUndefined();
	const arrivals = emulator.received
		.filter((request) => request.path.endsWith('/uploadAttachment'))
		.map((request) => request.receivedAt)
		.sort((a, b) => a - b);
	expect(arrivals).toHaveLength(6);
	// Any three arrivals span more than a second: at most two in any one.
	for (let index = 2; index < arrivals.length; index++) expect(arrivals[index] - arrivals[index - 2]).toBeGreaterThan(1_000);
	expect(emulator.acceptedUploads.map((upload) => upload.fileName).sort()).toEqual(files.map((_, index) => `rate-${index}.jpg`));
});
