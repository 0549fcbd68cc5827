import { invalid, notJson, ok, parseJson } from '../errors';
import type { Route } from './types';

// [Docs lookups/address-search/search-address "The Address object"] the fields of a found address. The addresses
// themselves are made up (the docs' example request searches "350 Fifth", 10118, US).
const KNOWN_ADDRESSES = [
	{ propertyNumber: '350', buildingName: 'Empire State Building', line: '350 Fifth Avenue', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' },
	{ propertyNumber: '350', line: '350 Fifth Avenue Suite 5300', city: 'New York', state: 'NY', postalCode: '10118', country: 'US' },
	{ propertyNumber: 'Flat 323', line: 'Common street', city: 'Aldgate', state: 'London', postalCode: 'W99 0RD', country: 'GB' },
];

const REQUIRED = ['line', 'postalCode', 'country'];
const normal = (value: unknown) => String(value).replace(/\s+/g, '').toUpperCase();

export const addressLookupRoutes: Route = (_context, request, [lookup, collection, ...rest]) => {
	if (lookup !== 'lookup' || collection !== 'addresses' || rest.length || request.method !== 'POST') return undefined;
	const body = parseJson(request.body);
	if (!body) return notJson();
	// [Docs search-address] line*, country*, postalCode* (the 400 texts follow the other resources: inferred).
	for (const field of REQUIRED) if (typeof body[field] !== 'string' || !body[field]) return invalid(`"${field}" is required`, field);
	if (!/^[A-Z]{2}$/.test(String(body.country))) return invalid('"country" must be an ISO 3166-1 alpha-2 country code', 'country');
	// inferred: an address matches on its country and postal code, and a line that starts with (or holds) the one searched.
	const found = KNOWN_ADDRESSES.filter(
		(address) => address.country === body.country && normal(address.postalCode) === normal(body.postalCode) && normal(address.line).includes(normal(body.line)),
	);
	// [Docs "The API returns a list of matching addresses"] as a page of items, like the company search (inferred).
	return ok({ page: 1, pageSize: found.length, totalItems: found.length, pages: 1, items: found });
};
