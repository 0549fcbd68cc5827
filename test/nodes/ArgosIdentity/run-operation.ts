import path from 'node:path';

import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import type { ArgosEmulator } from '../../emulators/argos';
import type { FixtureItem } from '../../engine/fixture-items.node';
import { runWorkflow, type WorkflowRun } from '../../engine/run-workflow';
import { loadWorkflow } from '../../engine/workflow-file';

const WORKFLOW = path.join(__dirname, 'operation.workflow.json');
export const NODE = 'Argos Identity';

export interface OperationRun extends WorkflowRun {
	/** The Argos node's items on its main output. */
	items: INodeExecutionData[];
}

/** Runs the Argos Identity node once, in the real engine against the emulator, over the given items. */
export async function runOperation(
	emulator: ArgosEmulator,
	parameters: INodeParameters,
	items: FixtureItem[] = [{ json: {} }],
	settings: { continueOnFail?: boolean; credentials?: Record<string, unknown>; type?: string } = {},
): Promise<OperationRun> {
	const workflow = loadWorkflow(WORKFLOW, items, {
		[NODE]: {
			parameters,
			...(settings.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(settings.type ? { type: settings.type } : {}),
		},
	});
	const run = await runWorkflow(workflow, { argosIdentityApi: { apiKey: emulator.apiKey, baseUrl: emulator.baseUrl, ...settings.credentials } as never });
	return Object.assign(run, { items: run.output(NODE) });
}
