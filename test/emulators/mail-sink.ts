import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** One message as the sink received it. */
export interface ReceivedMail {
	from: string;
	to: string[];
	/** The whole message as sent after DATA: headers, a blank line, the body. */
	data: string;
	subject: string;
	text: string;
}

export interface MailSink {
	host: string;
	port: number;
	messages: ReceivedMail[];
	/** Called for each message as it arrives (npm run emulators prints it). */
	onMessage?: (mail: ReceivedMail) => void;
	close(): Promise<void>;
}

/**
 * A local SMTP server that accepts every message and keeps it (RFC 5321's minimal command set: HELO/EHLO,
 * MAIL, RCPT, DATA, RSET, NOOP, QUIT; no authentication, no TLS), so n8n's Send Email node can be pointed at
 * it: no mail server runs here, and nothing leaves the machine.
 */
export async function startMailSink(port = 0): Promise<MailSink> {
	const sink: MailSink = { host: '127.0.0.1', port: 0, messages: [], close: async () => {} };
	const sockets = new Set<Socket>();
	const server: Server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		serve(socket, (mail) => {
			sink.messages.push(mail);
			sink.onMessage?.(mail);
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	sink.port = (server.address() as AddressInfo).port;
	sink.close = async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	};
	return sink;
}

function serve(socket: Socket, deliver: (mail: ReceivedMail) => void) {
	let buffer = '';
	let from = '';
	let to: string[] = [];
	let inData = false;
	let data: string[] = [];
	const reply = (line: string) => socket.write(`${line}\r\n`);
	reply('220 identity-uploads mail sink ready');
	socket.on('data', (chunk: Buffer) => {
		buffer += chunk.toString('utf8');
		let end: number;
		while ((end = buffer.indexOf('\r\n')) >= 0) {
			const line = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			if (inData) {
				if (line === '.') {
					inData = false;
					deliver(parseMail(from, to, data.join('\r\n')));
					data = [];
					reply('250 OK: queued');
				} else {
					data.push(line.startsWith('..') ? line.slice(1) : line);
				}
				continue;
			}
			const command = line.slice(0, 4).toUpperCase();
			if (command === 'EHLO') reply('250-identity-uploads mail sink\r\n250 8BITMIME');
			else if (command === 'HELO') reply('250 identity-uploads mail sink');
			else if (command === 'MAIL') {
				from = addressIn(line);
				to = [];
				reply('250 OK');
			} else if (command === 'RCPT') {
				to.push(addressIn(line));
				reply('250 OK');
			} else if (command === 'DATA') {
				inData = true;
				reply('354 End data with <CR><LF>.<CR><LF>');
			} else if (command === 'RSET') {
				from = '';
				to = [];
				reply('250 OK');
			} else if (command === 'NOOP') reply('250 OK');
			else if (command === 'QUIT') {
				reply('221 Bye');
				socket.end();
			} else reply('502 Command not implemented');
		}
	});
	socket.on('error', () => socket.destroy());
}

const addressIn = (line: string) => /<([^>]*)>/.exec(line)?.[1] ?? line.split(':').slice(1).join(':').trim();

/** Subject and a readable text body from a plain or multipart message (quoted-printable or base64 parts decoded). */
function parseMail(from: string, to: string[], data: string): ReceivedMail {
	const [head, ...rest] = data.split('\r\n\r\n');
	const headers = unfold(head);
	const subject = decodeWords(headers.subject ?? '');
	const text = textBody(headers, rest.join('\r\n\r\n'));
	return { from, to, data, subject, text };
}

function unfold(head: string): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	return headers;
}

function textBody(headers: Record<string, string>, body: string): string {
	const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
	if (!boundary) return decodeTransfer(body, headers['content-transfer-encoding']);
	const parts = body.split(`--${boundary}`).slice(1, -1);
	const decoded = parts.map((part) => {
		const [partHead, ...partBody] = part.replace(/^\r\n/, '').split('\r\n\r\n');
		const partHeaders = unfold(partHead);
		return { type: partHeaders['content-type'] ?? '', text: textBody(partHeaders, partBody.join('\r\n\r\n')) };
	});
	return (decoded.find((part) => part.type.startsWith('text/plain')) ?? decoded[0])?.text ?? '';
}

function decodeTransfer(body: string, encoding = ''): string {
	if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (/quoted-printable/i.test(encoding)) {
		const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
		return Buffer.from(bytes, 'latin1').toString('utf8');
	}
	return body;
}

/** RFC 2047 encoded words, e.g. =?UTF-8?Q?Verify_your_identity?=. */
function decodeWords(value: string): string {
	return value.replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_match, _charset, kind: string, text: string) =>
		kind.toUpperCase() === 'B'
			? Buffer.from(text, 'base64').toString('utf8')
			: Buffer.from(
					text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
					'latin1',
				).toString('utf8'),
	);
}
