import { NodeOperationError, type IExecuteFunctions, type INode, type INodeExecutionData } from 'n8n-workflow';

import { runPerItem } from '../../nodes/shared/items/per-item-runner';

/**
 * Where n8n 1.x (1.123: n8n-core 1.122, n8n-workflow 1.120) and n8n 2.x (2.40: n8n-core/n8n-workflow
 * 2.41) differ in what the nodes rely on, and how the package handles both. The e2e proves each in a
 * real n8n of both lines (test/e2e, jest.e2e.config.js); these name the differences without one.
 */

const nodeWith = (onError?: INode['onError']): INode => ({
	id: '1',
	name: 'Upload ID front',
	type: 'n8n-nodes-identity-uploads.complyCube',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	onError,
});

function fakeContext(node: INode, items: INodeExecutionData[]): IExecuteFunctions {
	return {
		getInputData: () => items,
		getNode: () => node,
		continueOnFail: () => true,
		getNodeParameter: (_name: string, _index: number, fallback: unknown) => fallback,
	} as unknown as IExecuteFunctions;
}

/**
 * Which items "On Error: Continue (using error output)" sends to the error output, as each line's
 * WorkflowExecute.handleNodeErrorOutput decides it (n8n-core dist/execution-engine/workflow-execute.js).
 * An item with item.error would route on both, but both lines' normalizeNodeErrors then replace its
 * json with {error} alone, so the package does not use it.
 */
const goesToErrorOutput = {
	'1.x': (item: INodeExecutionData) =>
		Boolean(item.error) ||
		(Boolean(item.json.error) && Object.keys(item.json).length === 1) ||
		(Boolean(item.json.error) && Boolean(item.json.message) && Object.keys(item.json).length === 2),
	'2.x': (item: INodeExecutionData) =>
		Boolean(item.error) || (Boolean(item.json.error) && Object.keys(item.json).every((key) => ['error', 'message', 'details'].includes(key))),
};

async function failSecondItem(node: INode) {
	const items: INodeExecutionData[] = [{ json: { n: 0 } }, { json: { n: 1 } }];
	return await runPerItem(fakeContext(node, items), async (_ctx, itemIndex) => {
		if (itemIndex === 1) throw new NodeOperationError(node, 'The file is too small', { description: 'Use a larger image.' });
		return { json: { uploaded: true } };
	});
}

test('error output: n8n 1.x routes an item there only if its json is exactly {error} or {error, message}, n8n 2 also with details; a failed item is {error, message: description} there, so it reaches the error output on both', async () => {
	const output = await failSecondItem(nodeWith('continueErrorOutput'));
	expect(output[1].json).toEqual({ error: 'The file is too small [item 1]', message: 'Use a larger image.' });
	expect(output[1].error).toBeUndefined();
	for (const line of ['1.x', '2.x'] as const) {
		expect(goesToErrorOutput[line](output[1])).toBe(true);
		expect(goesToErrorOutput[line](output[0])).toBe(false);
	}
	// The regular output's shape, {error, details}, would reach the error output on 2.x only.
	const regular = await failSecondItem(nodeWith('continueRegularOutput'));
	expect(regular[1].json).toEqual({ error: 'The file is too small [item 1]', details: { description: 'Use a larger image.' } });
	expect(goesToErrorOutput['2.x'](regular[1])).toBe(true);
	expect(goesToErrorOutput['1.x'](regular[1])).toBe(false);
});

/** n8n's isWorkflowIdValid (packages/cli/src/utils.ts), which WorkflowStaticDataService.saveStaticData checks first. */
const savesStaticData = {
	'1.x': (id: string) => id.length <= 16,
	'2.x': (id: string) => id.length > 0 && id.length <= 21,
};

test("static data: n8n 1.x saves a workflow's static data (the ComplyCube Trigger's webhook id and secret) only for ids of at most 16 characters, n8n 2 up to 21", () => {
	// A 17-character id imports and activates on 1.x, but the registration is lost: every delivery then fails
	// the signature check. n8n's own ids have 16 characters; the examples' must too (test/e2e/examples.e2e.test.ts).
	expect(savesStaticData['1.x']('IdUpCcDecision01')).toBe(true);
	expect(savesStaticData['1.x']('IdUpCcSessionOut1')).toBe(false);
	expect(savesStaticData['2.x']('IdUpCcSessionOut1')).toBe(true);
});
