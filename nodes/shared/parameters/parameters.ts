import type { IExecuteFunctions } from 'n8n-workflow';
import { InputRefusal } from './input-refusal';
import { itemParameter } from './item-parameter';

/** A required text parameter, trimmed; an empty value (often an expression that found nothing) is a clear error. */
export function requiredText(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(itemParameter(ctx, name, itemIndex, '') ?? '').trim();
	if (!value) {
		// An InputRefusal: the item's error says that nothing was sent.
		throw new InputRefusal(`${label} is empty`, `Set ${label}; if it comes from an expression, check that the expression finds a value for this item.`);
	}
	return value;
}

export function optionalText(ctx: IExecuteFunctions, name: string, itemIndex: number): string | undefined {
	const value = String(itemParameter(ctx, name, itemIndex, '') ?? '').trim();
	return value || undefined;
}

/**
 * Far longer than any ID the three services hand out (ComplyCube and Crafter: 24 hex characters; Argos: under 64), so a
 * longer value is something else (often a whole record an expression picked up) and is refused before sending.
 */
export const MAX_ID_LENGTH = 256;
/** How much of a refused ID the message shows. */
const SHOWN_ID_LENGTH = 40;

/** An ID as a refusal shows it: whole when short, else its start and an ellipsis. */
export function shownId(id: string): string {
	return id.length > SHOWN_ID_LENGTH ? `${id.slice(0, SHOWN_ID_LENGTH)}…` : id;
}

/** An ID that could be one: not '.' or '..' (no URL keeps them in one segment), and not far longer than any service ID. */
function assertPlausibleId(id: string, label: string): void {
	if (id === '.' || id === '..') {
		throw new InputRefusal(
			`${label} '${id}' is not a valid ID`,
			`Set ${label} to the id the service answered when it created the record (e.g. 5eb04fcd0f3e360008035eb1); '.' and '..' cannot be sent as an ID.`,
		);
	}
	if (id.length > MAX_ID_LENGTH) {
		throw new InputRefusal(
			`${label} '${shownId(id)}' is ${id.length.toLocaleString('en-US')} characters long, far longer than any ID`,
			`Set ${label} to the id alone (e.g. 5eb04fcd0f3e360008035eb1); if it comes from an expression, check that it picks the id field rather than a whole record or text.`,
		);
	}
}

/** A required ID (in a URL path or a body): not empty, and plausible (assertPlausibleId). */
export function requiredId(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const id = requiredText(ctx, name, label, itemIndex);
	assertPlausibleId(id, label);
	return id;
}

/** An optional ID: undefined when empty, otherwise checked as requiredId checks it. */
export function optionalId(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string | undefined {
	const id = optionalText(ctx, name, itemIndex);
	if (id !== undefined) assertPlausibleId(id, label);
	return id;
}
