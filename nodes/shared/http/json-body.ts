import type { IDataObject } from 'n8n-workflow';

/**
 * A JSON request body serialised once, when the operation builds it: an item read ahead (send-turns.ts)
 * does this while the item before it is at the service, rather than n8n's HTTP client doing it after the
 * item's turn came, and every attempt sends the same bytes.
 */
export function jsonBody(value: IDataObject): { body: Buffer; headers: { 'content-type': string } } {
	return { body: Buffer.from(JSON.stringify(value)), headers: { 'content-type': 'application/json' } };
}
