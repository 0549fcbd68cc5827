import { connect, type Socket } from 'node:net';

export interface OutgoingMail {
	from: string;
	to: string[];
	subject: string;
	text: string;
}

/** Sends one plain-text message over SMTP without TLS or authentication, as to a local mail sink. */
export async function sendMail(host: string, port: number, mail: OutgoingMail): Promise<string> {
	const socket = connect(port, host);
	const lines = replies(socket);
	const expect = async (code: string) => {
		const reply = await lines.next();
		if (reply.done || !reply.value.startsWith(code)) throw new Error(`SMTP server answered "${reply.value ?? 'nothing'}", expected ${code}`);
		return reply.value;
	};
	const send = (line: string) => socket.write(`${line}\r\n`);
	try {
		await expect('220');
		send('EHLO localhost');
		await expect('250');
		send(`MAIL FROM:<${mail.from}>`);
		await expect('250');
		for (const recipient of mail.to) {
			send(`RCPT TO:<${recipient}>`);
			await expect('250');
		}
		send('DATA');
		await expect('354');
		const body = mail.text.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
		send(
			[
				`From: ${mail.from}`,
				`To: ${mail.to.join(', ')}`,
				`Subject: =?UTF-8?B?${Buffer.from(mail.subject).toString('base64')}?=`,
				'MIME-Version: 1.0',
				'Content-Type: text/plain; charset=utf-8',
				'Content-Transfer-Encoding: 8bit',
				'',
				body,
				'.',
			].join('\r\n'),
		);
		const queued = await expect('250');
		send('QUIT');
		return queued;
	} finally {
		socket.end();
	}
}

/** The server's replies, one complete reply (its last line) at a time. */
async function* replies(socket: Socket): AsyncGenerator<string> {
	let buffer = '';
	for await (const chunk of socket) {
		buffer += (chunk as Buffer).toString('utf8');
		let end: number;
		while ((end = buffer.indexOf('\r\n')) >= 0) {
			const line = buffer.slice(0, end);
			buffer = buffer.slice(end + 2);
			// "250-…" continues a multi-line reply; "250 …" ends it.
			if (line[3] !== '-') yield line;
		}
	}
}
