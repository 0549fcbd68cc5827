import { newId, now } from '../clock';
import { ADDRESS_TYPES } from '../constants';
import type { Context } from '../context';
import { deleted, invalid, notFound, notJson, ok, parseJson } from '../errors';
import { listAnswer } from '../lists';
import type { ComplyCubeAddress } from '../store';
import type { Route } from './types';

// [PHP AddressTest testListAddress (by clientId), testFilterAddressesLondonOnly (city=London)]; type and country inferred.
const ADDRESS_FILTERS = ['clientId', 'type', 'city', 'country', 'postalCode'];
// [Node SDK Addresses.d.ts AddressRequest] the writable string fields.
const OPTIONAL_FIELDS = ['propertyNumber', 'buildingName', 'state', 'postalCode', 'fromDate', 'toDate'] as const;

export const addressRoutes: Route = (context, request, [collection, id, ...rest]) => {
	if (collection !== 'addresses' || rest.length) return undefined;
	const { method } = request;
	// [Node SDK index.js Addresses] create POST /addresses, get GET /addresses/{id}, update POST /addresses/{id},
	// delete DELETE /addresses/{id}, list GET /addresses?clientId=&page=&pageSize=.
	if (method === 'POST' && !id) return createAddress(context, parseJson(request.body));
	if (method === 'GET' && !id) return listAnswer(context.store.addresses.values(), request.query, ADDRESS_FILTERS);
	if (!id) return undefined;
	const address = context.store.addresses.get(id);
	// [PHP AddressTest testGetNonExistentAddress 404; Docs overview/addresses/get-an-address 404 "Invalid address id '<id>'"]
	if (!address) return notFound('address', id);
	if (method === 'GET') return ok(address);
	if (method === 'POST') return updateAddress(address, parseJson(request.body));
	if (method === 'DELETE') {
		// [PHP AddressTest testDeleteAddress] a later GET is refused.
		context.store.addresses.delete(id);
		return deleted();
	}
	return undefined;
};

/** The first refusal for the fields present in body (all optional here; create checks the required ones first). */
function fieldRefusal(body: Record<string, unknown>) {
	// [PHP AddressTest testCreateAddressInvalidType] an unknown type is refused; [Docs create-an-address] main | alternative | other.
	if (body.type !== undefined && !(typeof body.type === 'string' && ADDRESS_TYPES.has(body.type))) {
		return invalid(`"type" must be one of [${[...ADDRESS_TYPES].join(', ')}]`, 'type');
	}
	// [PHP AddressTest testCreateInvalidCountryAddress ('J{'), testUpdateAddressInvalidCountryCode ('NOTACOUNTRYCODE')]
	// [Docs create-an-address "two-letter country ISO code"] the format check (upper-case A-Z) is inferred.
	if (body.country !== undefined && !(typeof body.country === 'string' && /^[A-Z]{2}$/.test(body.country))) {
		return invalid('"country" must be an ISO 3166-1 alpha-2 country code', 'country');
	}
	for (const field of ['line', 'city', ...OPTIONAL_FIELDS]) {
		if (body[field] !== undefined && typeof body[field] !== 'string') return invalid(`"${field}" must be a string`, field);
	}
	// [Docs create-an-address "fromDate / toDate ... The format is YYYY-MM-DD"]
	for (const field of ['fromDate', 'toDate']) {
		if (typeof body[field] === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(body[field] as string)) {
			return invalid(`"${field}" must be a date in the format YYYY-MM-DD`, field);
		}
	}
	return undefined;
}

function createAddress(context: Context, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	// [Docs overview/addresses/create-an-address "clientId*"] an unknown client: 404 as for documents and checks (inferred).
	if (typeof body.clientId !== 'string' || !context.store.clients.has(body.clientId)) return notFound('client', body.clientId, 'clientId');
	// [Docs overview/addresses/create-an-address line*, city*, country*; PHP AddressTest testCreateAddressMissingLine /
	// MissingCity / MissingCountry each refused]
	for (const field of ['line', 'city', 'country']) {
		if (typeof body[field] !== 'string' || !body[field]) return invalid(`"${field}" is required`, field);
	}
	const refusal = fieldRefusal(body);
	if (refusal) return refusal;
	const createdAt = now();
	const address: ComplyCubeAddress = {
		id: newId(),
		clientId: body.clientId,
		// inferred: an address created without a type is the client's main one (the SDK's Address.type is not optional).
		type: typeof body.type === 'string' ? body.type : 'main',
		line: body.line as string,
		city: body.city as string,
		country: body.country as string,
		createdAt,
		updatedAt: createdAt,
	};
	for (const field of OPTIONAL_FIELDS) if (typeof body[field] === 'string') address[field] = body[field] as string;
	context.store.addresses.set(address.id, address);
	// [PHP AddressTest testCreateAddress / testCreateAddressInLine] the answer echoes line, city, country.
	return ok(address);
}

function updateAddress(address: ComplyCubeAddress, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	const refusal = fieldRefusal(body);
	if (refusal) return refusal;
	// inferred: emptying a required field is refused as on create.
	for (const field of ['line', 'city'] as const) if (body[field] === '') return invalid(`"${field}" is required`, field);
	// [PHP AddressTest testUpdateAddress; Docs v.1.7.2 update-an-address "Any parameters not provided will be left unchanged"]
	for (const field of ['type', 'line', 'city', 'country', ...OPTIONAL_FIELDS] as const) {
		if (typeof body[field] === 'string') address[field] = body[field] as string;
	}
	address.updatedAt = now();
	return ok(address);
}
