import { NodeHelpers, type INode, type INodeParameters, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { ArgosIdentity } from '../../../nodes/ArgosIdentity/ArgosIdentity.node';
import { router } from '../../../nodes/ArgosIdentity/actions/router';
import { resources } from '../../../nodes/ArgosIdentity/actions/resources';
import { operationsOf } from '../../../nodes/shared/items/parallel-requests';
import { shownOptions, toolContext, typeName } from '../../support/shown-options';

const node = new ArgosIdentity();
const asTool = { ...node.description, name: 'argosIdentityTool' } as INodeTypeDescription;

/** The parameters the editor shows for these values. */
function shownParameters(values: INodeParameters): string[] {
	const instance = { type: typeName(node.description), typeVersion: 1, parameters: values } as unknown as INode;
	return node.description.properties
		.filter((property) => NodeHelpers.displayParameter(values, property, instance, node.description))
		.map((property) => property.name);
}

/** Every Submission operation, as the contract names them. */
const SUBMISSION_OPERATIONS = ['delete', 'deleteFields', 'get', 'getAll', 'putImage', 'review', 'update'];

test('as a node every operation is offered; the contract values are there', () => {
	expect(shownOptions(node.description, {}, 'resource')).toEqual(['amlMonitoring', 'amlReport', 'image', 'submission', 'token', 'verificationLink']);
	expect(shownOptions(node.description, { resource: 'submission' }, 'operation')).toEqual(SUBMISSION_OPERATIONS);
	expect(shownOptions(node.description, { resource: 'image' }, 'operation')).toEqual(['get']);
	expect(shownOptions(node.description, { resource: 'token' }, 'operation')).toEqual(['count', 'create', 'delete', 'get', 'getAll']);
	expect(shownOptions(node.description, { resource: 'verificationLink' }, 'operation')).toEqual(['create']);
	expect(shownOptions(node.description, { resource: 'amlMonitoring' }, 'operation')).toEqual(['add', 'get', 'remove']);
	expect(shownOptions(node.description, { resource: 'amlReport' }, 'operation')).toEqual(['get']);
});

test('every operation the router runs is offered', () => {
	const offered = operationsOf(node.description.properties).map(({ resource, operation }) => `${resource}/${operation}`);
	const routed = resources.flatMap((resource) => Object.keys(resource.operations).map((operation) => `${resource.value}/${operation}`));
	expect(offered.sort()).toEqual(routed.sort());
});

test('as an AI agent tool only reading operations are offered unless Allow Changes is on', () => {
	expect(shownOptions(asTool, { resource: 'submission', allowChanges: false }, 'operation')).toEqual(['get', 'getAll']);
	expect(shownOptions(asTool, { resource: 'image', allowChanges: false }, 'operation')).toEqual(['get']);
	expect(shownOptions(asTool, { resource: 'submission', allowChanges: true }, 'operation')).toEqual(SUBMISSION_OPERATIONS);
	expect(shownOptions(asTool, { resource: 'token', allowChanges: false }, 'operation')).toEqual(['count', 'get', 'getAll']);
	// Create registers a token: a change, so the resource is not offered to an agent without Allow Changes.
	expect(shownOptions(asTool, { allowChanges: false }, 'resource')).toEqual(['amlMonitoring', 'amlReport', 'image', 'submission', 'token']);
	expect(shownOptions(asTool, { resource: 'amlMonitoring', allowChanges: false }, 'operation')).toEqual(['get']);
});

test('a saved workflow without these parameters keeps its defaults: Submission → Put Submission Image; as a tool, Submission → Get', () => {
	const instance = { type: typeName(node.description), typeVersion: 1, parameters: {} } as unknown as INode;
	expect(NodeHelpers.getNodeParameters(node.description.properties, {}, true, false, instance, node.description)).toMatchObject({
		resource: 'submission',
		operation: 'putImage',
	});
	const toolInstance = { ...instance, type: typeName(asTool) };
	expect(NodeHelpers.getNodeParameters(asTool.properties, {}, true, false, toolInstance, asTool)).toMatchObject({ resource: 'submission', operation: 'get' });
});

test.each([
	['userId', ['userId']],
	['email', ['email']],
	['dateRange', ['startDate', 'endDate']],
	['all', []],
])('Get Many by %s shows only its own search fields', (searchBy, fields) => {
	const shown = shownParameters({ resource: 'submission', operation: 'getAll', searchBy, returnAll: false });
	expect(shown.filter((name) => ['userId', 'email', 'startDate', 'endDate'].includes(name))).toEqual(fields);
	expect(shown).toEqual(expect.arrayContaining(['searchBy', 'returnAll', 'limit', 'options']));
});

test('Get Many: Limit defaults to 50; Get: Request Type defaults to everything', () => {
	const limit = node.description.properties.find((property) => property.name === 'limit' && property.displayOptions?.show?.operation?.includes('getAll'));
	expect(limit?.default).toBe(50);
	const getOptions = node.description.properties.find(
		(property) =>
			property.name === 'options' && property.displayOptions?.show?.operation?.includes('get') && property.displayOptions.show.resource?.includes('submission'),
	);
	expect((getOptions?.options as INodeProperties[]).find((option) => option.name === 'requestType')).toMatchObject({ default: 'everything' });
});

describe('the router as a tool', () => {
	test.each([
		['submission', 'putImage'],
		['submission', 'update'],
		['submission', 'review'],
		['submission', 'delete'],
		['submission', 'deleteFields'],
		['token', 'create'],
		['token', 'delete'],
		['verificationLink', 'create'],
		['amlMonitoring', 'add'],
		['amlMonitoring', 'remove'],
	])('refuses %s / %s without Allow Changes', async (resource, operation) => {
		await expect(router.call(toolContext('argosIdentityTool', { resource, operation }))).rejects.toThrow(
			`As a tool, this node may only read: "${operation}" of "${resource}" changes data`,
		);
	});

	test.each([
		['submission', 'get', false],
		['submission', 'getAll', false],
		['image', 'get', false],
		['submission', 'delete', true],
		['token', 'get', false],
		['token', 'getAll', false],
		['token', 'count', false],
		['amlMonitoring', 'get', false],
		['amlReport', 'get', false],
	])('runs %s / %s (Allow Changes %s)', async (resource, operation, allowChanges) => {
		await expect(router.call(toolContext('argosIdentityTool', { resource, operation, allowChanges }))).resolves.toEqual([[]]);
	});
});
