import type { IExecuteFunctions, INodeProperties, INodeType } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { ArgosIdentity } from '../../nodes/ArgosIdentity/ArgosIdentity.node';
import { resources as argosResources } from '../../nodes/ArgosIdentity/actions/resources';
import { ComplyCube } from '../../nodes/ComplyCube/ComplyCube.node';
import { resources as complyCubeResources } from '../../nodes/ComplyCube/actions/resources';
import * as uploadDocumentImage from '../../nodes/ComplyCube/actions/document/uploadImage.operation';
import { CrafterProfile } from '../../nodes/CrafterProfile/CrafterProfile.node';
import { resources as crafterResources } from '../../nodes/CrafterProfile/actions/resources';
import { DEFAULT_TIMEOUT_MS, TRANSFER_TIMEOUT_MS, timeoutMsFor } from '../../nodes/shared/http/request-guard';
import { isShownFor, operationsOf, type OperationPair } from '../../nodes/shared/items/options-collection';
import { withOperationOptions } from '../../nodes/shared/items/operation-options';
import { PARALLEL_REQUESTS } from '../../nodes/shared/items/parallel-requests';
import type { Resource } from '../../nodes/shared/items/resources';
import { timeoutDefaults } from '../../nodes/shared/parameters/operation-timeouts';
import { timeoutDefaultFor, withTimeoutOption } from '../../nodes/shared/parameters/timeout-option';
import onMain from './fixtures/timeout-defaults-on-main.json';

const nodes: Array<[keyof typeof onMain, INodeType, Resource[]]> = [
	['complyCube', new ComplyCube(), complyCubeResources],
	['argosIdentity', new ArgosIdentity(), argosResources],
	['crafterProfile', new CrafterProfile(), crafterResources],
];

const label = ({ resource, operation }: OperationPair) => `${resource}/${operation}`;

/** The Options collections shown for the operation (as a node, not as a tool). */
const optionsCollectionsOf = (properties: INodeProperties[], pair: OperationPair) =>
	properties.filter((property) => property.name === 'options' && isShownFor(property, pair));

const timeoutIn = (collection: INodeProperties) => ((collection.options ?? []) as INodeProperties[]).find((option) => option.name === 'timeout');

describe.each(nodes)('%s: Options → Timeout in every operation', (name, node, resources) => {
	const { properties } = node.description;
	const offered = operationsOf(properties);
	const expected = onMain[name] as Record<string, number>;

	test("every operation main offered is still offered (an operation's name is part of the contract)", () => {
		expect(offered.map(label)).toEqual(expect.arrayContaining(Object.keys(expected)));
	});

	test.each(offered.map((pair) => [label(pair), pair] as const))('%s: one Options collection, with one Timeout, sorted, after the parameters', (key, pair) => {
		const collections = optionsCollectionsOf(properties, pair);
		expect(collections).toHaveLength(1);
		const options = collections[0].options as INodeProperties[];
		expect(options.filter((option) => option.name === 'timeout')).toHaveLength(1);
		expect(timeoutIn(collections[0])).toMatchObject({
			displayName: 'Timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: expected[key] ?? timeoutDefaultFor(resources, pair),
		});
		expect(String(timeoutIn(collections[0])?.description)).toMatch(/^Time in ms to wait for each attempt's answer before abandoning it \(default (30|60) s\)/);
		// The operation's own options and Timeout alphabetical, as on main; Parallel Requests after them.
		const names = options.map((option) => option.displayName);
		expect(names[names.length - 1]).toBe('Parallel Requests');
		expect(names.slice(0, -1)).toEqual([...names.slice(0, -1)].sort((a, b) => a.localeCompare(b)));
		// The collection is the last parameter the operation shows, where it was on main.
		const shown = properties.filter((property) => isShownFor(property, pair));
		expect(shown[shown.length - 1]).toBe(collections[0]);
	});

	test("the default main showed is what the resources' transferOperations declare", () => {
		const declared = Object.fromEntries(offered.filter((pair) => label(pair) in expected).map((pair) => [label(pair), timeoutDefaultFor(resources, pair)]));
		expect(declared).toEqual(expected);
	});

	test('every transfer operation a resource declares is one the node offers', () => {
		const offeredLabels = offered.map(label);
		for (const resource of resources) {
			for (const operation of resource.transferOperations ?? []) expect(offeredLabels).toContain(`${resource.value}/${operation}`);
		}
	});
});

describe('withOperationOptions on a made-up node', () => {
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{ name: 'Download', value: 'download' },
			{ name: 'Get', value: 'get' },
			{ name: 'Legacy', value: 'legacy' },
		],
		default: 'get',
	};
	const resources = [{ name: 'File', value: 'file', operations: {}, readOperations: [], transferOperations: ['download'], description: [] }] as Resource[];
	const only = (operation: string) => ({ resource: 'file', operation });

	test('an operation file still wrapped in withTimeoutOption keeps its own Timeout, and gets no second one', () => {
		const legacy = withTimeoutOption(
			updateDisplayOptions({ show: { resource: ['file'], operation: ['legacy'] } }, [{ displayName: 'ID', name: 'id', type: 'string', default: '' }]),
			45_000,
		);
		const properties = withOperationOptions([selector, ...legacy], resources);
		const [collection] = optionsCollectionsOf(properties, only('legacy'));
		expect((collection.options as INodeProperties[]).map((option) => [option.name, option.default])).toEqual([
			['timeout', 45_000],
			[PARALLEL_REQUESTS, 1],
		]);
		expect(optionsCollectionsOf(properties, only('get'))).toHaveLength(1);
		expect(timeoutIn(optionsCollectionsOf(properties, only('download'))[0])?.default).toBe(TRANSFER_TIMEOUT_MS);
		expect(timeoutIn(optionsCollectionsOf(properties, only('get'))[0])?.default).toBe(DEFAULT_TIMEOUT_MS);
	});

	test('an Options collection two operations share is split when their Timeouts differ, their own option kept in each', () => {
		const shared: INodeProperties = {
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			default: {},
			displayOptions: { show: { resource: ['file'], operation: ['download', 'get'] } },
			options: [{ displayName: 'Zone', name: 'zone', type: 'string', default: '' }],
		};
		const properties = withOperationOptions([selector, shared], resources);
		for (const [operation, timeout] of [
			['download', TRANSFER_TIMEOUT_MS],
			['get', DEFAULT_TIMEOUT_MS],
		] as const) {
			const collections = optionsCollectionsOf(properties, only(operation));
			expect(collections).toHaveLength(1);
			expect((collections[0].options as INodeProperties[]).map((option) => [option.name, option.default])).toEqual([
				['timeout', timeout],
				['zone', ''],
				[PARALLEL_REQUESTS, 1],
			]);
		}
	});

	test("the operation files' descriptions are left as they were (tests share them)", () => {
		const before = JSON.stringify(uploadDocumentImage.description);
		withOperationOptions([...uploadDocumentImage.description], complyCubeResources);
		expect(JSON.stringify(uploadDocumentImage.description)).toBe(before);
		expect(before).not.toContain('"timeout"');
	});

	test('applying it twice changes nothing more', () => {
		const once = withOperationOptions(new CrafterProfile().description.properties, crafterResources);
		expect(withOperationOptions(once, crafterResources)).toEqual(once);
	});
});

