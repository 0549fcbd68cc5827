import { NodeHelpers, type INode, type INodeTypeDescription } from 'n8n-workflow';

import { CrafterProfile } from '../../../nodes/CrafterProfile/CrafterProfile.node';
import { router } from '../../../nodes/CrafterProfile/actions/router';
import { resources } from '../../../nodes/CrafterProfile/actions/resources';
import { operationsOf } from '../../../nodes/shared/items/parallel-requests';
import { shownOptions, toolContext, typeName } from '../../support/shown-options';

const node = new CrafterProfile();
const asTool = { ...node.description, name: 'crafterProfileTool' } as INodeTypeDescription;
const PROFILE_OPERATIONS = [
	'addRole',
	'changePassword',
	'count',
	'create',
	'delete',
	'disable',
	'enable',
	'get',
	'getAttributes',
	'getAll',
	'removeAttributes',
	'removeRole',
	'resetPassword',
	'update',
	'updateAttributes',
	'verify',
];

test('as a node: both resources, every operation; the attachment operations keep their names', () => {
	expect(shownOptions(node.description, {}, 'resource')).toEqual(['attachment', 'profile']);
	expect(shownOptions(node.description, { resource: 'attachment' }, 'operation')).toEqual(['download', 'getDetails', 'list', 'upload']);
	expect(shownOptions(node.description, { resource: 'profile' }, 'operation')).toEqual(PROFILE_OPERATIONS);
});

test('every operation the router runs is offered', () => {
	const offered = operationsOf(node.description.properties).map(({ resource, operation }) => `${resource}/${operation}`);
	const routed = resources.flatMap((resource) => Object.keys(resource.operations).map((operation) => `${resource.value}/${operation}`));
	expect(offered.sort()).toEqual(routed.sort());
});

test('as an AI agent tool only the reading operations are offered unless Allow Changes is on', () => {
	expect(shownOptions(asTool, { resource: 'profile', allowChanges: false }, 'operation')).toEqual(['count', 'get', 'getAttributes', 'getAll']);
	expect(shownOptions(asTool, { resource: 'attachment', allowChanges: false }, 'operation')).toEqual(['download', 'getDetails', 'list']);
	expect(shownOptions(asTool, { resource: 'profile', allowChanges: true }, 'operation')).toEqual(PROFILE_OPERATIONS);
});

test('a saved workflow without these parameters stays on Attachment → Upload Attachment', () => {
	const instance = { type: typeName(node.description), typeVersion: 1, parameters: {} } as unknown as INode;
	expect(NodeHelpers.getNodeParameters(node.description.properties, {}, true, false, instance, node.description)).toMatchObject({
		resource: 'attachment',
		operation: 'upload',
	});
});

describe('the router as a tool', () => {
	test.each([
		'create',
		'update',
		'verify',
		'addRole',
		'updateAttributes',
		'removeAttributes',
		'delete',
		'enable',
		'disable',
		'removeRole',
		'resetPassword',
		'changePassword',
	])('refuses profile / %s without Allow Changes', async (operation) => {
		await expect(router.call(toolContext('crafterProfileTool', { resource: 'profile', operation }))).rejects.toThrow(
			`As a tool, this node may only read: "${operation}" of "profile" changes data`,
		);
	});

	test.each(['get', 'getAll', 'count', 'getAttributes'])('runs profile / %s without Allow Changes', async (operation) => {
		await expect(router.call(toolContext('crafterProfileTool', { resource: 'profile', operation }))).resolves.toEqual([[]]);
	});
});
