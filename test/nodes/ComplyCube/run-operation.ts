import path from 'node:path';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { ComplyCubeEmulator } from '../../emulators/complycube';
import type { FixtureItem } from '../../engine/fixture-items.node';
import { runWorkflow, type WorkflowRun } from '../../engine/run-workflow';
import { loadWorkflow } from '../../engine/workflow-file';

const WORKFLOW = path.join(__dirname, 'operation.workflow.json');
export const NODE = 'ComplyCube';

export interface OperationRun extends WorkflowRun {
	/** The ComplyCube node's items on its main output. */
	items: INodeExecutionData[];
}

/**
 * Runs the ComplyCube node once, in the real engine against the emulator, with the given parameters
 * (expressions allowed, e.g. '={{ $json.clientId }}') over the given input items.
 */
export async function runOperation(
	emulator: ComplyCubeEmulator,
	parameters: INodeParameters,
	items: FixtureItem[] = [{ json: {} }],
	settings: { continueOnFail?: boolean; apiKey?: string; typeVersion?: number } = {},
): Promise<OperationRun> {
	const workflow = loadWorkflow(WORKFLOW, items, {
		[NODE]: {
			parameters,
			...(settings.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(settings.typeVersion ? { typeVersion: settings.typeVersion } : {}),
		},
	});
	const run = await runWorkflow(workflow, { complyCubeApi: { apiKey: settings.apiKey ?? emulator.apiKey, baseUrl: emulator.baseUrl } });
	return Object.assign(run, { items: run.output(NODE) });
}
