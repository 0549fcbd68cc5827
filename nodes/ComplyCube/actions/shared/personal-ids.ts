import { InputRefusal } from '../../../shared/parameters/input-refusal';

/**
 * Identity numbers ComplyCube would refuse, refused before sending. They are personal data: a message names the
 * field and shows at most the last two characters, never the value. The rules are inferred (ComplyCube publishes
 * no format for these fields): what no number of the kind can look like is refused, nothing stricter.
 */

/** The end of a value, safe to show: the last two characters of a value of six or more, nothing of a shorter one. */
export function valueTail(value: string): string {
	return value.length >= 6 ? `ending '…${value.slice(-2)}'` : `of ${value.length} character${value.length === 1 ? '' : 's'}`;
}

/**
 * A US Social Security number: nine digits, written 123-45-6789 or 123456789. Area 000, 666 and 900–999, group 00
 * and serial 0000 are never issued (SSA, "Social Security Number Randomization"); ComplyCube's ssn_check verifies
 * the number, so such a value cannot pass.
 */
export function assertSsn(label: string, value: string): void {
	const match = /^(\d{3})-?(\d{2})-?(\d{4})$/.exec(value);
	const [area, group, serial] = match ? [match[1], match[2], match[3]] : [];
	if (!match || area === '000' || area === '666' || area! >= '900' || group === '00' || serial === '0000') {
		throw new InputRefusal(
			`${label} ${valueTail(value)} is not a US Social Security number`,
			`Set ${label} to the nine digits of the number, as 123-45-6789 or 123456789.`,
		);
	}
}

/** Letters and digits, with spaces, hyphens, dots or slashes between them; at most 50 characters (inferred). */
const ID_NUMBER = /^[A-Za-z0-9](?:[A-Za-z0-9 ./-]{0,48}[A-Za-z0-9])?$/;

/** A document number, national identity, social insurance or tax number: what an issuer prints on a card. */
export function assertIdNumber(label: string, value: string): void {
	if (!ID_NUMBER.test(value)) {
		throw new InputRefusal(
			`${label} ${valueTail(value)} is not a number ComplyCube takes`,
			`Set ${label} to the number as printed: letters and digits (spaces, hyphens, dots or slashes between them), at most 50 characters.`,
		);
	}
}
