import { InputRefusal } from '../../../shared/parameters/input-refusal';

/** Checks ComplyCube applies to field values, made before sending so the user learns which field is wrong. */

export function assertIsoDate(label: string, value: string): void {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
	if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
		throw new InputRefusal(`${label} '${value}' is not a date in the form YYYY-MM-DD`, `ComplyCube takes dates as YYYY-MM-DD, e.g. 1990-04-25.`);
	}
}

export function assertCountryCode(label: string, value: string): void {
	if (!/^[A-Z]{2}$/.test(value)) {
		throw new InputRefusal(`${label} '${value}' is not a two-letter country code`, `ComplyCube takes ISO 3166-1 alpha-2 codes in capitals, e.g. GB, US, FR.`);
	}
}

export { assertEmail } from '../../../shared/parameters/email';

/** An absolute http(s) URL, as ComplyCube requires for redirect targets. */
export function assertAbsoluteUrl(label: string, value: string): void {
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		throw new InputRefusal(
			`${label} '${value}' is not an absolute http(s) URL`,
			`Set ${label} to a full address starting with https:// (or http://), e.g. https://example.com/verified.`,
		);
	}
}
