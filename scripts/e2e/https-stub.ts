import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface HttpsStub {
	port: number;
	/** Every request it answered: method and path. */
	requests: Array<{ method: string; path: string }>;
	close(): Promise<void>;
}

/**
 * A local https server with a throw-away self-signed certificate (openssl) that answers every request
 * with a small page: where a browser lands when a page redirects it to an https address outside this
 * machine (e.g. a verification's success URL). Point the browser at it with Chromium's
 * --host-resolver-rules and accept the certificate (ignoreHTTPSErrors).
 */
export async function startHttpsStub(hostName: string, body: (requestPath: string) => string): Promise<HttpsStub> {
	const folder = mkdtempSync(path.join(tmpdir(), 'identity-uploads-stub-'));
	const key = path.join(folder, 'key.pem');
	const cert = path.join(folder, 'cert.pem');
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${hostName}`, '-days', '1', '-keyout', key, '-out', cert], {
		stdio: 'ignore',
	});
	const requests: HttpsStub['requests'] = [];
	const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) => {
		requests.push({ method: request.method ?? '', path: request.url ?? '' });
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		response.end(body(request.url ?? '/'));
	});
	rmSync(folder, { recursive: true, force: true });
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		requests,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
