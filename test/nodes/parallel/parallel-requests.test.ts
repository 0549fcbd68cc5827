import path from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { startDelayProxy, type DelayProxy } from '../../../scripts/bench/delay-proxy';
import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { TestCredentialsHelper } from '../../engine/credentials-helper';
import type { FixtureItem } from '../../engine/fixture-items.node';
import { runWorkflow, type WorkflowRun } from '../../engine/run-workflow';
import { loadWorkflow, type NodeChanges } from '../../engine/workflow-file';
import { SampleFolder } from '../../support/sample-files';

const WORKFLOW = path.join(__dirname, 'parallel-requests.workflow.json');
const NODE = 'Upload';
const samples = new SampleFolder();
const file = samples.make('front.jpg', 'jpeg', 40_000);
const notAnImage = samples.make('notes.jpg', 'text', 40_000);

let emulator: ComplyCubeEmulator;
let proxy: DelayProxy;
let clientId: string;
/** Added latency per document ID, so answers come back in an order the test chooses. */
const delays = new Map<string, number>();
/** Added latency for the first request of a document ID only. */
const firstDelays = new Map<string, number>();

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false });
	clientId = emulator.addClient();
	proxy = await startDelayProxy({
		target: emulator.origin,
		delayMs: ({ path: requestPath }) => {
			const id = documentOf(requestPath);
			const once = firstDelays.get(id);
			firstDelays.delete(id);
			return once ?? delays.get(id) ?? 0;
		},
	});
});
afterAll(async () => {
	await proxy.close();
	await emulator.close();
});
beforeEach(() => {
	delays.clear();
	firstDelays.clear();
	proxy.reset();
});

const documentOf = (requestPath: string) => /\/documents\/([^/]+)\/upload/.exec(requestPath)?.[1] ?? '';

/** Through the delaying proxy, without a client-side limit (the emulator has none here either). */
const unlimited = () => ({
	complyCubeApi: { apiKey: emulator.apiKey, baseUrl: `${proxy.origin}/v1`, rateLimit: 'custom', requestsPerSecond: 0 },
});

/** n items, each with its own document (or an unknown one where `missing` says so) and a file name saying its index. */
function makeItems(count: number, missing: number[] = []): { items: FixtureItem[]; documentIds: string[] } {
	const documentIds = Array.from({ length: count }, (_, index) => (missing.includes(index) ? `missing-${index}` : emulator.addDocument(clientId)));
	const items = documentIds.map((documentId, index) => ({
		json: { documentId, index },
		files: { data: { path: file.path, fileName: `item-${index}.jpg`, mimeType: 'image/jpeg' } },
	}));
	return { items, documentIds };
}

const withOptions = (parallelRequests: number | undefined, settings: NodeChanges[string] = {}, options: Record<string, number> = {}): NodeChanges => ({
	[NODE]: {
		...settings,
		parameters: { options: { ...(parallelRequests === undefined ? {} : { parallelRequests }), ...options } },
	},
});

/** The item index each request the proxy passed on was for, in the order they arrived. */
const sentIndexes = (documentIds: string[]) => proxy.log.map((entry) => documentIds.indexOf(documentOf(entry.path))).sort((a, b) => a - b);

/** What a test compares between one at a time and in parallel: everything but the ids and times the emulator makes up. */
const comparable = (items: INodeExecutionData[]) =>
	items.map(({ json, binary, pairedItem }) => ({
		json: json.error ? json : { fileName: json.fileName, documentSide: json.documentSide, size: json.size },
		binary: binary?.data?.fileName,
		pairedItem,
	}));

/** The service's own message for the unknown document of item n, with the item index n8n shows. */
const failureOf = (index: number) => new RegExp(`Invalid document id 'missing-${index}'.*\\[item ${index}\\]$`);

const outputs = (result: WorkflowRun) => result.run.data.resultData.runData[NODE]?.[0]?.data?.main ?? [];

