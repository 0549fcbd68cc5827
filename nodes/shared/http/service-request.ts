import {
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
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
import { sendAttempt } from './send-attempt';
import { ServiceError, ServiceUnreachableError } from './service-error';

/** The guard's fields (request-guard.ts): item, transfer, secret fields, reconcile, how to check. */
export interface ServiceCall extends GuardedCall {
	service: string;
	credentialType: string;
	/** True when sending the request twice leaves the same result (an overwrite), so server faults may be retried. */
	idempotent: boolean;
	/** Builds the request afresh for each attempt: a multipart body can be read only once. */
	build: (baseUrl: string) => IHttpRequestOptions | Promise<IHttpRequestOptions>;
	/** Finds the service's own message in an error body. */
	messageOf: (body: unknown) => string | undefined;
	/** The service's recommended wait after a 429 without Retry-After; DEFAULT_THROTTLE_BACKOFF when it recommends none. */
	throttleBackoff?: ThrottleBackoff;
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
 * Whether a request changes something (an upload, a create, an update, a delete). Its redirects are not
 * followed: a redirected POST comes back as a GET without its body (301, 302) or is sent twice (307, 308),
 * and skipping the redirect layer also takes a little off every upload.
 */
const isWrite = (request: IHttpRequestOptions) => !['GET', 'HEAD'].includes((request.method ?? 'GET').toUpperCase());

/** A node running its items, a trigger registering its webhook, or a trigger receiving a delivery. */
export type ServiceContext = IExecuteFunctions | IHookFunctions | IWebhookFunctions;

/** Sends a request with the node's credential, retrying only where no duplicate can result; throws ServiceError on a refusal. */
export async function callService(ctx: ServiceContext, call: ServiceCall): Promise<ServiceResponse> {
	// Read and decrypted once per node run, with the credential's rate limit (credential-session.ts).
	const session = await credentialSession(ctx, call.credentialType);
	// Checked before anything is sent, once per node run (a wrong one is refused for every item); timeout,
	// deadline, redaction and reconciliation live in request-guard.ts.
	const baseUrl = (session.baseUrl ??= checkedBaseUrl(session.credentials.baseUrl, call.service));
	const guard = new RequestGuard(ctx, call, session.credentials);
	// An item read ahead sends once the items before it leave room (send-turns.ts): its first attempt waits.
	let turn = pendingSendTurn();
	let throttled = 0;
	for (let attempt = 1; ; attempt++) {
		const request = await call.build(baseUrl);
		const url = `${request.baseURL ?? ''}${request.url}`;
		const write = isWrite(request);
		let outcome: AttemptOutcome;
		let failure: Error;
		let retryAfter: string | undefined;
		const sent = await sendAttempt(
			{
				ctx,
				credentialType: call.credentialType,
				session,
				guard,
				request: { ...request, returnFullResponse: true, ignoreHttpStatusErrors: true, ...(write ? { disableFollowRedirect: true } : {}) },
			},
			turn,
		);
		turn = undefined;
		if ('response' in sent) {
			const { response } = sent;
			const body = guard.redact(parseBody(response));
			const redirected = write && response.statusCode >= 300 && response.statusCode < 400;
			if (response.statusCode < 400 && !redirected) return { status: response.statusCode, body, headers: response.headers };
			outcome = { kind: 'status', status: response.statusCode };
			const message = redirected ? redirectWords(guard.redactText(String(response.headers.location ?? ''))) : (call.messageOf(body) ?? `HTTP ${response.statusCode}`);
			failure = new ServiceError(call.service, response.statusCode, body, message);
			retryAfter = response.headers['retry-after'] as string | undefined;
		} else {
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
		if (!shouldRetry(outcome, attempt, call.idempotent) || !guard.canWait(delay)) throw failure;
		await guard.wait(delay);
	}
}

function redirectWords(location: string): string {
	return location ? `it redirects the request to ${location}` : 'it redirects the request';
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
