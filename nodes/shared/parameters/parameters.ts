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

/** A required ID that goes into a URL path: not empty, and not '.' or '..', which no URL can keep in one segment. */
export function requiredId(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const id = requiredText(ctx, name, label, itemIndex);
	if (id === '.' || id === '..') {
		throw new InputRefusal(
			`${label} '${id}' is not a valid ID`,
			`Set ${label} to the id the service answered when it created the record (e.g. 5eb04fcd0f3e360008035eb1); '.' and '..' cannot be sent as an ID.`,
		);
	}
	return id;
}
