import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// n8n reads its folders from the environment when its services are first built.
process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'identity-uploads-n8n-'));
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL ??= 'silent';
// A fixed key for this throw-away user folder; without one n8n writes a config file and says so.
process.env.N8N_ENCRYPTION_KEY ??= 'identity-uploads-in-process-engine';

import { Container } from '@n8n/di';
import { BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IConnections,
	type INode,
	type INodeExecutionData,
	type IRun,
	type IRunExecutionData,
	type IWorkflowBase,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials-helper';
import { credentialTypes, nodeTypes } from './node-types';

export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
}

export interface WorkflowRun {
	run: IRun;
	/** The items a node put on its first output in its first run ([] if it did not run). */
	output(nodeName: string): INodeExecutionData[];
	/** The error that stopped the workflow, if one did. */
	error?: Error & { description?: string; httpCode?: string | null; context?: Record<string, unknown> };
}

let binaryDataReady: Promise<void> | undefined;

/** The real binary data service, in filesystem mode, under a temporary n8n user folder. */
export async function initBinaryData(): Promise<void> {
	binaryDataReady ??= Container.get(BinaryDataService).init();
	await binaryDataReady;
}

/** A Workflow object of the engine for a workflow JSON, as n8n builds one to run or activate it. */
export function toWorkflow(workflowJson: WorkflowJson, active = false): Workflow {
	return new Workflow({
		id: workflowJson.id ?? 'in-process',
		name: workflowJson.name,
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		nodeTypes,
		active,
		settings: { executionOrder: 'v1' },
	});
}

/** What n8n hands every node context: credentials, URLs, hooks. */
export function additionalDataFor(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
	webhookBaseUrl = '',
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(credentialTypes, credentials),
		hooks,
		executionId: hooks?.executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678',
		formWaitingBaseUrl: '',
		webhookBaseUrl,
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		variables: {},
		encryptedRunnerIdentity: undefined,
		evalLlmMockHandler: undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface RunOptions {
	/** Output to use for these nodes instead of running them, as n8n does for pinned data or a trigger's event. */
	pinData?: Record<string, INodeExecutionData[]>;
	/** The node to start from; by default the workflow's start node (its manual trigger). */
	startNode?: string;
}

/** Runs a workflow in n8n-core's WorkflowExecute, starting from its first node without inputs. */
export async function runWorkflow(
	workflowJson: WorkflowJson,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	options: RunOptions = {},
): Promise<WorkflowRun> {
	await initBinaryData();
	const workflow = toWorkflow(workflowJson);
	const hooks = new ExecutionLifecycleHooks('manual', `run-${Date.now()}`, workflowJson as unknown as IWorkflowBase);
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
	const additionalData = additionalDataFor(credentials, hooks);
	const startNode = options.startNode ? workflow.getNode(options.startNode) : workflow.getStartNode();
	if (!startNode) throw new Error('The workflow has no start node');
	const runExecutionData = {
		startData: {},
		resultData: { runData: {}, ...(options.pinData ? { pinData: options.pinData } : {}) },
		executionData: {
			contextData: {},
			metadata: {},
			nodeExecutionStack: [{ node: startNode, data: { main: [[{ json: {} }]] }, source: null }],
			waitingExecution: {},
			waitingExecutionSource: {},
		},
	} as unknown as IRunExecutionData;
	const execute = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	await execute.processRunExecutionData(workflow);
	const run = await finished;
	return {
		run,
		output: (nodeName) => run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
		error: run.data.resultData.error as WorkflowRun['error'],
	};
}
