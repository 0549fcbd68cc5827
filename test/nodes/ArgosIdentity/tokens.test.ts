import { startArgosEmulator, type ArgosEmulator } from '../../emulators/argos';
import { runOperation } from './run-operation';

let emulator: ArgosEmulator;

beforeEach(async () => {
	emulator = await startArgosEmulator();
});
afterEach(async () => await emulator.close());

const token = (parameters: Record<string, unknown>, settings?: Parameters<typeof runOperation>[3], items?: Parameters<typeof runOperation>[2]) =>
	runOperation(emulator, { resource: 'token', ...parameters }, items, settings);
const requests = () => emulator.received.map(({ method, path, status }) => `${method} ${path} ${status}`);
const register = (...ids: string[]) => ids.forEach((id, index) => emulator.tokens.set(id, { updateTime: `2026-01-01T00:00:0${index}.000Z` }));

describe('Create', () => {
	test("registers the listed Token IDs in one request and outputs Argos's summary", async () => {
		const run = await token({ operation: 'create', privateModeIds: 'user001a, user002b\nuser003c' });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toEqual({
			tokenIds: ['user001a', 'user002b', 'user003c'],
			success: true,
			message: 'All tokens are now in the pool',
			summary: { totalSubmitted: 3, currentCount: 3, processed: 3, failed: 0 },
		});
		expect(JSON.parse(emulator.received[0].body.toString('utf8'))).toEqual({ tokenId: ['user001a', 'user002b', 'user003c'] });
		expect([...emulator.tokens.keys()]).toEqual(['user001a', 'user002b', 'user003c']);
	});

	test('with no Token IDs, one fresh one is made and registered', async () => {
		const run = await token({ operation: 'create' });
		const [made] = run.items[0].json.tokenIds as string[];
		expect(made).toMatch(/^[0-9a-f-]{36}$/);
		expect(emulator.tokens.has(made)).toBe(true);
	});

	test('more than 500 Token IDs are refused before sending', async () => {
		const ids = Array.from({ length: 501 }, (_, index) => `token-${String(index).padStart(4, '0')}`).join(',');
		const run = await token({ operation: 'create', privateModeIds: ids });
		expect(run.error?.message).toBe('Token IDs holds 501 Token IDs; Argos takes at most 500 in one request [item 0]');
		expect(emulator.received).toHaveLength(0);
	});

	test('a Token ID with a forbidden character is refused, naming it', async () => {
		const run = await token({ operation: 'create', privateModeIds: 'good-token-1, bad/token/2' });
		expect(run.error?.message).toBe(
			"Token ID 'bad/token/2' may hold only letters, digits, hyphens (-), underscores (_) and periods (.), and must start and end with a letter or digit [item 0]",
		);
		expect(emulator.received).toHaveLength(0);
	});
});

describe('Get', () => {
	test('one Token ID, with whether it expired', async () => {
		register('user001a');
		const run = await token({ operation: 'get', privateModeId: 'user001a' });
		expect(run.items[0].json).toEqual({
			success: true,
			tokenId: 'user001a',
			data: { tokenId: 'user001a', updateTime: '2026-01-01T00:00:00.000Z', expired: false },
		});
		expect(emulator.received[0].query.get('tokenId')).toBe('user001a');
	});

	test("an unknown Token ID: Argos's own message and status", async () => {
		const run = await token({ operation: 'get', privateModeId: 'nobody-has-this' });
		expect(run.error?.message).toBe('Argos Identity refused the request (HTTP 400): Token not found. (token_not_found) [item 0]');
		expect(run.error?.httpCode).toBe('400');
	});

	test('with Secure Data Transmission on, the encrypted answer is decrypted', async () => {
		register('user001a');
		emulator.setSecureTransmission(true);
		const run = await token({ operation: 'get', privateModeId: 'user001a' }, { credentials: { secureTransmission: true } });
		expect(run.items[0].json).toMatchObject({ tokenId: 'user001a', data: { expired: false } });
	});
});

describe('Get Many', () => {
	beforeEach(() => {
		register('token-aaa1', 'token-bbb2', 'token-ccc3', 'token-ddd4', 'token-eee5');
		emulator.setTokenPageSize(2);
	});

	test('Return All walks every page (nextPageKeyId / nextPageKeyTime), one item per token', async () => {
		const run = await token({ operation: 'getAll', returnAll: true });
		expect(run.items.map((item) => item.json.tokenId)).toEqual(['token-aaa1', 'token-bbb2', 'token-ccc3', 'token-ddd4', 'token-eee5']);
		expect(requests()).toEqual(Array(3).fill('GET /v3/submission/tokens 200'));
		expect(Object.fromEntries(emulator.received[1].query)).toEqual({ nextPageKeyId: 'token-bbb2', nextPageKeyTime: '2026-01-01T00:00:01.000Z' });
	});

	test('Limit stops at that many tokens', async () => {
		const run = await token({ operation: 'getAll', returnAll: false, limit: 3 });
		expect(run.items.map((item) => item.json.tokenId)).toEqual(['token-aaa1', 'token-bbb2', 'token-ccc3']);
		expect(emulator.received).toHaveLength(2);
	});

	test('Expired Only keeps the tokens Argos marks expired', async () => {
		emulator.tokenFirstUse.set('token-ccc3', Date.now() - 10 * 60_000);
		const run = await token({ operation: 'getAll', returnAll: true, options: { expiredOnly: true } });
		expect(run.items.map((item) => [item.json.tokenId, item.json.expired])).toEqual([['token-ccc3', true]]);
	});
});

test('Count: the number of Token IDs in the pool', async () => {
	register('token-aaa1', 'token-bbb2');
	const run = await token({ operation: 'count' });
	expect(run.items[0].json).toEqual({ success: true, count: 2 });
	expect(emulator.received[0].query.get('type')).toBe('count');
});

describe('Delete', () => {
	test('deletes the listed Token IDs; those not in the pool are listed as not found', async () => {
		register('token-aaa1', 'token-bbb2');
		const run = await token({ operation: 'delete', privateModeIds: 'token-aaa1, token-zzz9' });
		expect(run.items[0].json).toEqual({
			tokenIds: ['token-aaa1', 'token-zzz9'],
			success: true,
			message: 'Successfully deleted 1 tokens',
			summary: { totalSubmitted: 2, deleted: 1, notFound: 1, failed: 0 },
			details: { notFound: ['token-zzz9'] },
		});
		expect([...emulator.tokens.keys()]).toEqual(['token-bbb2']);
		expect(requests()).toEqual(['DELETE /v3/submission/tokens 200']);
	});

	test("none of them in the pool: Argos's error", async () => {
		const run = await token({ operation: 'delete', privateModeIds: 'token-zzz9' });
		expect(run.error?.message).toBe('Argos Identity refused the request (HTTP 400): Requested token does not exist in pool. (token_id_not_found) [item 0]');
	});

	test('an empty list is refused before sending', async () => {
		const run = await token({ operation: 'delete', privateModeIds: ' ' });
		expect(run.error?.message).toBe('Token IDs is empty [item 0]');
		expect(emulator.received).toHaveLength(0);
	});
});