describe('the request path waits, by default, what the operation shows', () => {
	/** An execute context of a node of this type whose items leave Options → Timeout unset (or set it). */
	const contextOf = (type: string, parameters: Record<string, unknown>) =>
		({
			getInputData: () => [{ json: {} }],
			getNode: () => ({ name: 'Node', type: `n8n-nodes-identity-uploads.${type}`, typeVersion: 1, parameters }),
			getNodeParameter: (name: string, _index: number, fallback?: unknown) => {
				const [first, inner] = name.split('.');
				const value = inner ? (parameters[first] as Record<string, unknown> | undefined)?.[inner] : parameters[first];
				return value ?? fallback;
			},
		}) as unknown as IExecuteFunctions;

	test.each(nodes)('%s: the defaults the node registers are those main showed', (name, node) => {
		const registered = Object.fromEntries([...timeoutDefaults(node.description.properties)].map(([key, ms]) => [key.replace('\u0000', '/'), ms]));
		expect(Object.keys(registered).sort()).toEqual(operationsOf(node.description.properties).map(label).sort());
		expect(registered).toMatchObject(onMain[name]);
	});

	test.each([
		// A Report → Generate call that is not itself marked a transfer (its GET /reports) waits 60 s, as the editor says.
		['complyCube', 'report', 'generate', false, TRANSFER_TIMEOUT_MS],
		['complyCubeTool', 'report', 'generate', false, TRANSFER_TIMEOUT_MS],
		['crafterProfile', 'attachment', 'upload', false, TRANSFER_TIMEOUT_MS],
		// A call marked a transfer inside an operation that shows 30 s waits 30 s.
		['complyCube', 'client', 'create', true, DEFAULT_TIMEOUT_MS],
		['argosIdentity', 'submission', 'get', true, DEFAULT_TIMEOUT_MS],
		// A node that registered nothing: the call's own mark decides, as before.
		['someOtherNode', 'report', 'generate', true, TRANSFER_TIMEOUT_MS],
		['someOtherNode', 'report', 'generate', false, DEFAULT_TIMEOUT_MS],
	] as const)('%s %s/%s, call marked transfer: %s → %i ms', (type, resource, operation, transfer, ms) => {
		const ctx = contextOf(type, { resource, operation, options: {} });
		expect(timeoutMsFor(ctx, { service: 'Test', idempotent: true, itemIndex: 0, transfer })).toBe(ms);
	});

	test('a Timeout the item sets wins over the default', () => {
		const ctx = contextOf('complyCube', { resource: 'report', operation: 'generate', options: { timeout: 5_000 } });
		expect(timeoutMsFor(ctx, { service: 'Test', idempotent: true, itemIndex: 0 })).toBe(5_000);
	});
});
