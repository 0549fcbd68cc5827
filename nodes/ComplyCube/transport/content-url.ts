import type { IExecuteFunctions } from 'n8n-workflow';

import { callService } from '../../shared/http/service-request';
import { summarise } from '../../shared/http/service-error';

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
 * link valid for 10 minutes). The link carries its own authorisation, so it is sent without the credential: it
 * may point at a storage host that is not ComplyCube. A GET changes nothing, so faults are retried, on the
 * request path every call takes (timeouts, retries, the size cap).
 */
export async function downloadContentUrl(ctx: IExecuteFunctions, url: string, itemIndex?: number): Promise<Buffer> {
	// Errors name the host only: the rest of the link is what grants access to the file.
	const where = new URL(url).origin;
	const response = await callService(ctx, {
		service: 'ComplyCube',
		idempotent: true,
		itemIndex,
		transfer: true,
		// The link's query is what grants access (a signature): never shown.
		secrets: [new URL(url).search.slice(1)].filter(Boolean),
		messageOf: (body) => `the report's content link at ${where} answered: ${summarise(body)}`,
		build: () => ({ method: 'GET', url, encoding: 'arraybuffer' }),
	});
	const { body } = response;
	return Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
}
