import { connect } from 'node:net';

/** Where an emulator delivers its e-mail: an SMTP server without authentication or TLS (the mail sink). */
export interface SmtpTarget {
	host: string;
	port: number;
}

export interface OutgoingMail {
	from: string;
	to: string[];
	subject: string;
	/** The body as HTML (Crafter's templates are HTML). */
	html: string;
}

/**
 * Sends one message with the minimal SMTP dialogue (EHLO, MAIL, RCPT, DATA, QUIT), the way a JavaMail sender
 * talks to a local relay. Resolves once the server accepted the message; rejects on any other reply.
 */
export async function sendSmtp(target: SmtpTarget, mail: OutgoingMail): Promise<void> {
	const body = [
		`From: ${mail.from}`,
		`To: ${mail.to.join(', ')}`,
		`Subject: ${mail.subject}`,
		'MIME-Version: 1.0',
		'Content-Type: text/html; charset=UTF-8',
		'Content-Transfer-Encoding: 8bit',
		'',
		...mail.html.split(/\r?\n/).map((line) => (line.startsWith('.') ? `.${line}` : line)),
		'.',
	].join('\r\n');
	const commands = ['EHLO emulator', `MAIL FROM:<${mail.from}>`, ...mail.to.map((to) => `RCPT TO:<${to}>`), 'DATA', body, 'QUIT'];
	await new Promise<void>((resolve, reject) => {
		const socket = connect(target.port, target.host);
		let buffer = '';
		let step = -1;
		socket.on('data', (chunk: Buffer) => {
			buffer += chunk.toString('utf8');
			let end: number;
			while ((end = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				// A multi-line reply ("250-...") continues until a line with a space after the code.
				if (/^\d{3}-/.test(line)) continue;
				if (!/^[23]\d\d/.test(line)) {
					socket.destroy();
					reject(new Error(`SMTP server refused: ${line}`));
					return;
				}
				step += 1;
				if (step < commands.length) socket.write(`${commands[step]}\r\n`);
				else socket.end();
			}
		});
		socket.on('end', () => resolve());
		socket.on('error', reject);
	});
}