describe('order and pairing', () => {
	test('answers come back out of order; the output is in item order, each paired with its item and keeping its binary', async () => {
		const { items, documentIds } = makeItems(8);
		// The first items answer last.
		documentIds.forEach((id, index) => delays.set(id, (8 - index) * 30));
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(4)), unlimited());
		expect(result.error).toBeUndefined();
		const answeredOrder = [...proxy.log].sort((a, b) => a.answered - b.answered).map((entry) => documentIds.indexOf(documentOf(entry.path)));
		expect(answeredOrder).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
		expect(proxy.maxInFlight).toBe(4);
		const output = result.output(NODE);
		expect(output.map((item) => item.json.fileName)).toEqual(documentIds.map((_, index) => `item-${index}.jpg`));
		expect(output.map((item) => item.pairedItem)).toEqual(documentIds.map((_, index) => ({ item: index })));
		expect(output.map((item) => item.binary?.data?.fileName)).toEqual(documentIds.map((_, index) => `item-${index}.jpg`));
		for (const [index, id] of documentIds.entries()) expect(emulator.documents.get(id)?.images.front?.fileName).toBe(`item-${index}.jpg`);
	});

	test('by default one request at a time, sent in item order', async () => {
		const { items, documentIds } = makeItems(5);
		documentIds.forEach((id, index) => delays.set(id, (5 - index) * 10));
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(undefined)), unlimited());
		expect(result.error).toBeUndefined();
		expect(proxy.maxInFlight).toBe(1);
		expect(proxy.log.map((entry) => documentIds.indexOf(documentOf(entry.path)))).toEqual([0, 1, 2, 3, 4]);
	});

	test('never more in flight than asked for, even with many more items', async () => {
		const { items, documentIds } = makeItems(20);
		// Each answer takes a while, so requests do overlap however busy the machine is.
		documentIds.forEach((id) => delays.set(id, 20));
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(3)), unlimited());
		expect(result.error).toBeUndefined();
		expect(result.output(NODE)).toHaveLength(20);
		expect(proxy.maxInFlight).toBe(3);
	});
});

describe('continue on error: as one at a time', () => {
	test('"Continue" (regular output): the failing items become error items in their places', async () => {
		const runWith = async (parallelRequests: number) => {
			const { items, documentIds } = makeItems(8, [2, 5]);
			// The failing items answer first, the others late: the errors must still sit where their items are.
			documentIds.forEach((id, index) => delays.set(id, [2, 5].includes(index) ? 0 : 40));
			const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(parallelRequests, { onError: 'continueRegularOutput' })), unlimited());
			expect(result.error).toBeUndefined();
			return result.output(NODE);
		};
		const oneAtATime = await runWith(1);
		const parallel = await runWith(4);
		expect(comparable(parallel)).toEqual(comparable(oneAtATime));
		expect(parallel).toHaveLength(8);
		for (const index of [2, 5]) {
			expect(parallel[index].json).toEqual({
				error: expect.stringMatching(failureOf(index)),
				details: { description: expect.any(String), httpCode: '404' },
			});
			expect(parallel[index].pairedItem).toEqual({ item: index });
			expect(parallel[index].binary?.data?.fileName).toBe(`item-${index}.jpg`);
		}
		expect(parallel.filter((item) => !item.json.error).map((item) => item.json.fileName)).toEqual([0, 1, 3, 4, 6, 7].map((index) => `item-${index}.jpg`));
	});

	test('"Continue (using error output)": successes on the first output, failures on the error output, each paired with its item', async () => {
		const runWith = async (parallelRequests: number) => {
			const { items, documentIds } = makeItems(8, [1, 6]);
			documentIds.forEach((id, index) => delays.set(id, (8 - index) * 10));
			const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(parallelRequests, { onError: 'continueErrorOutput' })), unlimited());
			expect(result.error).toBeUndefined();
			const [success, errors] = outputs(result);
			return { success: success ?? [], errors: errors ?? [] };
		};
		const oneAtATime = await runWith(1);
		const parallel = await runWith(4);
		expect(comparable(parallel.success)).toEqual(comparable(oneAtATime.success));
		expect(comparable(parallel.errors)).toEqual(comparable(oneAtATime.errors));
		expect(parallel.success.map((item) => item.pairedItem)).toEqual([0, 2, 3, 4, 5, 7].map((item) => ({ item })));
		expect(parallel.errors.map((item) => item.pairedItem)).toEqual([{ item: 1 }, { item: 6 }]);
		expect(parallel.errors.map((item) => item.json.error)).toEqual([expect.stringMatching(failureOf(1)), expect.stringMatching(failureOf(6))]);
	});
});

