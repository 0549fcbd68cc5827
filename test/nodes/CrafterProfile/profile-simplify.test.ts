import { NodeHelpers, type INode } from 'n8n-workflow';

import { CrafterProfile } from '../../../nodes/CrafterProfile/CrafterProfile.node';
import { CRAFTER_SEEDED_PROFILE_IDS } from '../../emulators/crafter';
import { typeName } from '../../support/shown-options';
import { crafterForTests, runProfile } from './profile-harness';

/*
 * Simplify on Get and Get Many (node version 1.1): a compact profile by default, the raw answer when off;
 * a version 1 node (every workflow saved before 1.1) keeps the raw answer and shows no Simplify.
 */
const crafter = crafterForTests();
const id = CRAFTER_SEEDED_PROFILE_IDS[0];
const COMPACT = ['attributes', 'email', 'enabled', 'id', 'roles', 'username', 'verified'];
const RAW = ['attributes', 'createdOn', 'email', 'enabled', 'id', 'lastModified', 'roles', 'tenant', 'username', 'verified'];
const keys = (record: object) => Object.keys(record).sort();

describe('Get', () => {
	test('version 1.1: compact by default', async () => {
		const result = await runProfile(crafter.emulator(), { operation: 'get', getBy: 'id', profileId: id }, { typeVersion: 1.1 });
		expect(result.error).toBeUndefined();
		expect(keys(result.items[0])).toEqual(COMPACT);
		expect(result.items[0]).toMatchObject({ id, username: 'ada.lovelace', attributes: { kycStatus: 'pending' } });
	});

	test('version 1.1 with Simplify off: the raw answer', async () => {
		const result = await runProfile(crafter.emulator(), { operation: 'get', getBy: 'id', profileId: id, simplify: false }, { typeVersion: 1.1 });
		expect(keys(result.items[0])).toEqual(RAW);
	});

	test('version 1 (a saved workflow): the raw answer, whatever a stray simplify says', async () => {
		expect(keys((await runProfile(crafter.emulator(), { operation: 'get', getBy: 'id', profileId: id })).items[0])).toEqual(RAW);
		expect(keys((await runProfile(crafter.emulator(), { operation: 'get', getBy: 'id', profileId: id, simplify: true })).items[0])).toEqual(RAW);
	});
});

describe('Get Many', () => {
	test('version 1.1: each profile compact; Simplify off or version 1: raw', async () => {
		const parameters = { operation: 'getAll', filterBy: 'tenant', returnAll: true };
		const compact = await runProfile(crafter.emulator(), parameters, { typeVersion: 1.1 });
		expect(compact.items.length).toBeGreaterThanOrEqual(3);
		for (const profile of compact.items) expect(keys(profile)).toEqual(COMPACT);
		const raw = await runProfile(crafter.emulator(), { ...parameters, simplify: false }, { typeVersion: 1.1 });
		for (const profile of raw.items) expect(keys(profile)).toEqual(RAW);
		const saved = await runProfile(crafter.emulator(), parameters);
		for (const profile of saved.items) expect(keys(profile)).toEqual(RAW);
	});
});

test('new nodes are version 1.1 and show Simplify (on); a version 1 node shows none', () => {
	const { description } = new CrafterProfile();
	expect(description).toMatchObject({ version: [1, 1.1], defaultVersion: 1.1 });
	const shown = (typeVersion: number) => {
		const node = { type: typeName(description), typeVersion, parameters: {} } as unknown as INode;
		return NodeHelpers.getNodeParameters(description.properties, { resource: 'profile', operation: 'get' }, true, false, node, description);
	};
	expect(shown(1.1)).toMatchObject({ simplify: true });
	expect(shown(1)).not.toHaveProperty('simplify');
});
