import type { IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { rateLimitSlot, sendWithSession, type CredentialSession } from './credential-session';
import type { ReleaseSlot, SlotOutcome } from './rate-limit/slot';
import type { Attempt, RequestGuard } from './request-guard';
import type { ServiceContext } from './service-request';
import { turnGatedBody } from './turn-gated-body';

/** How one attempt ended: an answer (any status), or an error with no answer. */
export type Sent = { attempt: Attempt; response: IN8nHttpFullResponse } | { attempt: Attempt; error: unknown };

export interface AttemptRequest {
	ctx: ServiceContext;
	credentialType: string;
	session: CredentialSession;
	guard: RequestGuard;
	request: IHttpRequestOptions;
}

/**
 * One attempt of a call: after the item's turn (`turn`, when it has not come yet: send-turns.ts), the
 * credential's rate limit, then n8n's request helper, within the attempt's timeout.
 *
 * A request whose body is bytes is made before the turn and sent at it (sendAtTurn), so what n8n's helper
 * does before a byte goes out — preparing the request, a new connection each time — happens while the
 * item before is still at the service, not between the two.
 */
export async function sendAttempt(send: AttemptRequest, turn?: Promise<void>): Promise<Sent> {
	if (turn && Buffer.isBuffer(send.request.body)) {
		const sent = await sendAtTurn(send, send.request.body, turn);
		if (sent) return sent;
	}
	if (turn) await turn;
	const slot = await rateLimitSlot(send.ctx, send.session, send.guard.timeoutMs);
	const attempt = send.guard.startAttempt();
	return await exchange(send, { ...send.request, ...attempt.options }, attempt, () => slot);
}

/**
 * The request made now, its bytes let through at the item's turn (turn-gated-body.ts): until then the
 * service has received nothing, and the rate limit and the timeout have not started. undefined when the
 * request ended before that (the connection refused or closed, the node stopping at an earlier item):
 * nothing was sent, and the caller sends it the usual way (or meets the cancelled turn).
 */
async function sendAtTurn(send: AttemptRequest, bytes: Buffer, turn: Promise<void>): Promise<Sent | undefined> {
	const attempt = send.guard.prepareAttempt();
	// Changed by the opening and by the request ending, each seen by the other after an await.
	let sending = false;
	let withdrawn = false;
	let slot: ReleaseSlot | undefined;
	const opening = (async () => {
		await turn;
		if (withdrawn) return false;
		const granted = await rateLimitSlot(send.ctx, send.session, send.guard.timeoutMs);
		if (withdrawn) {
			granted?.('failed');
			return false;
		}
		slot = granted;
		sending = true;
		attempt.start();
		return true;
	})();
	const headers = { ...send.request.headers, 'content-length': String(bytes.length) };
	const gated = { ...send.request, ...attempt.options, headers, body: turnGatedBody(bytes, opening) } as IHttpRequestOptions;
	const sent = await exchange(send, gated, attempt, () => slot);
	if (sending) return sent;
	withdrawn = true;
	return undefined;
}

/** n8n's helper; the rate-limit slot is given back with how the attempt ended (a 429 slows the fallback limit down: rate-limit/adaptive-limiter.ts). */
async function exchange(send: AttemptRequest, request: IHttpRequestOptions, attempt: Attempt, slotOf: () => ReleaseSlot | undefined): Promise<Sent> {
	let outcome: SlotOutcome = 'failed';
	try {
		const response = (await sendWithSession(send.ctx, send.credentialType, send.session, request)) as IN8nHttpFullResponse;
		outcome = response.statusCode === 429 ? 'throttled' : 'answered';
		return { attempt, response };
	} catch (error) {
		return { attempt, error };
	} finally {
		attempt.end();
		slotOf()?.(outcome);
	}
}
