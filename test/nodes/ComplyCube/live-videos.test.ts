import { COMPLYCUBE_DEMO_CLIENT_ID, COMPLYCUBE_DEMO_LIVE_VIDEO_ID, startComplyCubeEmulator, type ComplyCubeEmulator } from '../../emulators/complycube';
import { expectNoSecret } from '../../support/expect-no-secret';
import { runOperation } from './run-operation';

const UNKNOWN_ID = '5eb04fcd0f3e360008035eb1';
let emulator: ComplyCubeEmulator;

beforeAll(async () => {
	emulator = await startComplyCubeEmulator({ rateLimit: false });
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.received.length = 0;
});

const liveVideo = (parameters: Record<string, unknown>) => runOperation(emulator, { resource: 'liveVideo', ...parameters });
const requests = () => emulator.received.map(({ method, path }) => ({ method, path }));

describe('Get', () => {
	test('the seeded demo video: its client, language and challenges', async () => {
		const result = await liveVideo({ operation: 'get', liveVideoId: COMPLYCUBE_DEMO_LIVE_VIDEO_ID });
		expect(result.error).toBeUndefined();
		expect(requests()).toEqual([{ method: 'GET', path: `/v1/liveVideos/${COMPLYCUBE_DEMO_LIVE_VIDEO_ID}` }]);
		expect(result.items[0].json).toMatchObject({
			id: COMPLYCUBE_DEMO_LIVE_VIDEO_ID,
			clientId: COMPLYCUBE_DEMO_CLIENT_ID,
			language: 'en',
			challenges: expect.any(Array),
		});
	});

	test('an unknown live video: the service 404, never the key', async () => {
		const result = await liveVideo({ operation: 'get', liveVideoId: UNKNOWN_ID });
		expect(result.error?.message).toBe(`ComplyCube refused the request (HTTP 404): Invalid live video id '${UNKNOWN_ID}' [item 0]`);
		expect(result.error?.httpCode).toBe('404');
		expectNoSecret(emulator.apiKey, result.error, result.run.data.resultData);
	});
});

describe('Get Many', () => {
	test("Return All: the client's videos only, newest first; a Limit asks for that many", async () => {
		const clientId = emulator.addClient();
		const first = emulator.addLiveVideo(clientId);
		emulator.liveVideos.get(first)!.createdAt = new Date(Date.now() - 60_000).toISOString();
		const second = emulator.addLiveVideo(clientId);
		emulator.addLiveVideo(emulator.addClient());
		const all = await liveVideo({ operation: 'getAll', clientId, returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.items.map((item) => item.json.id)).toEqual([second, first]);
		expect(emulator.received.map((request) => Object.fromEntries(request.query))).toEqual([{ clientId, page: '1', pageSize: '100' }]);
		emulator.received.length = 0;
		const one = await liveVideo({ operation: 'getAll', clientId, returnAll: false, limit: 1 });
		expect(one.items.map((item) => item.json.id)).toEqual([second]);
		expect(emulator.received.map((request) => request.query.get('pageSize'))).toEqual(['1']);
	});

	test('an empty Client ID is refused before sending', async () => {
		const result = await liveVideo({ operation: 'getAll', clientId: '={{ $json.missing }}', returnAll: true });
		expect(result.error?.message).toBe('Client ID is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Delete', () => {
	test('204, answered as {id, deleted}; Get afterwards is 404', async () => {
		const id = emulator.addLiveVideo(emulator.addClient());
		const result = await liveVideo({ operation: 'delete', liveVideoId: id });
		expect(result.error).toBeUndefined();
		expect(emulator.received.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
			{ method: 'DELETE', path: `/v1/liveVideos/${id}`, status: 204 },
		]);
		expect(result.items[0].json).toEqual({ id, deleted: true });
		expect(emulator.liveVideos.has(id)).toBe(false);
		expect((await liveVideo({ operation: 'get', liveVideoId: id })).error?.httpCode).toBe('404');
	});

	test("an ID of '..' is refused before sending", async () => {
		const result = await liveVideo({ operation: 'delete', liveVideoId: '..' });
		expect(result.error?.message).toBe("Live Video ID '..' is not a valid ID [item 0]");
		expect(emulator.received).toHaveLength(0);
	});
});
