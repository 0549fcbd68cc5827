import { Readable } from 'node:stream';

/**
 * The body of a request made before its item's turn (send-attempt.ts). n8n's request helper prepares the
 * request and opens the connection at once, but Node writes a request's headers together with its first
 * body bytes, so nothing reaches the service until `opening` resolves true and the bytes are let through.
 * Resolving false or rejecting ends the request without a byte sent.
 */
export function turnGatedBody(bytes: Buffer, opening: Promise<boolean>): Readable {
	const body = new Readable({ read() {} });
	opening.then(
		(send) => {
			if (body.destroyed) return;
			if (!send) {
				body.destroy(new Error('The request was withdrawn before it was sent.'));
				return;
			}
			body.push(bytes);
			body.push(null);
		},
		(error: Error) => body.destroy(error),
	);
	return body;
}
