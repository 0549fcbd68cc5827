import type { EmulatorRequest, EmulatorResponse } from '../../emulator-server';
import type { ArgosState } from '../store';
import { isTokenIdFormat, TOKEN_POOL_LIMIT, tokenExpiry } from '../tokens';

/** [POST-TOKEN] "Per Request: Maximum 500 token IDs"; [DEL-TOKEN] newest copy: "maximum 500 per request" for tokenId deletion. */
export const MAX_TOKENS_PER_REQUEST = 500;
/** [GET-TOKEN] "Entire token list retrieval: 10,000 per request". */
export const TOKEN_PAGE_SIZE = 10_000;

/**
 * The token endpoints' error body: [GET-TOKEN] example {"errorCode": "token_not_found", "errorMessage":
 * "Token not found."}; [DEL-TOKEN] lists "Error code, Error message". The messages beyond the GET example
 * are inferred from the tables' descriptions.
 */
const tokenError = (status: number, errorCode: string, errorMessage: string): EmulatorResponse => ({ status, json: { errorCode, errorMessage } });
const INVALID_PAYLOAD = tokenError(400, 'invalid_payload', 'Missing request payload or format error.');
const INVALID_TOKEN_ID = tokenError(400, 'invalid_token_id', 'tokenId is required and must be an array.');
const INVALID_TOKEN_ID_FORMAT = tokenError(400, 'invalid_token_id_format', 'Token ID format rule violation.');
const LIMIT_EXCEEDED = tokenError(400, 'request_token_limit_exceeded', `Request token count limit exceeded (${MAX_TOKENS_PER_REQUEST}).`);
// Inferred code: [POST-TOKEN] "An error will occur when the token pool exceeds 100,000".
const POOL_FULL = tokenError(400, 'token_pool_limit_exceeded', `The token pool is full (${TOKEN_POOL_LIMIT.toLocaleString('en-US')} per project).`);
const NOT_FOUND = tokenError(400, 'token_not_found', 'Token not found.');
const ALL_NOT_FOUND = tokenError(400, 'token_id_not_found', 'Requested token does not exist in pool.');

/**
 * The body's tokenId list. [POST-TOKEN] sends JSON with Content-Type text/plain ("When using application/json
 * … if the request fails, use text/plain"): both are read.
 */
function tokenIdsOf(request: EmulatorRequest): string[] | EmulatorResponse {
	let body: unknown;
	try {
		body = JSON.parse(request.body.toString('utf8'));
	} catch {
		return INVALID_PAYLOAD;
	}
	if (!body || typeof body !== 'object') return INVALID_PAYLOAD;
	const list = (body as { tokenId?: unknown }).tokenId;
	if (!Array.isArray(list) || list.length === 0) return INVALID_TOKEN_ID;
	if (list.length > MAX_TOKENS_PER_REQUEST) return LIMIT_EXCEEDED;
	if (!list.every(isTokenIdFormat)) return INVALID_TOKEN_ID_FORMAT;
	return list as string[];
}

/**
 * POST /v3/submission/tokens [POST-TOKEN]: registers up to 500; one already in the pool is overwritten
 * ("no separate duplication error"); answers {success, message, summary: {totalSubmitted, currentCount,
 * processed, failed}}.
 */
export function postTokens(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const tokenIds = tokenIdsOf(request);
	if (!Array.isArray(tokenIds)) return tokenIds;
	const added = tokenIds.filter((tokenId) => !state.tokens.has(tokenId)).length;
	if (state.tokens.size + added > TOKEN_POOL_LIMIT) return POOL_FULL;
	const now = new Date().toISOString();
	for (const tokenId of tokenIds) state.tokens.set(tokenId, { updateTime: now });
	return {
		status: 200,
		json: {
			success: true,
			message: 'All tokens are now in the pool',
			summary: { totalSubmitted: tokenIds.length, currentCount: state.tokens.size, processed: tokenIds.length, failed: 0 },
		},
	};
}

const view = (state: ArgosState, tokenId: string) => {
	const token = state.tokens.get(tokenId)!;
	return { tokenId, updateTime: token.updateTime, expired: tokenExpiry(state, tokenId) !== undefined };
};

/**
 * GET /v3/submission/tokens [GET-TOKEN]: ?tokenId= one ({success, tokenId, data}); ?type=count the total
 * ({success, count}: shape inferred); else the list with each token's `expired` flag, 10,000 a page and
 * nextPageKeyId / nextPageKeyTime while more remain (the list's field names `data` and `count`, and the
 * cursor sent back as query parameters of the same names, are inferred). Oldest first (inferred).
 */
export function getTokens(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const tokenId = request.query.get('tokenId');
	if (tokenId) {
		if (!state.tokens.has(tokenId)) return NOT_FOUND;
		return { status: 200, json: { success: true, tokenId, data: view(state, tokenId) } };
	}
	if (request.query.get('type') === 'count') return { status: 200, json: { success: true, count: state.tokens.size } };
	const ordered = [...state.tokens.entries()].sort(([idA, a], [idB, b]) => a.updateTime.localeCompare(b.updateTime) || idA.localeCompare(idB));
	const afterId = request.query.get('nextPageKeyId');
	const afterTime = request.query.get('nextPageKeyTime') ?? '';
	const start = afterId ? ordered.findIndex(([id, token]) => token.updateTime > afterTime || (token.updateTime === afterTime && id > afterId)) : 0;
	const page = start < 0 ? [] : ordered.slice(start, start + state.tokenPageSize);
	const more = start >= 0 && start + page.length < ordered.length;
	const last = page[page.length - 1];
	return {
		status: 200,
		json: {
			success: true,
			count: page.length,
			data: page.map(([id]) => view(state, id)),
			...(more && last ? { nextPageKeyId: last[0], nextPageKeyTime: last[1].updateTime } : {}),
		},
	};
}

/**
 * DELETE /v3/submission/tokens {"tokenId": [...]} [DEL-TOKEN]: processed partially, those not in the pool
 * listed in details.notFound; none found at all answers token_id_not_found (inferred from the error table).
 */
export function deleteTokens(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const tokenIds = tokenIdsOf(request);
	if (!Array.isArray(tokenIds)) return tokenIds;
	const notFound = tokenIds.filter((tokenId) => !state.tokens.has(tokenId));
	if (notFound.length === tokenIds.length) return ALL_NOT_FOUND;
	for (const tokenId of tokenIds) state.tokens.delete(tokenId);
	const deleted = tokenIds.length - notFound.length;
	return {
		status: 200,
		json: {
			success: true,
			message: `Successfully deleted ${deleted} tokens`,
			summary: { totalSubmitted: tokenIds.length, deleted, notFound: notFound.length, failed: 0 },
			...(notFound.length ? { details: { notFound } } : {}),
		},
	};
}
