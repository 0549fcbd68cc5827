import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { rateLimitSlot, sendWithSession, type CredentialSession } from './credential-session';
import type { SlotOutcome } from './rate-limit/slot';
import type { Attempt, RequestGuard } from './request-guard';
import { discard, readResponseBody, untilAborted } from './response-body';
import type { ServiceContext } from './service-request';

/** How one attempt ended: an answer (any status) with its body read, or an error with no (whole) answer. */
export type Sent = { attempt: Attempt; response: IN8nHttpFullResponse } | { attempt: Attempt; error: unknown };

export interface AttemptRequest {
	ctx: ServiceContext;
	/** undefined: sent without the credential (a link that carries its own authorisation). */
	credentialType?: string;
	session?: CredentialSession;
	guard: RequestGuard;
	request: IHttpRequestOptions;
	service: string;
	/** The most bytes the answer may have (the service's documented maximum for a file). */
	maxBytes?: number;
}

/**
 * One attempt of a call: after the item's turn (`turn`, when it has not come yet: send-turns.ts), the
 * credential's rate limit, then n8n's request helper, within the attempt's timeout.
 *
 * The timeout is held here, not by the helper: n8n's helper replaces a request's abort signal with the
 * execution's cancel signal (n8n-core's httpRequestWithAuthentication), which leaves only a socket idle timeout,
 * and an answer that drips a byte at a time never meets that. So the answer is asked for as a stream, and both
 * its arrival and the reading of its body are raced against the attempt's deadline; at the deadline the body's
 * connection is destroyed.
 */
export async function sendAttempt(send: AttemptRequest, turn?: Promise<void>): Promise<Sent> {
	if (turn) await turn;
	const slot = send.session ? await rateLimitSlot(send.ctx, send.session, send.guard.timeoutMs) : undefined;
	const attempt = send.guard.startAttempt();
	const { abortSignal } = attempt.options;
	let outcome: SlotOutcome = 'failed';
	try {
		const wanted = send.request.encoding;
		const request: IHttpRequestOptions = { ...send.request, ...attempt.options, encoding: 'stream', json: false };
		const pending =
			send.credentialType && send.session ? sendWithSession(send.ctx, send.credentialType, send.session, request) : send.ctx.helpers.httpRequest(request);
		const response = (await untilAborted(pending, abortSignal).catch((error: unknown) => {
			// An answer that comes after the deadline is let go unread.
			void pending.then(
				(late) => discard((late as IN8nHttpFullResponse)?.body),
				() => undefined,
			);
			throw error;
		})) as IN8nHttpFullResponse;
		outcome = response.statusCode === 429 ? 'throttled' : 'answered';
		const limits = { signal: abortSignal, service: send.service, contentLength: response.headers['content-length'], maxBytes: send.maxBytes };
		const bytes = await readResponseBody(response.body, limits);
		return { attempt, response: { ...response, body: decodeBody(bytes, wanted, response) as IN8nHttpFullResponse['body'] } };
	} catch (error) {
		return { attempt, error };
	} finally {
		attempt.end();
		slot?.(outcome);
	}
}

/** The body as n8n's helper would have given it: bytes when asked for, else parsed JSON or text. */
function decodeBody(bytes: unknown, wanted: IHttpRequestOptions['encoding'], response: IN8nHttpFullResponse): unknown {
	if (!Buffer.isBuffer(bytes)) return bytes;
	if (wanted === 'arraybuffer' || wanted === 'stream') return bytes;
	const text = bytes.toString('utf8');
	if (String(response.headers['content-type'] ?? '').includes('json')) {
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	return text;
}
