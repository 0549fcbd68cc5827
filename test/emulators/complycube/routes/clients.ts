import { now } from '../clock';
import type { Context } from '../context';
import { deleted, invalid, notFound, notJson, ok, parseJson } from '../errors';
import { auditEntry, diffOf } from '../account';
import { emit } from '../event-delivery';
import { listAnswer } from '../lists';
import { personIdsRefusal } from '../personal-ids';
import { entityNameOf } from '../store';
import type { Route } from './types';

// [Docs clients/filtering] the attributes a client list can be filtered on (externalId is not one of them).
const CLIENT_FILTERS = [
	'type',
	'email',
	'joinedDate',
	'mobile',
	'telephone',
	'personDetails.firstName',
	'personDetails.middleName',
	'personDetails.lastName',
	'personDetails.dob',
	'personDetails.gender',
	'personDetails.nationality',
	'personDetails.birthCountry',
	'companyDetails.name',
	'companyDetails.website',
	'companyDetails.registrationNumber',
	'companyDetails.incorporationType',
	'companyDetails.incorporationCountry',
	'metadata.*',
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

export const clientRoutes: Route = (context, request, [collection, id, action]) => {
	if (collection !== 'clients' || action) return undefined;
	const { method } = request;
	// [Node SDK index.js Clients] create POST /clients, get GET /clients/{id}, update POST /clients/{id}, delete DELETE /clients/{id}, list GET /clients.
	if (method === 'POST' && !id) return createClient(context, parseJson(request.body));
	if (method === 'GET' && !id)
		return listAnswer(context.store.clients.values() as Iterable<Record<string, unknown> & { createdAt: string }>, request.query, CLIENT_FILTERS);
	if (!id) return undefined;
	const client = context.store.clients.get(id);
	// [PHP ClientTest testGetNonExistentPersonById] an unknown id answers 404.
	if (!client) return method === 'GET' || method === 'POST' || method === 'DELETE' ? notFound('client', id) : undefined;
	if (method === 'GET') return ok(client);
	if (method === 'POST') return updateClient(context, client, parseJson(request.body));
	if (method === 'DELETE') {
		context.store.clients.delete(id);
		context.store.auditLogs.push(auditEntry({ resourceType: 'client', resourceId: id, clientId: id, trigger: 'deleteClient', action: 'delete' }));
		// [Docs webhooks Event Types (v1.7.3 table)] client.deleted; payload the id (docs/complycube-api.md §7).
		emit(context, 'client.deleted', 'client', { id });
		// [PHP ClientTest testDeletePerson] after a delete, GET answers an error (404).
		return deleted();
	}
	return undefined;
};

function createClient(context: Context, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	// [PHP ClientTest testClientMissingType; Docs clients/create-a-client type* person|company] checked first (order inferred).
	if (body.type !== 'person' && body.type !== 'company') return invalid('"type" must be one of [person, company]', 'type');
	// [PHP ClientTest testClientMissingEmail; Docs create-a-client email*]
	if (typeof body.email !== 'string' || !EMAIL.test(body.email)) return invalid('"email" must be a valid email', 'email');
	const refusal = detailsRefusal(body, body.type) ?? metadataRefusal(body.metadata);
	if (refusal) return refusal;
	const fields = { ...body };
	delete fields.id;
	if (body.type === 'person') delete fields.companyDetails;
	else delete fields.personDetails;
	const id = context.store.addClient(fields);
	const client = context.store.clients.get(id)!;
	// [Docs audit-logs list example: resourceType "client", trigger "updateClient", action "update"] create/delete by analogy (inferred).
	context.store.auditLogs.push(
		auditEntry({ resourceType: 'client', resourceId: id, clientId: id, trigger: 'createClient', action: 'create', memberId: body.lastActionBy }),
	);
	// [Docs webhooks Event Types] client.created
	emit(context, 'client.created', 'client', client);
	return ok(client);
}

function updateClient(context: Context, client: Record<string, unknown>, body: Record<string, unknown> | undefined) {
	if (!body) return notJson();
	// inferred: a client's type cannot change.
	if (body.type !== undefined && body.type !== client.type) return invalid('"type" cannot be changed', 'type');
	if (body.email !== undefined && (typeof body.email !== 'string' || !EMAIL.test(body.email))) return invalid('"email" must be a valid email', 'email');
	const metadataProblem = body.metadata === undefined ? undefined : metadataRefusal(body.metadata);
	if (metadataProblem) return metadataProblem;
	// [PHP ClientTest testUpdateCompanyClientWithValidWebsite] nested details merge: updating the website keeps the name.
	const merged: Record<string, unknown> = { ...client };
	for (const [key, value] of Object.entries(body)) {
		if (['id', 'createdAt', 'updatedAt', 'entityName', 'type'].includes(key)) continue;
		// [PHP ClientTest testUpdatePersonWithUselessInformation] companyDetails on a person is accepted and ignored.
		if ((key === 'companyDetails' && client.type === 'person') || (key === 'personDetails' && client.type === 'company')) continue;
		merged[key] = isObject(value) && isObject(client[key]) && key !== 'metadata' ? { ...client[key], ...value } : value;
	}
	const refusal = detailsRefusal(merged, String(client.type));
	if (refusal) return refusal;
	merged.entityName = entityNameOf(merged);
	merged.updatedAt = now();
	context.store.clients.set(String(client.id), merged);
	context.store.auditLogs.push(
		auditEntry({
			resourceType: 'client',
			resourceId: String(client.id),
			clientId: String(client.id),
			trigger: 'updateClient',
			action: 'update',
			memberId: body.lastActionBy,
			diff: diffOf(client, body),
		}),
	);
	// [Docs webhooks Event Types] client.updated
	emit(context, 'client.updated', 'client', merged);
	return ok(merged);
}

function detailsRefusal(body: Record<string, unknown>, type: string) {
	if (type === 'person') {
		// [Docs errors "Example of Standard Errors" Bad Request] word for word, with param "personDetails".
		if (!isObject(body.personDetails)) return invalid("'personDetails' must be provided when client type is `person`", 'personDetails');
		const details = body.personDetails;
		// [PHP ClientTest testPersonMissingFirstName / testPersonMissingLastName; Docs AML guide "you must provide a first and last name"]
		if (typeof details.firstName !== 'string' || !details.firstName) return invalid('"personDetails.firstName" is required', 'personDetails.firstName');
		if (typeof details.lastName !== 'string' || !details.lastName) return invalid('"personDetails.lastName" is required', 'personDetails.lastName');
		// inferred: dob, when given, is YYYY-MM-DD like joinedDate.
		if (details.dob !== undefined && details.dob !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(details.dob))) {
			return invalid('"personDetails.dob" must be in YYYY-MM-DD format', 'personDetails.dob');
		}
		// [Node SDK 1.1.13 Clients.d.ts PersonDetails] ssn, socialInsuranceNumber, nationalIdentityNumber, taxIdentificationNumber
		// (their formats inferred: personal-ids.ts).
		const idRefusal = personIdsRefusal(details);
		if (idRefusal) return idRefusal;
	} else {
		const details = isObject(body.companyDetails) ? body.companyDetails : {};
		// [Docs AML guide "for companies only the name is required"]
		if (typeof details.name !== 'string' || !details.name) return invalid('"companyDetails.name" is required', 'companyDetails.name');
	}
	return undefined;
}

// [Docs clients (metadata) "up to 50 keys, key names up to 40 characters, values up to 500 characters";
//  PHP ClientTest testCreateClientWithMetadataContaining* : a list, non-string values, a 44-char key, a 504-char value are refused]
function metadataRefusal(metadata: unknown) {
	if (metadata === undefined || metadata === null) return undefined;
	if (!isObject(metadata)) return invalid('"metadata" must be an object of string keys and string values', 'metadata');
	const entries = Object.entries(metadata);
	if (entries.length > 50) return invalid('"metadata" must have at most 50 keys', 'metadata');
	for (const [key, value] of entries) {
		if (key.length > 40) return invalid('"metadata" keys must be at most 40 characters long', 'metadata');
		if (typeof value !== 'string') return invalid('"metadata" values must be strings', 'metadata');
		if (value.length > 500) return invalid('"metadata" values must be at most 500 characters long', 'metadata');
	}
	return undefined;
}
