import { NodeHelpers, type INode, type INodeTypeDescription } from 'n8n-workflow';

import { ComplyCube } from '../../nodes/ComplyCube/ComplyCube.node';
import { shownOptions, typeName } from '../support/shown-options';

const node = new ComplyCube();
const asTool = { ...node.description, name: 'complyCubeTool' } as INodeTypeDescription;

test('as a node every operation is offered', () => {
	expect(shownOptions(node.description, { resource: 'document' }, 'operation')).toEqual(
		expect.arrayContaining(['create', 'delete', 'deleteImage', 'uploadImage', 'get', 'getAll', 'downloadImage']),
	);
	expect(shownOptions(node.description, {}, 'resource')).toContain('flowSession');
});

test('as an AI agent tool only reading operations are offered, and resources it could only change are hidden', () => {
	expect(shownOptions(asTool, { resource: 'document', allowChanges: false }, 'operation')).toEqual(['downloadImage', 'get', 'getAll']);
	expect(shownOptions(asTool, { resource: 'client', allowChanges: false }, 'operation')).toEqual(['get', 'getAll', 'getRiskProfile']);
	expect(shownOptions(asTool, { resource: 'workflowSession', allowChanges: false }, 'operation')).toEqual(['get', 'getAll']);
	expect(shownOptions(asTool, { resource: 'report', allowChanges: false }, 'operation')).toEqual(['generate']);
	expect(shownOptions(asTool, { resource: 'address', allowChanges: false }, 'operation')).toEqual(['get', 'getAll', 'search']);
	expect(shownOptions(asTool, { resource: 'company', allowChanges: false }, 'operation')).toEqual(['getDetails', 'search']);
	expect(shownOptions(asTool, { resource: 'liveVideo', allowChanges: false }, 'operation')).toEqual(['get', 'getAll']);
	expect(shownOptions(asTool, { resource: 'customList', allowChanges: false }, 'operation')).toEqual(['get', 'getAll']);
	// Redactions cannot be undone: never offered to an agent without Allow Changes.
	expect(shownOptions(asTool, { resource: 'livePhoto', allowChanges: false }, 'operation')).toEqual(['download', 'get', 'getAll']);
	expect(shownOptions(asTool, { resource: 'check', allowChanges: false }, 'operation')).toEqual(['get', 'getAll']);
	expect(shownOptions(asTool, { allowChanges: false }, 'resource')).not.toContain('flowSession');
});

test('with Allow Changes the tool offers everything', () => {
	expect(shownOptions(asTool, { resource: 'document', allowChanges: true }, 'operation')).toEqual(expect.arrayContaining(['uploadImage', 'redact']));
	expect(shownOptions(asTool, { allowChanges: true }, 'resource')).toContain('flowSession');
});

test('a saved workflow without these parameters keeps its defaults: Document → Upload Document Image', () => {
	const instance = { type: typeName(node.description), typeVersion: 1, parameters: {} } as unknown as INode;
	const values = NodeHelpers.getNodeParameters(node.description.properties, {}, true, false, instance, node.description);
	expect(values).toMatchObject({ resource: 'document', operation: 'uploadImage' });
	const toolInstance = { ...instance, type: typeName(asTool) };
	expect(NodeHelpers.getNodeParameters(asTool.properties, {}, true, false, toolInstance, asTool)).toMatchObject({ resource: 'document', operation: 'get' });
});
