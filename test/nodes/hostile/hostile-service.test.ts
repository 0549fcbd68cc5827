/**
 * The request path against a broken or hostile service (issue 28), in the real n8n engine: a raw HTTP server
 * on loopback plays the service, doing what a well-behaved emulator never would.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ComplyCubeEmulator } from '../../emulators/complycube';
import { expectNoSecret } from '../../support/expect-no-secret';
import { runOperation } from '../ComplyCube/run-operation';

const API_KEY = 'test_hostile-service-key-0123456789';
const CLIENT_ID = '5eb04fcd0f3e360008035eb1';

interface Hostile {
	url: string;
	requests: Array<{ method: string; path: string; authorization?: string }>;
	/** Connections the client closed, and the bytes written on each before. */
	closed: number[];
	close: () => Promise<void>;
}

async function hostile(handle: (req: http.IncomingMessage, res: http.ServerResponse, written: { bytes: number }) => void): Promise<Hostile> {
	const state: Omit<Hostile, 'url' | 'close'> = { requests: [], closed: [] };
	const server = http.createServer((req, res) => {
		state.requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
		const written = { bytes: 0 };
		res.on('close', () => state.closed.push(written.bytes));
		req.resume();
		req.on('end', () => handle(req, res, written));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return Object.assign(state, {
		url,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	});
}

const as = (service: Hostile) => ({ apiKey: API_KEY, baseUrl: `${service.url}/v1` }) as unknown as ComplyCubeEmulator;

const servers: Hostile[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (server) => await server.close()));
});
const start = async (handle: Parameters<typeof hostile>[0]) => {
	const server = await hostile(handle);
	servers.push(server);
	return server;
};

test('an answer that drips one byte every 300 ms is cut off at Options → Timeout on each attempt: the item fails in bounded time and the connections are closed', async () => {
	const drips: NodeJS.Timeout[] = [];
	const service = await start((_req, res, written) => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.write('{"id":"');
		const drip = setInterval(() => {
			written.bytes++;
			res.write('a');
		}, 300);
		drips.push(drip);
		res.on('close', () => clearInterval(drip));
	});
	const started = Date.now();
	try {
		const run = await runOperation(as(service), { resource: 'client', operation: 'get', clientId: CLIENT_ID, options: { timeout: 2_000 } });
		const elapsed = Date.now() - started;
		expect(run.error?.message).toMatch(/no answer came within 2 s \(Options → Timeout\)/);
		// Four attempts of 2 s and the waits between them (0.5 + 1 + 2 s): never the 45 s and more it took before.
		expect(elapsed).toBeLessThan(16_000);
		expect(service.requests.length).toBeGreaterThanOrEqual(2);
		// Each dripping answer was abandoned by the node, not by the server (the last close may land a moment later on a busy machine).
		for (let waited = 0; service.closed.length < service.requests.length && waited < 5_000; waited += 100)
			await new Promise((resolve) => setTimeout(resolve, 100));
		expect(service.closed).toHaveLength(service.requests.length);
	} finally {
		drips.forEach(clearInterval);
	}
}, 30_000);

