import type { AccessToken } from './access-tokens';
import { attributeAllows, type Tenant } from './tenants';

/*
 * The query of by_query / count_by_query. ProfileServiceImpl.validateQuery refuses, in this order, a "tenant"
 * field (QUERY_TENANT_PATTERN), a $where (QUERY_WHERE_PATTERN), and any attribute the application may not read
 * (QUERY_ATTRIBUTE_PATTERN_FORMAT); then getFinalQuery wraps it as {$and: [{tenant: '<tenant>'}, <query>]} for
 * MongoDB. The matcher below covers the MongoDB operators a profile search uses; the real server also accepts
 * Jongo's relaxed syntax (unquoted keys, single quotes), which this emulator does not parse.
 */

export type QueryRefusal = { key: 'tenant' } | { key: 'where' } | { key: 'attribute'; name: string };

const TENANT_PATTERN = /['"]?tenant['"]?\s*:/;
const WHERE_PATTERN = /['"]?\$where['"]?\s*:/;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function refuseQuery(tenant: Tenant, token: AccessToken, query: string): QueryRefusal | undefined {
	if (TENANT_PATTERN.test(query)) return { key: 'tenant' };
	if (WHERE_PATTERN.test(query)) return { key: 'where' };
	for (const definition of tenant.attributeDefinitions) {
		if (attributeAllows(definition, token, 'READ_ATTRIBUTE')) continue;
		const pattern = new RegExp(`['"]?attributes\\.${escapeRegex(definition.name)}(\\.[^'":]+)?['"]?\\s*:`);
		if (pattern.test(query)) return { key: 'attribute', name: definition.name };
	}
	return undefined;
}

/** errors.properties profile.profile.query.* */
export function queryRefusalMessage(refusal: QueryRefusal): string {
	if (refusal.key === 'tenant') return 'Field "tenant" is not allowed in query';
	if (refusal.key === 'where') return '$where operator is not allowed in query';
	return `Attribute "${refusal.name}" is not allowed in query`;
}

/** Thrown for what MongoDB itself would refuse (an unknown operator); the server reports it as 500 OTHER. */
export class MongoQueryError extends Error {}

export function parseQuery(query: string): Record<string, unknown> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(query);
	} catch {
		throw new MongoQueryError(`cannot parse query ${query}`);
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new MongoQueryError('query is not a document');
	return parsed as Record<string, unknown>;
}

function valuesAt(document: unknown, path: string[]): unknown[] {
	if (path.length === 0) return [document];
	if (Array.isArray(document)) return document.flatMap((element) => valuesAt(element, path));
	if (!document || typeof document !== 'object') return [];
	const [head, ...rest] = path;
	if (!(head in (document as Record<string, unknown>))) return [];
	return valuesAt((document as Record<string, unknown>)[head], rest);
}

const candidatesOf = (values: unknown[]) => values.flatMap((value) => (Array.isArray(value) ? [value, ...value] : [value]));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compare(a: unknown, b: unknown): number | undefined {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
	return undefined;
}

function matchOperator(values: unknown[], operator: string, operand: unknown): boolean {
	const candidates = candidatesOf(values);
	switch (operator) {
		case '$eq':
			return candidates.some((value) => same(value, operand));
		case '$ne':
			return !candidates.some((value) => same(value, operand));
		case '$in':
			if (!Array.isArray(operand)) throw new MongoQueryError('$in needs an array');
			return candidates.some((value) => operand.some((option) => same(value, option)));
		case '$nin':
			if (!Array.isArray(operand)) throw new MongoQueryError('$nin needs an array');
			return !candidates.some((value) => operand.some((option) => same(value, option)));
		case '$exists':
			return values.length > 0 === Boolean(operand);
		case '$gt':
		case '$gte':
		case '$lt':
		case '$lte':
			return candidates.some((value) => {
				const order = compare(value, operand);
				if (order === undefined) return false;
				return operator === '$gt' ? order > 0 : operator === '$gte' ? order >= 0 : operator === '$lt' ? order < 0 : order <= 0;
			});
		case '$regex':
			return candidates.some((value) => typeof value === 'string' && new RegExp(String(operand)).test(value));
		default:
			throw new MongoQueryError(`unknown operator: ${operator}`);
	}
}

function matchField(document: Record<string, unknown>, path: string, condition: unknown): boolean {
	const values = valuesAt(document, path.split('.'));
	const isOperators = condition && typeof condition === 'object' && !Array.isArray(condition) && Object.keys(condition).every((key) => key.startsWith('$'));
	if (!isOperators || Object.keys(condition as object).length === 0) return matchOperator(values, '$eq', condition);
	const operators = condition as Record<string, unknown>;
	return Object.entries(operators).every(([operator, operand]) => {
		if (operator === '$options') return true;
		if (operator === '$regex') {
			const flags = typeof operators.$options === 'string' ? operators.$options : '';
			return candidatesOf(values).some((value) => typeof value === 'string' && new RegExp(String(operand), flags).test(value));
		}
		if (operator === '$not') return !matchField(document, path, operand);
		return matchOperator(values, operator, operand);
	});
}

/** Whether a profile document (as stored in MongoDB) matches the query. */
export function matchesQuery(document: Record<string, unknown>, query: Record<string, unknown>): boolean {
	return Object.entries(query).every(([key, condition]) => {
		if (key === '$and' || key === '$or' || key === '$nor') {
			if (!Array.isArray(condition)) throw new MongoQueryError(`${key} needs an array`);
			const results = condition.map((clause) => matchesQuery(document, clause as Record<string, unknown>));
			return key === '$and' ? results.every(Boolean) : key === '$or' ? results.some(Boolean) : !results.some(Boolean);
		}
		if (key.startsWith('$')) throw new MongoQueryError(`unknown top level operator: ${key}`);
		return matchField(document, key, condition);
	});
}
