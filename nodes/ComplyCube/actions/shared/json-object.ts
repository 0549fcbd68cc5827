import { jsonParse, type IDataObject } from 'n8n-workflow';

import { InputRefusal } from '../../../shared/parameters/input-refusal';

/** A JSON parameter as an object; what is not a JSON object is refused, naming the field. */
export function jsonObject(label: string, value: unknown): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	let parsed: unknown = value;
	if (typeof value === 'string') {
		try {
			parsed = jsonParse(value);
		} catch {
			parsed = undefined;
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InputRefusal(`${label} is not a JSON object`, `Set ${label} to a JSON object such as {"key": "value"}, or leave it as {}.`);
	}
	return Object.keys(parsed).length ? (parsed as IDataObject) : undefined;
}
