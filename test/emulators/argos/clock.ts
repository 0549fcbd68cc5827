/**
 * [GET-SUB-ID] record dates are `YYYY-MM-DD-HH-MM-SS-ZZZ` strings (e.g. created_at); read here as UTC with
 * milliseconds last (inferred: the page shows the pattern, not its time zone).
 */
export function argosTimestamp(date = new Date()): string {
	const iso = date.toISOString(); // 2025-03-03T09:15:00.000Z
	return `${iso.slice(0, 10)}-${iso.slice(11, 13)}-${iso.slice(14, 16)}-${iso.slice(17, 19)}-${iso.slice(20, 23)}`;
}

/** The YYYY-MM-DD day of an Argos timestamp. */
export const dayOf = (timestamp: string) => timestamp.slice(0, 10);

/** [WH-UPD] webhook `update_time` is "UTC+0, ISO 8601". */
export const isoNow = () => new Date().toISOString();
