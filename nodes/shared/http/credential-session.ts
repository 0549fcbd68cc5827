import { createHash } from 'node:crypto';

import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, IHttpRequestOptions } from 'n8n-workflow';

import { sharedLimiter } from './rate-limit/shared-limiter';
import type { Limiter, ReleaseSlot } from './rate-limit/slot';
import type { ServiceContext } from './service-request';

/** A credential read and decrypted once for a node's run, with the rate limit its requests share. */
export interface CredentialSession {
	credentials: ICredentialDataDecryptedObject;
	/** What httpRequestWithAuthentication takes so it does not read and decrypt the credential again. */
	decrypted: ICredentialsDecrypted;
	/** undefined when the credential sets no limit. */
	limiter?: Limiter;
	/** The credential's Base URL once checked (base-url.ts). */
	baseUrl?: string;
}

/** The credential fields behind the limit: `rateLimit` ('documented' or 'custom', ComplyCube only) and `requestsPerSecond`. */
export const RATE_LIMIT_FIELD = 'rateLimit';
export const REQUESTS_PER_SECOND_FIELD = 'requestsPerSecond';
/** How many n8n processes (main and workers) send with the key: each takes its share of the rate (rate-limit/process-share.ts). */
export const PROCESSES_FIELD = 'processesSharingKey';

/** The credential's processes sharing its key: a whole number, at least 1 (credentials saved before the field: 1). */
export function processesSharingKeyOf(credentials: ICredentialDataDecryptedObject): number {
	const value = Math.floor(Number(credentials[PROCESSES_FIELD] ?? 1));
	return Number.isFinite(value) && value > 1 ? value : 1;
}

/** The limits a service documents, by credential type, for credentials left on "the documented limit". */
const DOCUMENTED_LIMITS: Partial<Record<string, (credentials: ICredentialDataDecryptedObject) => number>> = {
	// ComplyCube's rate limits: 10 requests/s for live keys, 5 for sandbox (test_) keys, per key.
	complyCubeApi: (credentials) => (String(credentials.apiKey ?? '').startsWith('live_') ? 10 : 5),
};

/** Requests per second the credential allows; 0 means no client-side limit. */
export function requestsPerSecondOf(credentialType: string, credentials: ICredentialDataDecryptedObject): number {
	const documented = DOCUMENTED_LIMITS[credentialType];
	const mode = credentials[RATE_LIMIT_FIELD] ?? (documented ? 'documented' : 'custom');
	if (mode === 'documented' && documented) return documented(credentials);
	const value = Math.floor(Number(credentials[REQUESTS_PER_SECOND_FIELD] ?? 0));
	return Number.isFinite(value) && value > 0 ? value : 0;
}

// One session per node run (the context object n8n hands the node) and credential type; collected with the context.
const sessions = new WeakMap<object, Map<string, Promise<CredentialSession>>>();

/** The node run's credential: read once, then shared by all its items and attempts. */
export async function credentialSession(ctx: ServiceContext, credentialType: string): Promise<CredentialSession> {
	let byType = sessions.get(ctx);
	if (!byType) {
		byType = new Map();
		sessions.set(ctx, byType);
	}
	let session = byType.get(credentialType);
	if (!session) {
		session = openSession(ctx, credentialType);
		byType.set(credentialType, session);
		// A failed read (a missing credential) is not kept: the next item reads again and reports its own error.
		session.catch(() => byType?.delete(credentialType));
	}
	return await session;
}

async function openSession(ctx: ServiceContext, credentialType: string): Promise<CredentialSession> {
	const credentials = await ctx.getCredentials(credentialType);
	const reference = ctx.getNode().credentials?.[credentialType];
	const decrypted: ICredentialsDecrypted = { id: reference?.id ?? '', name: reference?.name ?? '', type: credentialType, data: credentials };
	const perSecond = requestsPerSecondOf(credentialType, credentials);
	const limiter = perSecond > 0 ? sharedLimiter(fingerprint(credentialType, credentials), perSecond, processesSharingKeyOf(credentials)) : undefined;
	return { credentials, decrypted, limiter };
}

/** Identifies the account behind a credential (two credentials with the same key share its limit) without keeping the secret itself. */
function fingerprint(credentialType: string, credentials: ICredentialDataDecryptedObject): string {
	const fields = Object.keys(credentials)
		.filter((name) => name !== RATE_LIMIT_FIELD && name !== REQUESTS_PER_SECOND_FIELD && name !== PROCESSES_FIELD)
		.sort()
		.map((name) => [name, credentials[name]]);
	return createHash('sha256')
		.update(JSON.stringify([credentialType, fields]))
		.digest('base64url');
}

/**
 * Waits for the credential's rate limit (nothing to wait for without one); the caller gives the slot back once
 * the attempt ended, which is at the latest `attemptTimeoutMs` from now.
 */
export async function rateLimitSlot(ctx: ServiceContext, session: CredentialSession, attemptTimeoutMs: number): Promise<ReleaseSlot | undefined> {
	const signal = 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
	return await session.limiter?.acquire(signal, attemptTimeoutMs);
}

/**
 * One attempt through n8n's own request helper (its proxy, TLS and SSRF settings, the credential type's
 * `authenticate`), with the session's decrypted credential so it is not read again.
 */
export async function sendWithSession(ctx: ServiceContext, credentialType: string, session: CredentialSession, request: IHttpRequestOptions): Promise<unknown> {
	// A copy per attempt: n8n may add pre-authentication data to what it is given.
	const credentialsDecrypted = { ...session.decrypted, data: { ...session.credentials } };
	return await ctx.helpers.httpRequestWithAuthentication.call(ctx, credentialType, request, { credentialsDecrypted });
}
