import { sleep, type IExecuteFunctions, type IN8nHttpFullResponse } from 'n8n-workflow';

import { MAX_ATTEMPTS, retryDelayMs, shouldRetry, type AttemptOutcome } from '../../shared/http/retry-policy';
import { ServiceError, ServiceUnreachableError } from '../../shared/http/service-error';
import { timeoutMsFor } from '../../shared/http/request-guard';
import { networkCodeOf } from '../../shared/http/network-code';

const REFUSED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/** Whether an answer's `data` is a content URL rather than the file itself as base64. */
export function isContentUrl(data: string): boolean {
	if (!/^https?:\/\//i.test(data)) return false;
	try {
		new URL(data);
		return true;
	} catch {
		return false;
	}
}

/**
 * Downloads the bytes behind a content URL that ComplyCube answered (a workflow session report's `data`: a
 * link valid for 10 minutes). The link carries its own authorisation, so the API key is not sent: it may point
 * at a storage host that is not ComplyCube. A GET changes nothing, so faults are retried.
 */
export async function downloadContentUrl(ctx: IExecuteFunctions, url: string, itemIndex?: number): Promise<Buffer> {
	// Errors name the host only: the rest of the link is what grants access to the file.
	const where = new URL(url).origin;
	const timeout = timeoutMsFor(ctx, { service: 'ComplyCube', idempotent: true, itemIndex, transfer: true });
	for (let attempt = 1; ; attempt++) {
		let outcome: AttemptOutcome;
		let failure: Error;
		const abortSignal = AbortSignal.timeout(timeout);
		try {
			const response = (await ctx.helpers.httpRequest({
				method: 'GET',
				url,
				timeout,
				abortSignal,
				encoding: 'arraybuffer',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as IN8nHttpFullResponse;
			const body = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body as ArrayBuffer);
			if (response.statusCode < 400) return body;
			outcome = { kind: 'status', status: response.statusCode };
			const text = body.toString('utf8').slice(0, 200).trim();
			failure = new ServiceError('ComplyCube', response.statusCode, text, `the report's content link at ${where} answered: ${text || `HTTP ${response.statusCode}`}`);
		} catch (error) {
			const code = abortSignal.aborted ? 'ETIMEDOUT' : networkCodeOf(error);
			outcome = { kind: 'network', arrived: !REFUSED_CODES.has(code) };
			const words = abortSignal.aborted ? `no answer came within ${timeout / 1000} s (Options → Timeout), so the download was abandoned` : undefined;
			failure = new ServiceUnreachableError('ComplyCube', where, code, outcome.arrived, words);
		}
		// A fixed number of attempts here, 429s included: this path has no call deadline to bound them.
		if (attempt >= MAX_ATTEMPTS || !shouldRetry(outcome, attempt, true)) throw failure;
		await sleep(retryDelayMs(attempt));
	}
}
