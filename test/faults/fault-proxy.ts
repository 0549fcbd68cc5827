import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/*
 * A loopback proxy in front of an emulator that, per request and by a seeded PRNG, answers for the service
 * (without forwarding), forwards and then loses the answer, resets, or stalls. The same seed and the same
 * requests in the same order give the same faults, so a failure replays.
 */

export const FAULT_KINDS = [
	/** 429 with a Retry-After (seconds or an HTTP date), the request not forwarded. */
	'refuse-429',
	/** 503 (a gateway's HTML page), the request not forwarded. */
	'refuse-503',
	/** Forwarded, the service answered (and stored), then 503 from the gateway instead of its answer. */
	'forward-then-503',
	/** Forwarded, the service answered (and stored), then the connection reset instead of its answer. */
	'forward-then-reset',
	/** The connection reset before anything was forwarded. */
	'reset-before',
	/** Never forwarded, never answered: the client's timeout has to end it. */
	'stall',
	/** Forwarded (and stored), then no answer at all. */
	'forward-then-stall',
	/**
	 * Forwarded (and stored), then the answer's headers and its body one byte every 300 ms, never ending: an idle
	 * timeout never fires, only the attempt's deadline ends it.
	 */
	'forward-then-drip',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** What the proxy saw of a request, for the test's accounting. */
export interface ProxiedRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export interface ProxyLogEntry {
	seq: number;
	method: string;
	path: string;
	/** The input item the request belongs to (keyOf), when known. */
	key?: string;
	fault: FaultKind | 'none';
	forwarded: boolean;
	/** What the service answered, when the request was forwarded and it answered. */
	upstreamStatus?: number;
	startedAt: number;
	endedAt?: number;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * The faults to inject, shared by the proxies of one run so one seed decides them all. The first faults
 * go through every kind in turn (so a small run meets each), the rest are drawn.
 */
export class FaultPlan {
	private readonly random: () => number;
	private drawn = 0;
	readonly counts = new Map<FaultKind, number>();

	constructor(
		readonly seed: number,
		/** The share of requests that meet a fault. */
		readonly rate: number,
		readonly kinds: readonly FaultKind[] = FAULT_KINDS,
	) {
		this.random = seededRandom(seed);
	}

	/** The fault for the next request; `request` lets a test's plan pick the one to fault. */
	next(_request?: ProxiedRequest): FaultKind | 'none' {
		const roll = this.random();
		const pick = this.random();
		if (roll >= this.rate) return 'none';
		const kind = this.drawn < this.kinds.length ? this.kinds[this.drawn] : this.kinds[Math.floor(pick * this.kinds.length)];
		this.drawn++;
		this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
		return kind;
	}

	/** A second draw for the shape of a fault (e.g. Retry-After as seconds or as a date). */
	coin(): boolean {
		return this.random() < 0.5;
	}
}

export interface FaultProxy {
	origin: string;
	log: ProxyLogEntry[];
	/** Stop injecting (e.g. to read the emulator's state through the proxy). */
	enabled: boolean;
	close(): Promise<void>;
}

const GATEWAY_PAGE = (status: number, words: string) =>
	`<!DOCTYPE html><html><head><title>${status} ${words}</title></head><body><center><h1>${status} ${words}</h1></center><hr><center>fault-proxy</center></body></html>`;

export async function startFaultProxy(
	target: string,
	plan: FaultPlan,
	keyOf: (request: ProxiedRequest) => string | undefined = () => undefined,
): Promise<FaultProxy> {
	const targetUrl = new URL(target);
	const log: ProxyLogEntry[] = [];
	const sockets = new Set<Socket>();
	const state = { enabled: true };
	let seq = 0;

	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://proxy');
			const seen: ProxiedRequest = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: url.searchParams,
				headers: req.headers,
				body: Buffer.concat(chunks),
			};
			const fault = state.enabled ? plan.next(seen) : 'none';
			const entry: ProxyLogEntry = { seq: ++seq, method: seen.method, path: seen.path, key: keyOf(seen), fault, forwarded: false, startedAt: Date.now() };
			log.push(entry);
			const end = () => (entry.endedAt ??= Date.now());
			res.on('close', end);
			req.socket.on('close', end);

			const answer = (status: number, headers: Record<string, string>, body: string | Buffer) => {
				res.writeHead(status, headers);
				res.end(body);
			};
			const reset = () => req.socket.destroy();
			const forward = async () => {
				entry.forwarded = true;
				return await new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer } | undefined>((resolve) => {
					const upstream = httpRequest(
						{
							host: targetUrl.hostname,
							port: targetUrl.port,
							method: seen.method,
							path: req.url,
							headers: { ...req.headers, host: targetUrl.host, connection: 'close' },
						},
						(upstreamRes) => {
							const parts: Buffer[] = [];
							upstreamRes.on('data', (chunk: Buffer) => parts.push(chunk));
							upstreamRes.on('end', () => {
								entry.upstreamStatus = upstreamRes.statusCode;
								resolve({ status: upstreamRes.statusCode ?? 502, headers: upstreamRes.headers, body: Buffer.concat(parts) });
							});
						},
					);
					upstream.on('error', () => resolve(undefined));
					upstream.end(seen.body);
				});
			};

			void (async () => {
				switch (fault) {
					case 'refuse-429': {
						const retryAfter = plan.coin() ? '1' : new Date(Date.now() + 1000).toUTCString();
						return answer(429, { 'content-type': 'application/json', 'retry-after': retryAfter }, JSON.stringify({ message: 'Too Many Requests' }));
					}
					case 'refuse-503':
						return answer(503, { 'content-type': 'text/html' }, GATEWAY_PAGE(503, 'Service Temporarily Unavailable'));
					case 'reset-before':
						return reset();
					case 'stall':
						return;
					default:
						break;
				}
				const upstream = await forward();
				if (fault === 'forward-then-503') return answer(503, { 'content-type': 'text/html' }, GATEWAY_PAGE(503, 'Service Temporarily Unavailable'));
				if (fault === 'forward-then-reset') return reset();
				if (fault === 'forward-then-stall') return;
				if (fault === 'forward-then-drip') {
					res.writeHead(upstream?.status ?? 200, { 'content-type': 'application/json' });
					const drip = setInterval(() => res.write(' '), 300);
					res.on('close', () => clearInterval(drip));
					return;
				}
				if (!upstream) return answer(502, { 'content-type': 'text/html' }, GATEWAY_PAGE(502, 'Bad Gateway'));
				const headers = { ...upstream.headers };
				delete headers['transfer-encoding'];
				delete headers.connection;
				headers['content-length'] = String(upstream.body.length);
				res.writeHead(upstream.status, headers as Record<string, string>);
				res.end(upstream.body);
			})();
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		log,
		get enabled() {
			return state.enabled;
		},
		set enabled(value: boolean) {
			state.enabled = value;
		},
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
