import type { Context } from '../context';
import { addRecord, customListView, type ComplyCubeCustomList } from '../custom-lists';
import { invalid, notFound, notJson, ok, parseJson } from '../errors';
import { listAnswer } from '../lists';
import type { Route } from './types';

// [Docs tools/custom-lists/add-entity-to-custom-list] the enumerations of the entity body.
const ENTITY_TYPES = ['person', 'company'];
const NAME_TYPES = ['primary', 'alias', 'maiden_name', 'localised_name', 'low_quality_alias'];
const GENDERS = ['male', 'female', 'other'];
const COUNTRY_TYPES = ['Jurisdiction', 'Resident of', 'Citizenship', 'Country of Registration'];
const DATE_TYPES = ['Date of Birth', 'Date of Registration'];

export const customListRoutes: Route = (context, request, [collection, id, sub, ...rest]) => {
	if (collection !== 'customLists' || rest.length) return undefined;
	// [PHP CustomListApi] get GET /customLists/{id}, list GET /customLists, add POST /customLists/{id}/records.
	if (request.method === 'GET' && !id) return listAnswer(context.store.customLists.values(), request.query, [], customListView);
	if (!id) return undefined;
	const list = context.store.customLists.get(id);
	if (request.method === 'GET' && !sub) {
		// [PHP CustomListTest testGetNonExistentCustomList] an unknown id is a client error; the 404 text follows the other resources (inferred).
		return list ? ok(customListView(list)) : notFound('custom list', id);
	}
	if (request.method === 'POST' && sub === 'records') return addEntity(context, list, id, parseJson(request.body));
	return undefined;
};

function addEntity(_context: Context, list: ComplyCubeCustomList | undefined, id: string, body: Record<string, unknown> | undefined) {
	if (!list) return notFound('custom list', id);
	if (!body) return notJson();
	const refusal = entityRefusal(body);
	if (refusal) return refusal;
	// inferred: the answer is the stored record (PHP CustomListApi::add discards it; the Docs example response was not readable).
	return ok(addRecord(list, body));
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** [Docs add-entity-to-custom-list; PHP testAddInvalidPersonEntityToCustomList (no names) refused] the first refusal. */
function entityRefusal(body: Record<string, unknown>) {
	if (!ENTITY_TYPES.includes(String(body.entityType))) return invalid(`"entityType" must be one of [${ENTITY_TYPES.join(', ')}]`, 'entityType');
	if (!Array.isArray(body.names) || body.names.length === 0) return invalid('"names" is required', 'names');
	for (const name of body.names) {
		if (!isObject(name)) return invalid('"names" must be an array of name objects', 'names');
		// [Docs "The name object"] firstName and lastName are required for a person, companyName for a company.
		const required = body.entityType === 'person' ? ['firstName', 'lastName'] : ['companyName'];
		const missing = required.find((key) => typeof name[key] !== 'string' || !name[key]);
		if (missing) return invalid(`"names.${missing}" is required when entityType is ${String(body.entityType)}`, `names.${missing}`);
		if (name.type !== undefined && !NAME_TYPES.includes(String(name.type)))
			return invalid(`"names.type" must be one of [${NAME_TYPES.join(', ')}]`, 'names.type');
	}
	if (body.active !== undefined && typeof body.active !== 'boolean') return invalid('"active" must be a boolean', 'active');
	if (body.gender !== undefined && !GENDERS.includes(String(body.gender))) return invalid(`"gender" must be one of [${GENDERS.join(', ')}]`, 'gender');
	for (const entry of Array.isArray(body.countries) ? body.countries : []) {
		if (!isObject(entry) || !COUNTRY_TYPES.includes(String(entry.type)))
			return invalid(`"countries.type" must be one of [${COUNTRY_TYPES.join(', ')}]`, 'countries.type');
		if (!/^[A-Z]{2}$/.test(String(entry.country))) return invalid('"countries.country" must be an ISO 3166-1 alpha-2 country code', 'countries.country');
	}
	for (const entry of Array.isArray(body.dates) ? body.dates : []) {
		if (!isObject(entry) || !DATE_TYPES.includes(String(entry.type))) return invalid(`"dates.type" must be one of [${DATE_TYPES.join(', ')}]`, 'dates.type');
		// [Docs "The dates object"] day "01"-"31", month "1"-"12", year YYYY, each a string.
		const date = isObject(entry.date) ? entry.date : {};
		const valid = /^\d{4}$/.test(String(date.year)) && Number(date.month) >= 1 && Number(date.month) <= 12 && Number(date.day) >= 1 && Number(date.day) <= 31;
		if (!valid || typeof date.day !== 'string' || typeof date.month !== 'string' || typeof date.year !== 'string') {
			return invalid('"dates.date" must be {day, month, year} as strings', 'dates.date');
		}
	}
	if (body.images !== undefined && !(Array.isArray(body.images) && body.images.every((image) => typeof image === 'string'))) {
		return invalid('"images" must be an array of strings', 'images');
	}
	return undefined;
}
