import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { refuseNonLoopback } from './loopback-guard';

/** One request as an emulator saw it, kept so tests can count and compare what arrived. */
export interface ReceivedRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
	/** The status the emulator answered with. */
	status: number;
	/** When the whole request had arrived (ms since the epoch): the moment a rate limit counts it. */
	receivedAt: number;
}

export type EmulatorRequest = Omit<ReceivedRequest, 'status' | 'receivedAt'>;

export interface EmulatorResponse {
	status: number;
	json?: unknown;
	body?: Buffer | string;
	headers?: Record<string, string>;
}

export type EmulatorHandler = (request: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

export interface EmulatorOptions {
	/** 0 (the default) takes any free port. */
	port?: number;
	host?: string;
	/** Bodies larger than this are answered by `tooLarge` without being handed to the handler. */
	maxBodyBytes?: number;
	tooLarge?: EmulatorResponse;
}

export interface RunningEmulator {
	/** e.g. http://127.0.0.1:40123 */
	origin: string;
	port: number;
	received: ReceivedRequest[];
	close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

export async function startHttpEmulator(handler: EmulatorHandler, options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const received: ReceivedRequest[] = [];
	const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
	const server: Server = createServer((req, res) => {
		// Refused at the door: not handed to the service, not counted in `received`, its body discarded.
		const refusal = refuseNonLoopback(req.headers);
		if (refusal) {
			req.resume();
			res.writeHead(refusal.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
			res.end(`${refusal.reason}\n`);
			return;
		}
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= maxBody) chunks.push(chunk);
		});
		req.on('end', () => {
			const receivedAt = Date.now();
			const url = new URL(req.url ?? '/', 'http://emulator');
			const request: EmulatorRequest = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: url.searchParams,
				headers: req.headers,
				body: Buffer.concat(chunks),
			};
			const answer = async (): Promise<EmulatorResponse> => {
				if (size > maxBody && options.tooLarge) return options.tooLarge;
				try {
					return await handler(request);
				} catch (error) {
					return { status: 500, json: { message: `Emulator fault: ${(error as Error).message}` } };
				}
			};
			void answer().then((response) => {
				received.push({ ...request, status: response.status, receivedAt });
				const payload = response.json !== undefined ? Buffer.from(JSON.stringify(response.json)) : (response.body ?? '');
				res.writeHead(response.status, {
					...(response.json !== undefined ? { 'content-type': 'application/json' } : {}),
					...response.headers,
				});
				res.end(payload);
			});
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
	});
	const { port, address } = server.address() as AddressInfo;
	return {
		// An IPv6 address needs brackets in a URL (http://[::1]:port).
		origin: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
		port,
		received,
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
