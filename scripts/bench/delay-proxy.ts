import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the proxy passed it on. */
export interface ProxiedRequest {
	method: string;
	path: string;
	/** ms since the proxy started: the request's headers arrived, the request fully received, and the answer fully sent back. */
	started: number;
	received: number;
	answered: number;
	status: number;
}

export interface DelayProxyOptions {
	/** e.g. http://127.0.0.1:40123 */
	target: string;
	/** Added before each request is passed on: a number, or one per request (e.g. by its path). */
	delayMs: number | ((request: { method: string; path: string }) => number);
}

export interface DelayProxy {
	/** e.g. http://127.0.0.1:40124: put it where the target's origin would go. */
	origin: string;
	log: ProxiedRequest[];
	/** The most requests the proxy held at the same time since the last reset. */
	maxInFlight: number;
	/** When each connection was opened (ms since the proxy started), since the last reset. */
	connections: number[];
	reset(): void;
	close(): Promise<void>;
}

/**
 * A reverse proxy that holds each request for a while before passing it on: service latency on
 * loopback. Both sides keep connections alive, so a client that reuses its connection pays the
 * delay, not a new handshake.
 */
export async function startDelayProxy(options: DelayProxyOptions): Promise<DelayProxy> {
	const target = new URL(options.target);
	const agent = new Agent({ keepAlive: true, maxSockets: 64 });
	const started = Date.now();
	let inFlight = 0;
	const state = { log: [] as ProxiedRequest[], maxInFlight: 0, connections: [] as number[] };
	const server: Server = createServer((req: IncomingMessage, res) => {
		const requestStarted = Date.now() - started;
		inFlight++;
		state.maxInFlight = Math.max(state.maxInFlight, inFlight);
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const received = Date.now() - started;
			const method = req.method ?? 'GET';
			const path = req.url ?? '/';
			const delay = typeof options.delayMs === 'function' ? options.delayMs({ method, path }) : options.delayMs;
			const forward = (retry = true) => {
				const body = Buffer.concat(chunks);
				const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
				const upstream = httpRequest({ host: target.hostname, port: target.port, method, path, headers, agent }, (answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
					answer.on('end', () => {
						inFlight--;
						state.log.push({ method, path, started: requestStarted, received, answered: Date.now() - started, status: answer.statusCode ?? 502 });
					});
				});
				upstream.on('error', (error: NodeJS.ErrnoException) => {
					// A kept-alive connection the target closed just as it was reused (Node's documented race):
					// nothing reached the target, so once more on a new connection.
					if (retry && upstream.reusedSocket && error.code === 'ECONNRESET') {
						forward(false);
						return;
					}
					inFlight--;
					res.writeHead(502, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ message: `proxy: ${error.message}` }));
				});
				upstream.end(body);
			};
			if (delay > 0) setTimeout(() => forward(), delay);
			else forward();
		});
	});
	server.on('connection', () => state.connections.push(Date.now() - started));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		get log() {
			return state.log;
		},
		get maxInFlight() {
			return state.maxInFlight;
		},
		get connections() {
			return state.connections;
		},
		reset() {
			state.log = [];
			state.maxInFlight = 0;
			state.connections = [];
		},
		close: async () => {
			agent.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
