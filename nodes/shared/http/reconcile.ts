import type { IDataObject } from 'n8n-workflow';

/**
 * Asks the service whether a create that failed ambiguously happened: the record it made since `since`
 * (the time the call's first attempt started), or undefined when it holds none. Throws when it cannot be asked.
 */
export type Reconcile = (since: Date) => Promise<IDataObject | undefined>;

/** The key of the note a recovered record carries in its `json`. */
export const RECONCILED_KEY = '_reconciled';

/**
 * How far before the attempt a record's `createdAt` may lie and still count as the attempt's: the service's
 * clock and n8n's are not the same clock.
 */
export const CLOCK_TOLERANCE_MS = 5_000;

/** Whether a record's `createdAt` lies after `since` (less the clock tolerance). */
export function createdSince(record: IDataObject | undefined, since: Date): boolean {
	const createdAt = Date.parse(String(record?.createdAt ?? ''));
	return Number.isFinite(createdAt) && createdAt >= since.getTime() - CLOCK_TOLERANCE_MS;
}

/** The newest of the records created since `since` that match, or undefined. */
export function newestSince(records: unknown, since: Date, matches: (record: IDataObject) => boolean): IDataObject | undefined {
	if (!Array.isArray(records)) return undefined;
	return (records as IDataObject[])
		.filter((record) => record && typeof record === 'object' && createdSince(record, since) && matches(record))
		.sort((a, b) => Date.parse(String(b.createdAt)) - Date.parse(String(a.createdAt)))[0];
}

/** The record the service holds, with the note that says it was found rather than answered. */
export function markRecovered(record: IDataObject, service: string, failure: Error): IDataObject {
	return {
		...record,
		[RECONCILED_KEY]: {
			recovered: true,
			reason: `The answer was lost (${failure.message}); ${service} was asked and holds what this request sent, so it was not sent again.`,
		},
	};
}