test('a read redirected to another origin is refused, and the key never reaches that origin', async () => {
	const elsewhere = await start((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x"}'));
	const service = await start((_req, res) => res.writeHead(302, { location: `${elsewhere.url}/v1/clients/${CLIENT_ID}` }).end());
	const run = await runOperation(as(service), { resource: 'client', operation: 'get', clientId: CLIENT_ID });
	expect(run.error?.message).toMatch(/redirects the request to http:\/\/127\.0\.0\.1:\d+\/v1\/clients\/.*another origin, where the key is not sent/);
	expect(elsewhere.requests).toEqual([]);
	expectNoSecret(API_KEY, run.error);
});

test('a read redirected within the same origin is followed, with the key', async () => {
	const service = await start((req, res) => {
		if (req.url?.startsWith('/old/')) res.writeHead(301, { location: `/v1/clients/${CLIENT_ID}?moved=1` }).end();
		else if (req.url?.endsWith('?moved=1')) res.writeHead(200, { 'content-type': 'application/json' }).end(`{"id":"${CLIENT_ID}"}`);
		else res.writeHead(307, { location: `/old/clients/${CLIENT_ID}` }).end();
	});
	const run = await runOperation(as(service), { resource: 'client', operation: 'get', clientId: CLIENT_ID });
	expect(run.error).toBeUndefined();
	expect(run.items[0].json.id).toBe(CLIENT_ID);
	expect(service.requests.map((request) => request.path)).toEqual([
		`/v1/clients/${CLIENT_ID}`,
		`/old/clients/${CLIENT_ID}`,
		`/v1/clients/${CLIENT_ID}?moved=1`,
	]);
	expect(service.requests.every((request) => request.authorization === API_KEY)).toBe(true);
});

test('429 with Retry-After: 0 on every answer: at least a second between attempts, and the last message says what happened', async () => {
	const service = await start((_req, res) =>
		res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' }).end('{"type":"rate_limit_exceeded","message":"slow down"}'),
	);
	const run = await runOperation(as(service), { resource: 'client', operation: 'get', clientId: CLIENT_ID, options: { timeout: 1_000 } });
	// The item's bound with a 1 s Timeout is 4 × 1 s + 3 × 8 s = 28 s: about one attempt a second, not thousands.
	expect(service.requests.length).toBeGreaterThan(5);
	expect(service.requests.length).toBeLessThanOrEqual(29);
	expect(run.error?.message).toMatch(new RegExp(`ComplyCube answered 429 \\(too many requests\\) ${service.requests.length} times in \\d+ s`));
	expect(run.error?.message).not.toMatch(/within 0\.0 s/);
}, 45_000);

const base64Photo = (bytes: number) => `{"id":"p1","contentType":"image/jpeg","data":"${Buffer.alloc(bytes, 7).toString('base64')}"}`;

test('a download that announces more than ComplyCube documents (Content-Length) is refused, and not read past the cap', async () => {
	const service = await start((_req, res, written) => {
		res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(300_000_000) });
		const chunk = Buffer.alloc(64 * 1024, 65);
		const pump = () => {
			while (written.bytes < 300_000_000 && res.write(chunk)) written.bytes += chunk.length;
			return undefined;
		};
		res.on('drain', pump);
		pump();
	});
	const run = await runOperation(as(service), { resource: 'livePhoto', operation: 'download', livePhotoId: CLIENT_ID, binaryPropertyName: 'data' });
	expect(run.error?.message).toMatch(/ComplyCube sent an answer larger than 5\.4 MB.*\(it announced 300 MB\), so it was not read/);
	expect(service.requests).toHaveLength(1);
	for (let waited = 0; service.closed.length === 0 && waited < 5_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
	expect(service.closed[0]).toBeLessThan(20_000_000);
});

test('a download without a length that passes the cap is cut off as soon as it does, not read whole', async () => {
	const service = await start((_req, res, written) => {
		res.writeHead(200, { 'content-type': 'application/json' });
		const chunk = Buffer.alloc(64 * 1024, 65);
		const pump = () => {
			while (written.bytes < 300_000_000 && res.write(chunk)) written.bytes += chunk.length;
			if (written.bytes >= 300_000_000) res.end();
		};
		res.on('drain', pump);
		pump();
	});
	const run = await runOperation(as(service), { resource: 'livePhoto', operation: 'download', livePhotoId: CLIENT_ID, binaryPropertyName: 'data' });
	expect(run.error?.message).toMatch(/ComplyCube sent an answer larger than 5\.4 MB, the most ComplyCube documents for it, so it was not read/);
	expect(service.requests).toHaveLength(1);
	await new Promise((resolve) => setTimeout(resolve, 200));
	expect(service.closed[0]).toBeLessThan(30_000_000);
});

test('a download within the cap still arrives whole', async () => {
	const service = await start((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(base64Photo(3_900_000)));
	const run = await runOperation(as(service), { resource: 'livePhoto', operation: 'download', livePhotoId: CLIENT_ID, binaryPropertyName: 'data' });
	expect(run.error).toBeUndefined();
	expect(run.items[0].json.size).toBe(3_900_000);
});
