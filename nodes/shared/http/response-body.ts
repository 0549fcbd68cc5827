/**
 * Reads an answer's body that n8n's request helper hands over as a stream (the request path asks for one:
 * send-attempt.ts), so that the attempt's deadline and the service's size limit hold while it arrives: a
 * service that drips its answer is cut off at the deadline, and one that sends more than the limit is cut off
 * as soon as it passes it, without the rest being read.
 */

/** What the request helper gives for `encoding: 'stream'` (a Node readable): typed here by what is used. */
interface ByteStream {
	on(event: 'data', listener: (chunk: Buffer | string) => void): unknown;
	on(event: 'end' | 'close', listener: () => void): unknown;
	on(event: 'error', listener: (error: Error) => void): unknown;
	removeAllListeners(): unknown;
	destroy(error?: Error): unknown;
}

function isByteStream(body: unknown): body is ByteStream {
	return !!body && typeof body === 'object' && typeof (body as ByteStream).on === 'function' && typeof (body as ByteStream).destroy === 'function';
}

/** The answer was larger than the most the service documents for it: it was not read further. */
export class AnswerTooLargeError extends Error {
	constructor(
		readonly service: string,
		readonly maxBytes: number,
		/** The size the service announced (Content-Length), when it announced one. */
		readonly announcedBytes?: number,
	) {
		super(
			`${service} sent an answer larger than ${megabytes(maxBytes)}, the most ${service} documents for it${
				announcedBytes === undefined ? '' : ` (it announced ${megabytes(announcedBytes)})`
			}, so it was not read`,
		);
		this.name = 'AnswerTooLargeError';
	}
}

function megabytes(bytes: number): string {
	return `${(bytes / 1_000_000).toFixed(bytes % 1_000_000 === 0 ? 0 : 1)} MB`;
}

export interface BodyLimits {
	/** Ends the read (and the connection) when it aborts: the attempt's deadline. */
	signal: AbortSignal;
	/** The most bytes the answer may have; undefined for no cap. */
	maxBytes?: number;
	/** The answer's Content-Length header, when there is one. */
	contentLength?: unknown;
	service: string;
}

/** The whole body as bytes, within the limits; a body that is not a stream (already read) is passed through. */
export async function readResponseBody(body: unknown, limits: BodyLimits): Promise<unknown> {
	if (!isByteStream(body)) return body;
	const { signal, maxBytes, service } = limits;
	const announced = Number(limits.contentLength);
	// Announced too large: refused whatever comes, and nothing of it kept. (Destroying a stream that was never
	// read does not always reach its connection: it is read, bytes dropped, until it passes the cap.)
	const tooLarge =
		maxBytes !== undefined && Number.isFinite(announced) && announced > maxBytes ? new AnswerTooLargeError(service, maxBytes, announced) : undefined;
	return await new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			signal.removeEventListener('abort', onAbort);
			outcome();
		};
		const stop = (error: unknown) =>
			settle(() => {
				body.removeAllListeners();
				discard(body);
				reject(error);
			});
		const onAbort = () => stop(signal.reason);
		if (signal.aborted) return onAbort();
		signal.addEventListener('abort', onAbort, { once: true });
		body.on('data', (chunk) => {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			size += bytes.length;
			if (maxBytes !== undefined && size > maxBytes) return stop(tooLarge ?? new AnswerTooLargeError(service, maxBytes));
			if (!tooLarge) chunks.push(bytes);
		});
		body.on('end', () => settle(() => (tooLarge ? reject(tooLarge) : resolve(Buffer.concat(chunks, size)))));
		body.on('error', (error) => stop(error));
		body.on('close', () => stop(new Error('The connection closed before the whole answer arrived.')));
	});
}

/** Lets an answer go unread: its connection is closed, not left to fill its buffers. */
export function discard(body: unknown): void {
	if (!isByteStream(body)) return;
	// An error listener stays: destroying may still emit one.
	body.on('error', () => undefined);
	// A stream never read is paused: resumed, the destroy reaches its socket at once.
	(body as { resume?: () => void }).resume?.();
	body.destroy();
}

/** Settles with `promise`, or rejects with the signal's reason once it aborts, whichever comes first. */
export async function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
	if (signal.aborted) throw signal.reason;
	let onAbort = () => {};
	const aborted = new Promise<never>((_, reject) => {
		onAbort = () => reject(signal.reason);
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([promise, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}
