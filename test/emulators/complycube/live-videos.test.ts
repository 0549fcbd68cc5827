import { startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { call } from './test-helpers';

let emulator: ComplyCubeEmulator;
beforeEach(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 10 })));
afterEach(async () => await emulator.close());

test('a seeded live video: get answers {id, clientId, language, challenges[]}, list by clientId, delete then 404', async () => {
	const clientId = emulator.addClient();
	const id = emulator.addLiveVideo(clientId);
	expect(id).toMatch(/^[0-9a-f]{24}$/);
	const got = await call(emulator, 'GET', `/liveVideos/${id}`);
	expect(got).toMatchObject({
		status: 200,
		json: { id, clientId, language: expect.any(String), createdAt: expect.any(String), updatedAt: expect.any(String) },
	});
	expect((got.json.challenges as unknown[]).length).toBeGreaterThan(0);
	const second = emulator.addLiveVideo(clientId);
	emulator.addLiveVideo(emulator.addClient());
	const listed = await call(emulator, 'GET', `/liveVideos?clientId=${clientId}&pageSize=1`);
	expect(listed.json).toMatchObject({ totalItems: 2, pages: 2, pageSize: 1 });
	expect((listed.json.items as Array<{ id: string }>).map((item) => item.id)).toEqual([second]);
	expect((await call(emulator, 'DELETE', `/liveVideos/${id}`)).status).toBe(204);
	expect(await call(emulator, 'GET', `/liveVideos/${id}`)).toMatchObject({
		status: 404,
		json: { type: 'resource_not_found', message: `Invalid live video id '${id}'` },
	});
	expect((await call(emulator, 'DELETE', `/liveVideos/${id}`)).status).toBe(404);
	expect(emulator.liveVideos.has(second)).toBe(true);
});

test('POST /liveVideos {clientId} opens one with its challenges, as the PHP sandbox test does; an unknown client is 404', async () => {
	const clientId = emulator.addClient();
	const created = await call(emulator, 'POST', '/liveVideos', { clientId });
	expect(created).toMatchObject({ status: 200, json: { clientId, language: expect.any(String) } });
	expect((created.json.challenges as unknown[]).length).toBeGreaterThan(0);
	expect((await call(emulator, 'GET', `/liveVideos/${String(created.json.id)}`)).json).toEqual(created.json);
	expect((await call(emulator, 'POST', '/liveVideos', { clientId: '5eb04fcd0f3e360008035eb1' })).status).toBe(404);
	// There is no upload of video bytes: the path under an id is not an endpoint.
	expect((await call(emulator, 'POST', `/liveVideos/${String(created.json.id)}/upload`, { data: 'AAAA' })).status).toBe(404);
});
