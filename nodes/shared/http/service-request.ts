import {
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type IHttpRequestOptions,
	type IN8nHttpFullResponse,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { pendingSendTurn } from '../items/send-turns';
import { credentialSession } from './credential-session';
import { checkedBaseUrl } from './base-url';
import { networkCodeOf } from './network-code';
import { RequestGuard, TIMEOUT_CODE, type GuardedCall } from './request-guard';
import { DEFAULT_THROTTLE_BACKOFF, retryDelayMs, shouldRetry, throttledDelayMs, type AttemptOutcome, type ThrottleBackoff } from './retry-policy';
import { AnswerTooLargeError } from './response-body';
import { followableRedirect, requestUrl } from './redirects';
import { sendAttempt, type Sent } from './send-attempt';
import { ServiceError, ServiceUnreachableError, ThrottledTooLongError } from './service-error';

/** The guard's fields (request-guard.ts): item, transfer, secret fields, reconcile, how to check. */
export interface ServiceCall extends GuardedCall {
	service: string;
	/** undefined: sent without any credential, to a URL that carries its own authorisation (a content link). */
	credentialType?: string;
	/** True when sending the request twice leaves the same result (an overwrite), so server faults may be retried. */
	idempotent: boolean;
	/** Builds the request afresh for each attempt: a multipart body can be read only once. */
	build: (baseUrl: string) => IHttpRequestOptions | Promise<IHttpRequestOptions>;
	/** Finds the service's own message in an error body. */
	messageOf: (body: unknown) => string | undefined;
	/** The service's recommended wait after a 429 without Retry-After; DEFAULT_THROTTLE_BACKOFF when it recommends none. */
	throttleBackoff?: ThrottleBackoff;
	/** The most bytes the answer may have (a file's documented maximum): a larger one is not read, and refused. */
	maxBytes?: number;
}

export interface ServiceResponse {
	status: number;
	body: unknown;
	headers: IDataObject;
	/** True when the answer was lost and the record was found by asking the service (reconcile.ts). */
	recovered?: boolean;
}

const REFUSED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether a request changes something (an upload, a create, an update, a delete). Its redirects are refused:
 * a redirected POST comes back as a GET without its body (301, 302) or is sent twice (307, 308).
 */
const isWrite = (request: IHttpRequestOptions) => !['GET', 'HEAD'].includes((request.method ?? 'GET').toUpperCase());

/** How many redirects a read follows, each to the same origin (redirects.ts). */
const MAX_REDIRECTS = 5;

/**
 * The most bytes any answer may have when the call names no maximum of its own: far above every list page or
 * report the three services document, far below what would strain n8n's memory.
 */
export const DEFAULT_MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/**
 * A node running its items, a trigger registering its webhook or receiving a delivery, or a resource
 * locator's list search (no items: every per-item setting, Options → Timeout included, takes its default).
 */
export type ServiceContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions | ILoadOptionsFunctions;

/** Sends a request with the node's credential, retrying only where no duplicate can result; throws ServiceError on a refusal. */
export async function callService(ctx: ServiceContext, call: ServiceCall): Promise<ServiceResponse> {
	// Read and decrypted once per node run, with the credential's rate limit (credential-session.ts).
	const session = call.credentialType ? await credentialSession(ctx, call.credentialType) : undefined;
	// Checked before anything is sent, once per node run (a wrong one is refused for every item); timeout,
	// deadline, redaction and reconciliation live in request-guard.ts.
	const baseUrl = session
		? (session.baseUrl ??= checkedBaseUrl(session.credentials.baseUrl, call.service, session.credentials.allowUnencryptedHttp === true))
		: '';
	const guard = new RequestGuard(ctx, call, session?.credentials ?? {});
	// An item read ahead sends once the items before it leave room (send-turns.ts): its first attempt waits.
	let turn = pendingSendTurn(ctx, call.itemIndex);
	let throttled = 0;
	for (let attempt = 1; ; attempt++) {
		let request = await call.build(baseUrl);
		let outcome: AttemptOutcome;
		let failure: Error;
		let retryAfter: string | undefined;
		let sent: Sent;
		// Redirects are never left to the helper: it would send the key to wherever they point. A read follows
		// one to the same origin (with the key); any other is refused (redirects.ts).
		for (let redirects = 0; ; redirects++) {
			sent = await sendAttempt(
				{
					ctx,
					credentialType: call.credentialType,
					session,
					guard,
					service: call.service,
					maxBytes: call.maxBytes ?? DEFAULT_MAX_ANSWER_BYTES,
					request: { ...request, returnFullResponse: true, ignoreHttpStatusErrors: true, disableFollowRedirect: true },
				},
				turn,
			);
			turn = undefined;
			const next =
				'response' in sent && redirects < MAX_REDIRECTS && !isWrite(request) ? followableRedirect(request, sent.response, !call.credentialType) : undefined;
			if (!next) break;
			request = next;
		}
		const url = requestUrl(request);
		if ('response' in sent) {
			const { response } = sent;
			const body = guard.redact(parseBody(response));
			const redirected = response.statusCode >= 300 && response.statusCode < 400;
			if (response.statusCode < 400 && !redirected) return { status: response.statusCode, body, headers: response.headers };
			outcome = { kind: 'status', status: response.statusCode };
			const message = redirected
				? redirectWords(guard.redactText(String(response.headers.location ?? '')), request, response)
				: (call.messageOf(body) ?? `HTTP ${response.statusCode}`);
			failure = new ServiceError(call.service, response.statusCode, body, message);
			retryAfter = response.headers['retry-after'] as string | undefined;
			// A redirect is refused, not a fault: it would be refused again.
			if (redirected) throw failure;
		} else {
			if (sent.error instanceof AnswerTooLargeError) throw sent.error;
			const timedOut = sent.attempt.timedOut(sent.error);
			const code = timedOut ? TIMEOUT_CODE : networkCodeOf(sent.error);
			outcome = { kind: 'network', arrived: !REFUSED_CODES.has(code) };
			failure = new ServiceUnreachableError(call.service, guard.redactText(url), code, outcome.arrived, timedOut ? sent.attempt.timeoutWords() : undefined);
		}
		const delay =
			outcome.kind === 'status' && outcome.status === 429
				? throttledDelayMs(throttled++, call.throttleBackoff ?? DEFAULT_THROTTLE_BACKOFF, retryAfter)
				: retryDelayMs(attempt, retryAfter);
		const last = !shouldRetry(outcome, attempt, call.idempotent) || !guard.canWait(delay);
		const settled = await guard.settle(outcome, failure, last);
		if (settled.recovered) return { status: 200, body: settled.recovered, headers: {}, recovered: true };
		({ outcome, failure } = settled);
		if (!shouldRetry(outcome, attempt, call.idempotent) || !guard.canWait(delay)) {
			throw throttled > 0 && outcome.kind === 'status' && outcome.status === 429
				? new ThrottledTooLongError(call.service, failure, throttled, guard.elapsedMs())
				: failure;
		}
		await guard.wait(delay);
	}
}

function redirectWords(location: string, request: IHttpRequestOptions, response: IN8nHttpFullResponse): string {
	const where = location ? `it redirects the request to ${location}` : 'it redirects the request';
	if (isWrite(request)) return where;
	// A read stops at a redirect it would follow only after MAX_REDIRECTS of them.
	return followableRedirect(request, response) ? `${where}, after ${MAX_REDIRECTS} redirects already` : `${where}, another origin, where the key is not sent`;
}

function parseBody(response: IN8nHttpFullResponse): unknown {
	const { body } = response;
	const contentType = String(response.headers['content-type'] ?? '');
	if (Buffer.isBuffer(body) && (contentType.includes('json') || response.statusCode >= 400)) {
		const text = body.toString('utf8');
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	if (typeof body === 'string' && contentType.includes('json')) {
		try {
			return JSON.parse(body);
		} catch {
			return body;
		}
	}
	return body;
}
