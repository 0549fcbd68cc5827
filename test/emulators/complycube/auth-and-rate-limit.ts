import { COMPLYCUBE_API_KEY, COMPLYCUBE_LIVE_API_KEY } from './constants';
import { rateLimited, unauthenticated } from './errors';
import type { EmulatorResponse } from '../emulator-server';

/** The gate in front of /v1: the raw key, then the per-key rate limit. */
export class Gate {
	/** The next n authenticated requests answer 429 (see throttleNext). */
	throttled = 0;
	/** A Retry-After header on those 429s (a test's fault; ComplyCube documents none). */
	throttledRetryAfter?: string;
	private readonly recent = new Map<string, number[]>();

	constructor(private readonly rateLimit: boolean) {}

	/** undefined when the request may go on; otherwise the refusal. */
	check(authorization: string | undefined): EmulatorResponse | undefined {
		// [Node SDK index.js (headers.Authorization = apiKey); PHP lib/ApiClient.php] the raw key, no "Bearer ".
		if (authorization !== COMPLYCUBE_API_KEY && authorization !== COMPLYCUBE_LIVE_API_KEY) return unauthenticated();
		if (this.throttled > 0) {
			this.throttled--;
			const refusal = rateLimited();
			return this.throttledRetryAfter === undefined ? refusal : { ...refusal, headers: { 'retry-after': this.throttledRetryAfter } };
		}
		if (!this.rateLimit) return undefined;
		// [Docs rate-limits] live keys 10 requests/s, sandbox (test_) keys 5 requests/s, per key.
		const limit = authorization.startsWith('test_') ? 5 : 10;
		const windowStart = Date.now() - 1000;
		const recent = (this.recent.get(authorization) ?? []).filter((time) => time > windowStart);
		this.recent.set(authorization, recent);
		if (recent.length >= limit) return rateLimited();
		recent.push(Date.now());
		return undefined;
	}
}
