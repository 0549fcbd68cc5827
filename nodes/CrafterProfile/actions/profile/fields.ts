import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { itemParameter } from '../../../shared/parameters/item-parameter';
import { requiredText } from '../../../shared/parameters/parameters';

export const tenantNameField: INodeProperties = {
	displayName: 'Tenant Name',
	name: 'tenantName',
	type: 'string',
	default: 'default',
	required: true,
	description: 'The Crafter Profile tenant the profiles belong to',
};

export const tenantNameOf = (ctx: IExecuteFunctions, itemIndex: number) => requiredText(ctx, 'tenantName', 'Tenant Name', itemIndex);

/** Get, Get Many and the writes answer the profile; this narrows its attributes (attributeToReturn). */
export const attributesToReturnOption: INodeProperties = {
	displayName: 'Attributes to Return',
	name: 'attributesToReturn',
	type: 'string',
	default: '',
	placeholder: 'e.g. firstName, kycStatus',
	description: 'Comma-separated attribute names: only these attributes are returned. Empty returns every attribute the access token may read.',
};

/** Comma-separated names, trimmed, empty ones left out. */
export const splitNames = (text: string) =>
	text
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);

/** A required comma-separated list (roles, attribute names): at least one name. */
export function requiredNames(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number): string[] {
	const names = splitNames(requiredText(ctx, name, label, itemIndex));
	if (!names.length) throw new InputRefusal(`${label} has no names in it`, `Set ${label} to one or more names separated by commas.`);
	return names;
}

/** The attributeToReturn parameter from Options → Attributes to Return. */
export function attributesToReturnOf(ctx: IExecuteFunctions, itemIndex: number): string[] {
	return splitNames(String(ctx.getNodeParameter('options.attributesToReturn', itemIndex, '') ?? ''));
}

function parseJson(text: string): { value: unknown } | { error: string } {
	try {
		return { value: JSON.parse(text) as unknown };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

/**
 * A JSON object parameter (attributes, a query): typed JSON text or an expression giving an object. Invalid
 * JSON or anything but an object is refused before sending, naming the field; the value is not repeated.
 */
export function jsonObjectOf(ctx: IExecuteFunctions, name: string, label: string, itemIndex: number, fallback = '{}'): IDataObject {
	const value: unknown = itemParameter(ctx, name, itemIndex, fallback);
	let parsed: unknown = value;
	if (typeof value === 'string') {
		if (!value.trim()) return {};
		const read = parseJson(value);
		if ('error' in read) throw new InputRefusal(`${label} is not valid JSON (${read.error})`, `Write ${label} as a JSON object, e.g. {"firstName": "Ada"}.`);
		parsed = read.value;
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new InputRefusal(`${label} is not a JSON object`, `Write ${label} as a JSON object in braces, e.g. {"firstName": "Ada"}.`);
	}
	return parsed as IDataObject;
}

/** Options with only Attributes to Return, for the operations that answer a profile and take nothing else. */
export const attributesOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [attributesToReturnOption],
};

export const rolesField = (description: string): INodeProperties => ({
	displayName: 'Roles',
	name: 'roles',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. VERIFIED_CUSTOMER',
	description,
});

/** Attributes as a JSON object: in Create's and Update's collections, and the Update Attributes parameter. */
export const attributesJsonField = (description: string, required = false): INodeProperties => ({
	displayName: 'Attributes (JSON)',
	name: 'attributes',
	type: 'json',
	default: '{}',
	...(required ? { required } : {}),
	description,
});
