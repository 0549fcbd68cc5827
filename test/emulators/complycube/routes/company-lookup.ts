import { LOOKUP_COMPANIES, searchView } from '../companies';
import { invalid, notFound, notJson, ok, parseJson } from '../errors';
import type { Route } from './types';

// [PHP CompanyTest testSearchCompany] companyName and incorporationCountry; inferred: registrationNumber too (an attribute of
// every result; the Docs "Search company" page itself could not be read).
const SEARCH_FIELDS = ['companyName', 'registrationNumber', 'incorporationCountry'];

export const companyLookupRoutes: Route = (_context, request, [lookup, collection, id, ...rest]) => {
	if (lookup !== 'lookup' || collection !== 'companies' || rest.length) return undefined;
	// [PHP SearchResource] search POST /lookup/companies, details GET /lookup/companies/{id}; [Node SDK index.js] the same paths.
	if (request.method === 'POST' && !id) return searchCompanies(parseJson(request.body));
	if (request.method === 'GET' && id) {
		const company = LOOKUP_COMPANIES.find((candidate) => candidate.id === id);
		// [PHP CompanyTest testGetNonExistentCompanyDetails] an unknown id is a client error; the 404 text follows the other resources (inferred).
		return company ? ok(company) : notFound('company', id);
	}
	return undefined;
};

function searchCompanies(body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	// [PHP CompanyTest testSearchCompanyWithInvalidParameters] unknown parameters (param_1, param_2) are refused (400 text inferred).
	const unknown = Object.keys(body).find((key) => !SEARCH_FIELDS.includes(key));
	if (unknown) return invalid(`"${unknown}" is not allowed`, unknown);
	for (const field of SEARCH_FIELDS) {
		if (body[field] !== undefined && typeof body[field] !== 'string') return invalid(`"${field}" must be a string`, field);
	}
	// inferred: a search needs a country and a name or a number (every example passes a country).
	if (!body.incorporationCountry) return invalid('"incorporationCountry" is required', 'incorporationCountry');
	if (!/^[A-Z]{2}$/.test(String(body.incorporationCountry)))
		return invalid('"incorporationCountry" must be an ISO 3166-1 alpha-2 country code', 'incorporationCountry');
	if (!body.companyName && !body.registrationNumber) return invalid('"companyName" or "registrationNumber" is required', 'companyName');
	const name = String(body.companyName ?? '').toUpperCase();
	const found = LOOKUP_COMPANIES.filter(
		(company) =>
			company.incorporationCountry === body.incorporationCountry &&
			(!name || company.name.toUpperCase().includes(name)) &&
			(!body.registrationNumber || company.registrationNumber === body.registrationNumber),
	);
	// [PHP CompanyTest testSearchCompany: a ComplyCubeCollection of `items`] the page fields as the other lists (inferred); one page.
	return ok({ page: 1, pageSize: found.length, totalItems: found.length, pages: 1, items: found.map(searchView) });
}