describe('continue on error off: the first failure by item order stops the node', () => {
	test('a later item failing first does not hide an earlier one that fails later', async () => {
		const { items, documentIds } = makeItems(10, [3, 4]);
		delays.set(documentIds[3], 300);
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(4)), unlimited());
		expect(result.error?.message).toMatch(failureOf(3));
		expect(result.output(NODE)).toEqual([]);
		// Sent: everything before the failing item, the failing item, and at most the 3 (Parallel Requests - 1) after it.
		const sent = sentIndexes(documentIds);
		expect(sent.slice(0, 4)).toEqual([0, 1, 2, 3]);
		expect(Math.max(...sent)).toBeLessThanOrEqual(3 + 3);
	});

	test('one at a time, nothing after the failing item is sent', async () => {
		const { items, documentIds } = makeItems(6, [2]);
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(1)), unlimited());
		expect(result.error?.message).toMatch(failureOf(2));
		expect(sentIndexes(documentIds)).toEqual([0, 1, 2]);
	});

	test('one at a time, the next item read ahead and refused while the one before is at the service: that one finishes, nothing after is sent', async () => {
		const { items, documentIds } = makeItems(4);
		delays.set(documentIds[0], 200);
		items[1].files = { data: { path: notAnImage.path, fileName: 'item-1.jpg', mimeType: 'image/jpeg' } };
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(1)), unlimited());
		expect(result.error?.message).toMatch(/JPEG, PNG or PDF.*\[item 1\]$/);
		expect(sentIndexes(documentIds)).toEqual([0]);
		expect(proxy.log[0].status).toBe(200);
		expect(emulator.documents.get(documentIds[0])?.images.front?.fileName).toBe('item-0.jpg');
	});

	test('items in flight when an item fails are let finish before the node fails', async () => {
		const { items, documentIds } = makeItems(4, [0]);
		// The failure answers after 100 ms, so the three after it are in flight by then even on a busy machine (at
		// once, item 3 was seen still being prepared when item 0's 404 came back, and rightly never sent).
		delays.set(documentIds[0], 100);
		[1, 2, 3].forEach((index) => delays.set(documentIds[index], 300));
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(4)), unlimited());
		expect(result.error?.message).toMatch(failureOf(0));
		// All answered by the time the run ended: no request outlives the node.
		expect(proxy.log).toHaveLength(4);
		expect(proxy.log.filter((entry) => entry.status === 200)).toHaveLength(3);
	});
});

describe('the next item, read ahead', () => {
	/** `count` uploads one at a time, each 150 ms at the service: the run, and what reached the service in order. */
	const slowOneAtATime = async (count: number) => {
		const { items, documentIds } = makeItems(count);
		documentIds.forEach((id) => delays.set(id, 150));
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(1)), unlimited());
		expect(result.error).toBeUndefined();
		return { result, documentIds, log: [...proxy.log].sort((a, b) => a.started - b.started) };
	};

	test('one at a time: each item reaches the service only after the one before was answered, in order', async () => {
		const { documentIds, log } = await slowOneAtATime(4);
		expect(log.map((entry) => documentIds.indexOf(documentOf(entry.path)))).toEqual([0, 1, 2, 3]);
		for (let index = 1; index < log.length; index++) expect(log[index].started).toBeGreaterThanOrEqual(log[index - 1].answered);
		for (const [index, id] of documentIds.entries()) expect(emulator.documents.get(id)?.images.front?.fileName).toBe(`item-${index}.jpg`);
	});

	test('waiting longer than its Timeout for its turn (the item before timed out and was sent again): it is still sent once, after that one', async () => {
		const { items, documentIds } = makeItems(3);
		// Item 0's first attempt outlasts the 1 s Timeout; the upload is an overwrite, so it is sent again.
		firstDelays.set(documentIds[0], 1_600);
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(1, {}, { timeout: 1_000 })), unlimited());
		expect(result.error).toBeUndefined();
		expect(result.output(NODE).map((item) => item.json.fileName)).toEqual(['item-0.jpg', 'item-1.jpg', 'item-2.jpg']);
		const uploadsOf = (id: string) => proxy.log.filter((entry) => entry.method === 'POST' && documentOf(entry.path) === id);
		const [answered0] = uploadsOf(documentIds[0]).filter((entry) => entry.started - proxy.connections[0] >= 1_000);
		// Item 0 was answered on its attempt after the Timeout (the abandoned one is not always logged: its client left)...
		expect(answered0).toBeDefined();
		// ...and items 1 and 2 reached the service once each, after it.
		expect(uploadsOf(documentIds[1])).toHaveLength(1);
		expect(uploadsOf(documentIds[2])).toHaveLength(1);
		expect(uploadsOf(documentIds[1])[0].started).toBeGreaterThanOrEqual(answered0.answered);
		for (const [index, id] of documentIds.entries()) expect(emulator.documents.get(id)?.images.front?.fileName).toBe(`item-${index}.jpg`);
	});
});

describe('per-request overhead', () => {
	test('the credential is read and decrypted once for all items of the node, not once or twice per item', async () => {
		const reads = jest.spyOn(TestCredentialsHelper.prototype, 'getDecrypted');
		try {
			const { items } = makeItems(12);
			const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(4)), unlimited());
			expect(result.error).toBeUndefined();
			expect(result.output(NODE)).toHaveLength(12);
			expect(reads).toHaveBeenCalledTimes(1);
			// ...and each request still carries the raw key, applied by the credential type's authenticate block.
			expect(emulator.received.slice(-12).every((request) => request.headers.authorization === emulator.apiKey)).toBe(true);
		} finally {
			reads.mockRestore();
		}
	});
});

