import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { COMPLYCUBE_API_KEY, type ComplyCubeEmulator } from './index';

export interface Answer {
	status: number;
	json: Record<string, unknown>;
	headers: Headers;
}

/** A raw HTTP call to the emulator's /v1 API, JSON in and out. */
export async function call(
	emulator: ComplyCubeEmulator,
	method: string,
	path: string,
	body?: unknown,
	key: string | null = COMPLYCUBE_API_KEY,
): Promise<Answer> {
	const response = await fetch(`${emulator.baseUrl}${path}`, {
		method,
		headers: { 'content-type': 'application/json', ...(key ? { authorization: key } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let json: Record<string, unknown> = {};
	try {
		json = text ? (JSON.parse(text) as Record<string, unknown>) : {};
	} catch {
		json = { raw: text };
	}
	return { status: response.status, json, headers: response.headers };
}

export interface Received {
	headers: IncomingHttpHeaders;
	body: string;
}

/** A local webhook receiver answering each request with the next status in `statuses` (the last one repeats). */
export async function startReceiver(statuses: number[] = [200]) {
	const received: Received[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)]);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

/** A multipart/form-data body built by hand, as a browser would send the hosted form. */
export function multipartBody(fields: Record<string, string>, files: Record<string, { filename: string; contentType: string; data: Buffer }>) {
	const boundary = `----emulatorTest${Date.now()}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
	}
	for (const [name, file] of Object.entries(files)) {
		parts.push(
			Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`),
		);
		parts.push(file.data, Buffer.from('\r\n'));
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
