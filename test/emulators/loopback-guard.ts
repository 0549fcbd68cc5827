import type { IncomingHttpHeaders } from 'node:http';

/**
 * The emulators hold fake keys and accept uploads: only this machine may drive them. A web page the
 * developer visits could otherwise reach them, through DNS rebinding (a hostile name resolving to
 * 127.0.0.1, so the browser sends that name as Host) or a cross-site form post (a foreign Origin).
 * This is the check the DNS-rebinding advice gives (Host allow-list, as webpack-dev-server's
 * `allowedHosts` and Vite's `server.allowedHosts` do) plus an Origin check for cross-site posts.
 * Not a behaviour of the real services: a guard of the local copies. 421 Misdirected Request is
 * HTTP's answer for a request this server is not configured to answer for its target (RFC 9110
 * §15.5.20); a foreign Origin gets 403 Forbidden.
 */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `name` or `name:port`, `[::1]` or `[::1]:port`; the name compared without case. */
const HOST_HEADER = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/;

export interface Refusal {
	status: number;
	/** One line, for the developer who sees it in a browser or a log. */
	reason: string;
}

function isLoopbackHost(host: string | undefined): boolean {
	const match = host === undefined ? null : HOST_HEADER.exec(host);
	return match !== null && LOOPBACK_NAMES.has(match[1].toLowerCase());
}

function isLoopbackOrigin(origin: string): boolean {
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return false; // `null` (sandboxed frame, file: page) and anything unparsable
	}
	return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_NAMES.has(url.hostname);
}

const shown = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

/** Undefined when the request may be answered; otherwise the status and reason to refuse it with. */
export function refuseNonLoopback(headers: IncomingHttpHeaders): Refusal | undefined {
	if (!isLoopbackHost(headers.host)) {
		return {
			status: 421,
			reason: `This emulator answers only requests addressed to localhost, 127.0.0.1 or [::1]; this one was addressed to ${headers.host === undefined ? 'no host' : shown(headers.host)}.`,
		};
	}
	const origin = headers.origin;
	if (origin !== undefined && !isLoopbackOrigin(origin)) {
		return {
			status: 403,
			reason: `This emulator accepts requests only from pages on localhost, 127.0.0.1 or [::1]; this one came from ${shown(origin)}.`,
		};
	}
	return undefined;
}