describe("the credential's rate limit with parallel requests", () => {
	let limited: ComplyCubeEmulator;
	let limitedClient: string;
	beforeAll(async () => {
		// The emulator enforces ComplyCube's documented 5 requests/s for the sandbox (test_) key.
		limited = await startComplyCubeEmulator({ rateLimit: true });
		limitedClient = limited.addClient();
	});
	afterAll(async () => await limited.close());
	beforeEach(() => {
		limited.received.length = 0;
	});

	const limitedItems = (count: number) => {
		const documentIds = Array.from({ length: count }, () => limited.addDocument(limitedClient));
		const items = documentIds.map((documentId, index) => ({
			json: { documentId },
			files: { data: { path: file.path, fileName: `item-${index}.jpg`, mimeType: 'image/jpeg' } },
		}));
		return { items, documentIds };
	};
	/** A credential saved as the editor leaves it: Rate Limit on the key's documented limit. */
	const documented = () => ({ complyCubeApi: { apiKey: limited.apiKey, baseUrl: limited.baseUrl, rateLimit: 'documented', requestsPerSecond: 5 } });

	test('8 parallel requests against the 5/s sandbox limit: not one 429, every upload once', async () => {
		const { items } = limitedItems(16);
		const started = Date.now();
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(8)), documented());
		const elapsed = Date.now() - started;
		expect(result.error).toBeUndefined();
		expect(limited.received.filter((request) => request.status === 429)).toHaveLength(0);
		expect(limited.received).toHaveLength(16);
		expect(result.output(NODE).map((item) => item.json.fileName)).toEqual(items.map((_, index) => `item-${index}.jpg`));
		// 16 requests at 5 per second: three full seconds at least.
		expect(elapsed).toBeGreaterThanOrEqual(3_000);
	});

	test('Processes Sharing This Key = 2: this process sends its share, 2 of the 5 per second (process-share.ts)', async () => {
		const { items } = limitedItems(8);
		const credentials = { complyCubeApi: { ...documented().complyCubeApi, processesSharingKey: 2 } };
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(8)), credentials);
		expect(result.error).toBeUndefined();
		expect(limited.received).toHaveLength(8);
		const times = limited.received.map((request) => request.receivedAt).sort((a, b) => a - b);
		const mostInOneSecond = Math.max(...times.map((at) => times.filter((other) => other >= at && other - at < 1_000).length));
		expect(mostInOneSecond).toBe(2);
		// Its limiter (2 lanes) is not the next test's (5 lanes) but the emulator's second is the same: let it pass.
		await new Promise((resolve) => setTimeout(resolve, 1_100));
	});

	test('the limit holds across the nodes of one execution that use the same credential', async () => {
		const { items } = limitedItems(5);
		const workflow = loadWorkflow(WORKFLOW, items, withOptions(5));
		const back = { ...workflow.nodes[2], id: 'back', name: 'Upload Back', position: [660, 0] as [number, number] };
		back.parameters = { ...back.parameters, documentId: `={{ $('Files').item.json.documentId }}`, documentSide: 'back' };
		workflow.nodes.push(back);
		workflow.connections[NODE] = { main: [[{ node: 'Upload Back', type: 'main', index: 0 }]] };
		const result = await runWorkflow(workflow, documented());
		expect(result.error).toBeUndefined();
		expect(limited.received).toHaveLength(10);
		expect(limited.received.filter((request) => request.status === 429)).toHaveLength(0);
		expect(result.output('Upload Back')).toHaveLength(5);
	});

	test('without the client-side limit the same run does meet 429s (which is what the limit prevents)', async () => {
		const { items } = limitedItems(8);
		const result = await runWorkflow(loadWorkflow(WORKFLOW, items, withOptions(8)), {
			complyCubeApi: { apiKey: limited.apiKey, baseUrl: limited.baseUrl, rateLimit: 'custom', requestsPerSecond: 0 },
		});
		expect(limited.received.filter((request) => request.status === 429).length).toBeGreaterThan(0);
		// ...retried: each upload still arrives once...
		expect(result.error).toBeUndefined();
		expect(limited.received.filter((request) => request.status === 200)).toHaveLength(8);
		// ...after ComplyCube's recommended backoff (no Retry-After): 30 s ± 25% jitter, not at once.
		const refusals = limited.received.filter((request) => request.status === 429);
		const firstRefusal = Math.min(...refusals.map((request) => request.receivedAt));
		const retries = limited.received.filter((request) => request.receivedAt - firstRefusal > 1_000);
		expect(retries).toHaveLength(refusals.length);
		expect(Math.min(...retries.map((request) => request.receivedAt - firstRefusal))).toBeGreaterThanOrEqual(22_500);
	}, 120_000);
});
