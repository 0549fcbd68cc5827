import path from 'node:path';

import { CRAFTER_SEEDED_PROFILE_IDS, CRAFTER_SEEDED_USERNAMES } from '../../emulators/crafter';
import { runListSearch } from '../../engine/list-search';
import { loadWorkflow } from '../../engine/workflow-file';
import { apiPath, crafterForTests, NODE, runProfile } from './profile-harness';

/*
 * Profile ID as n8n's resource locator: From List (the searchProfiles list search) or By ID; a saved
 * workflow's plain string still runs (n8n's extractValue returns a string as it is).
 */
const crafter = crafterForTests();
const WORKFLOW = path.join(__dirname, 'profiles.workflow.json');
const credentials = () => ({ crafterProfileApi: { baseUrl: crafter.emulator().baseUrl, accessTokenId: crafter.emulator().accessToken } });
const search = async (parameters: Record<string, unknown>, filter?: string, token?: string) =>
	await runListSearch(
		loadWorkflow(WORKFLOW, [], { [NODE]: { parameters: { resource: 'profile', ...parameters } } }),
		NODE,
		'searchProfiles',
		credentials(),
		filter,
		token,
	);

describe('From List', () => {
	test('lists the tenant\'s profiles by username, each as "username (email)" with its ID', async () => {
		const { results } = await search({ operation: 'get', getBy: 'id' });
		expect(results.slice(0, 3)).toEqual(
			[0, 1, 2]
				.map((index) => ({
					name: `${CRAFTER_SEEDED_USERNAMES[index]} (${CRAFTER_SEEDED_USERNAMES[index]}@example.com)`,
					value: CRAFTER_SEEDED_PROFILE_IDS[index],
				}))
				.sort((a, b) => a.name.localeCompare(b.name)),
		);
		const [request] = crafter.emulator().received;
		expect(apiPath(request)).toBe('/range');
		expect(Object.fromEntries(request.query)).toMatchObject({ tenantName: 'default', sortBy: 'username', start: '0', count: '50' });
	});

	test('a search matches part of the username in any case, taken literally', async () => {
		const { results } = await search({ operation: 'delete' }, 'HOPPER');
		expect(results).toEqual([{ name: 'grace.hopper (grace.hopper@example.com)', value: CRAFTER_SEEDED_PROFILE_IDS[1] }]);
		expect(JSON.parse(crafter.emulator().received[0].query.get('query')!)).toEqual({ username: { $regex: 'HOPPER', $options: 'i' } });
		expect((await search({ operation: 'delete' }, 'ada.*')).results).toEqual([]);
	});

	test('pages of 50: a full page gives the next start as the page token', async () => {
		const emulator = crafter.emulator();
		for (let index = 0; index < 60; index++) emulator.addProfile();
		const first = await search({ operation: 'get' });
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		const second = await search({ operation: 'get' }, undefined, first.paginationToken);
		expect(second.paginationToken).toBeUndefined();
		expect(emulator.received[1].query.get('start')).toBe('50');
		expect(new Set([...first.results, ...second.results].map((result) => result.value)).size).toBe(first.results.length + second.results.length);
	});

	test("a refused token is the service's own error, without the token", async () => {
		const workflow = loadWorkflow(WORKFLOW, [], { [NODE]: { parameters: { resource: 'profile', operation: 'get' } } });
		const wrong = 'b1b2b3b4-0000-4000-8000-c1c2c3c4c5c6';
		const failure = runListSearch(workflow, NODE, 'searchProfiles', { crafterProfileApi: { baseUrl: crafter.emulator().baseUrl, accessTokenId: wrong } });
		await expect(failure).rejects.toThrow(/HTTP 403/);
		await expect(failure).rejects.not.toThrow(wrong);
	});
});

describe('the value the operations read', () => {
	const id = CRAFTER_SEEDED_PROFILE_IDS[2];

	test.each([
		["a saved workflow's plain string", id],
		['From List', { __rl: true, mode: 'list', value: id, cachedResultName: 'alan.turing (alan.turing@example.com)' }],
		['By ID', { __rl: true, mode: 'id', value: id }],
		['By ID with an expression', { __rl: true, mode: 'id', value: '={{ $json.who }}' }],
	])('%s', async (_case, profileId) => {
		const result = await runProfile(crafter.emulator(), { operation: 'get', getBy: 'id', profileId }, { items: [{ json: { who: id } }] });
		expect(result.error).toBeUndefined();
		expect(result.items[0]).toMatchObject({ id, username: 'alan.turing' });
		expect(apiPath(crafter.emulator().received[0])).toBe(`/${id}`);
	});

	test('an empty or malformed By ID: n8n itself flags the parameter before the workflow runs, and nothing is sent', async () => {
		const empty = runProfile(crafter.emulator(), { operation: 'get', getBy: 'id', profileId: { __rl: true, mode: 'id', value: '' } });
		await expect(empty).rejects.toThrow('Parameter "Profile ID" is required');
		const malformed = runProfile(crafter.emulator(), { operation: 'get', getBy: 'id', profileId: { __rl: true, mode: 'id', value: 'ada.lovelace' } });
		await expect(malformed).rejects.toThrow('Not a valid ID (e.g. 6650a1f2c3d4e5f60718293a)');
		expect(crafter.emulator().received).toHaveLength(0);
	});

	test('an expression that finds nothing is refused by the node, naming the field', async () => {
		const result = await runProfile(crafter.emulator(), {
			operation: 'get',
			getBy: 'id',
			profileId: { __rl: true, mode: 'id', value: '={{ $json.missing }}' },
		});
		expect(result.error?.message).toMatch(/^Profile ID is empty/);
		expect(crafter.emulator().received).toHaveLength(0);
	});
});
