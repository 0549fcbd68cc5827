import type { INodeProperties, INodeType } from 'n8n-workflow';

import { ArgosIdentity } from '../../nodes/ArgosIdentity/ArgosIdentity.node';
import { ComplyCube } from '../../nodes/ComplyCube/ComplyCube.node';
import { resources } from '../../nodes/ComplyCube/actions/resources';
import { CrafterProfile } from '../../nodes/CrafterProfile/CrafterProfile.node';
import * as putSubmissionImage from '../../nodes/ArgosIdentity/actions/submission/putImage.operation';
import { DEFAULT_PARALLEL_REQUESTS, operationsOf, PARALLEL_REQUESTS, withParallelRequests } from '../../nodes/shared/items/parallel-requests';

const nodes: Array<[string, INodeType]> = [
	['ComplyCube', new ComplyCube()],
	['Argos Identity', new ArgosIdentity()],
	['Crafter Profile', new CrafterProfile()],
];

/** The Options collections n8n shows for this resource and operation (as a node, not as a tool). */
function optionsShownFor(properties: INodeProperties[], resource: string, operation: string) {
	return properties.filter((property) => {
		if (property.name !== 'options') return false;
		const show = (property.displayOptions?.show ?? {}) as Record<string, unknown[]>;
		return show.resource?.includes(resource) && show.operation?.includes(operation);
	});
}

describe.each(nodes)('%s: Parallel Requests in every operation', (_name, node) => {
	const { properties } = node.description;
	const operations = operationsOf(properties);

	test('the node has operations to check', () => {
		expect(operations.length).toBeGreaterThan(0);
	});

	test.each(operationsOf(node.description.properties).map(({ resource, operation }) => [`${resource} / ${operation}`, resource, operation]))(
		'%s: exactly one Options collection, holding Parallel Requests',
		(_pair, resource, operation) => {
			const shown = optionsShownFor(properties, resource, operation);
			expect(shown).toHaveLength(1);
			const option = (shown[0].options as INodeProperties[]).find((candidate) => candidate.name === PARALLEL_REQUESTS);
			expect(option).toMatchObject({ displayName: 'Parallel Requests', type: 'number', default: DEFAULT_PARALLEL_REQUESTS });
		},
	);
});

test('every ComplyCube operation the router runs is offered, and so has the option', () => {
	const offered = operationsOf(new ComplyCube().description.properties).map(({ resource, operation }) => `${resource}/${operation}`);
	const routed = resources.flatMap((resource) => Object.keys(resource.operations).map((operation) => `${resource.value}/${operation}`));
	expect(offered.sort()).toEqual(routed.sort());
});

test("an operation's own options stay, with Parallel Requests after them", () => {
	const upload = optionsShownFor(new ComplyCube().description.properties, 'document', 'uploadImage')[0];
	const names = (upload.options as INodeProperties[]).map((option) => option.name);
	expect(names).toContain('fileName');
	expect(names[names.length - 1]).toBe(PARALLEL_REQUESTS);
});

test("the operations' own descriptions are left as they were (other nodes and tests share them)", () => {
	const before = JSON.stringify(putSubmissionImage.description);
	withParallelRequests([...putSubmissionImage.description]);
	expect(JSON.stringify(putSubmissionImage.description)).toBe(before);
	expect(JSON.stringify(putSubmissionImage.description)).not.toContain(PARALLEL_REQUESTS);
});

test('applying it twice changes nothing more', () => {
	const once = withParallelRequests(new CrafterProfile().description.properties);
	expect(withParallelRequests(once)).toEqual(once);
});
