import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INode, INodeType, IWebhookData, IWebhookDescription, IWebhookResponseData, Workflow } from 'n8n-workflow';

import { additionalDataFor, initBinaryData, runWorkflow, toWorkflow, type WorkflowJson, type WorkflowRun } from './run-workflow';

export interface DeliveryAnswer {
	status: number;
	body: string;
}

/**
 * What n8n does for a workflow that starts with a webhook trigger, in-process: activation calls the
 * trigger's webhook methods (checkExists, then create) through n8n-core's HookContext, as n8n does when a
 * workflow is activated; a production webhook URL on loopback hands each request to the trigger's
 * `webhook()` through n8n-core's WebhookContext, answers as n8n does, and runs the workflow from the
 * trigger's items; deactivation calls delete.
 *
 * The static data is kept as n8n keeps it in its database: each activation, deactivation and request gets a
 * Workflow object of its own, with a copy of the stored static data read when it starts, and what it changed
 * is written back when it is done (n8n's LiveWebhooks.executeWebhook loads the workflow per request and saves
 * its static data after the trigger answered). A request's write lands STATIC_DATA_WRITE_MS after the trigger
 * answered, as n8n's database write comes after its answer; so two requests that arrive together both read the
 * data from before either, as they do in n8n. Each harness is a workflow of its own (a fresh workflow id), as
 * each test's workflow is.
 */
/** How long after a trigger answered a request its static data is written back (n8n: a database write). */
export const STATIC_DATA_WRITE_MS = 25;

export class TriggerHarness {
	readonly executions: WorkflowRun[] = [];
	readonly answers: DeliveryAnswer[] = [];
	/** The workflow's static data as n8n stores it: JSON, written after each activation, deactivation or request. */
	private storedStaticData = '{}';
	private readonly pending = new Set<Promise<unknown>>();

	private constructor(
		private readonly workflowJson: WorkflowJson,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
		private readonly server: Server,
		readonly origin: string,
		readonly workflow: Workflow,
		readonly trigger: INode,
	) {}

	static async start(
		workflowJson: WorkflowJson,
		credentials: Record<string, ICredentialDataDecryptedObject>,
		options: { port?: number } = {},
	): Promise<TriggerHarness> {
		await initBinaryData();
		workflowJson = { ...workflowJson, id: `${workflowJson.id ?? 'trigger'}-${randomUUID()}` };
		const workflow = toWorkflow(workflowJson, true);
		const trigger = workflowJson.nodes.find((node) => nodeTypeOf(workflow, node).description.webhooks?.length);
		if (!trigger) throw new Error(`${workflowJson.name ?? 'The workflow'} has no webhook trigger`);
		let harness: TriggerHarness | undefined;
		const server = createServer((request, response) => harness?.handle(request, response));
		await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
		const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		harness = new TriggerHarness(workflowJson, credentials, server, origin, workflow, trigger);
		return harness;
	}

	/** The trigger's production URL, e.g. http://127.0.0.1:40123/webhook/<id>/webhook. */
	get webhookUrl(): string {
		return new HookContext(this.workflow, this.trigger, this.additionalData(), 'trigger', 'activate').getNodeWebhookUrl('default') as string;
	}

	/**
	 * Activation: `checkExists`, and `create` when it answers false. Throws what the trigger throws. A trigger
	 * without webhook methods (its URL is set in the service's dashboard) has nothing to register: a no-op.
	 */
	async activate(): Promise<void> {
		const methods = this.webhookMethods();
		if (!methods) return;
		await this.withStoredStaticData(async (workflow) => {
			const context = this.hookContext(workflow, 'activate');
			if (!(await methods.checkExists.call(context))) await methods.create.call(context);
		});
	}

	async deactivate(): Promise<void> {
		const methods = this.webhookMethods();
		if (!methods) return;
		await this.withStoredStaticData(async (workflow) => await methods.delete.call(this.hookContext(workflow, 'activate')));
	}

	/** The trigger's static data, as stored with the workflow (a copy). */
	staticData(): Record<string, unknown> {
		return ((JSON.parse(this.storedStaticData) as Record<string, unknown>)[`node:${this.trigger.name}`] ?? {}) as Record<string, unknown>;
	}

	/** The size of the workflow's stored static data, in bytes of JSON. */
	staticDataBytes(): number {
		return Buffer.byteLength(this.storedStaticData);
	}

	/**
	 * Runs `work` on a Workflow object loaded with the stored static data, and stores what it changed when it
	 * succeeds (n8n saves a webhook's static data only when the trigger did not throw).
	 */
	private async withStoredStaticData<T>(work: (workflow: Workflow) => Promise<T>, writeDelayMs = 0): Promise<T> {
		const workflow = toWorkflow(this.workflowJson, true);
		workflow.overrideStaticData(JSON.parse(this.storedStaticData) as Workflow['staticData']);
		workflow.staticData.__dataChanged = false;
		const result = await work(workflow);
		if (writeDelayMs) await new Promise((resolve) => setTimeout(resolve, writeDelayMs));
		if (workflow.staticData.__dataChanged) this.storedStaticData = JSON.stringify(workflow.staticData);
		return result;
	}

	/** Resolves once at least `count` executions have finished, or rejects after `timeoutMs`. */
	async waitForExecutions(count: number, timeoutMs = 10_000): Promise<WorkflowRun[]> {
		const deadline = Date.now() + timeoutMs;
		while (this.executions.length < count) {
			if (Date.now() > deadline) throw new Error(`${this.executions.length} of ${count} executions after ${timeoutMs} ms`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		await Promise.all(this.pending);
		return this.executions;
	}

	async close(): Promise<void> {
		await Promise.all(this.pending);
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	private additionalData() {
		return additionalDataFor(this.credentials, undefined, `${this.origin}/webhook`);
	}

	private webhookDescription(): IWebhookDescription {
		return nodeTypeOf(this.workflow, this.trigger).description.webhooks![0];
	}

	/** The trigger's checkExists/create/delete; undefined for a trigger that has none. */
	private webhookMethods() {
		const methods = nodeTypeOf(this.workflow, this.trigger).webhookMethods?.default;
		if (!methods) return undefined;
		if (!methods.checkExists || !methods.create || !methods.delete) throw new Error('The trigger has incomplete webhook methods');
		return methods as Required<typeof methods>;
	}

	private webhookData(additionalData = this.additionalData()): IWebhookData {
		const description = this.webhookDescription();
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: this.trigger.name,
			path: String(description.path),
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: additionalData,
			isTest: false,
		};
	}

	private hookContext(workflow: Workflow, activation: 'activate' | 'update') {
		const additionalData = this.additionalData();
		return new HookContext(workflow, this.trigger, additionalData, 'trigger', activation, this.webhookData(additionalData));
	}

	private handle(request: IncomingMessage, response: ServerResponse) {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const done = this.deliver(request, Buffer.concat(chunks), response).finally(() => this.pending.delete(done));
			this.pending.add(done);
		});
	}

	/** One request to the production URL, handled and answered the way n8n's webhook server does. */
	private async deliver(request: IncomingMessage, rawBody: Buffer, response: ServerResponse): Promise<void> {
		const answer = recordingResponse(response, this.answers);
		if (request.method !== 'POST' || !request.url?.startsWith(new URL(this.webhookUrl).pathname)) {
			answer.status(404).json({ message: 'The requested webhook is not registered.' });
			return;
		}
		let body: unknown = {};
		try {
			body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			body = {};
		}
		const additionalData = this.additionalData();
		// The query as express parses it (a repeated name becomes a list), for triggers that read getQueryData().
		const query: Record<string, string | string[]> = {};
		for (const [name, value] of new URL(request.url, this.origin).searchParams) {
			const held = query[name];
			query[name] = held === undefined ? value : [...(Array.isArray(held) ? held : [held]), value];
		}
		Object.assign(additionalData, { httpRequest: Object.assign(request, { body, rawBody, query, params: {} }), httpResponse: answer });
		let result: IWebhookResponseData;
		try {
			result = await this.withStoredStaticData(async (workflow) => {
				const context = new WebhookContext(workflow, this.trigger, additionalData, 'webhook', this.webhookData(additionalData), [], null);
				return await nodeTypeOf(workflow, this.trigger).webhook!.call(context);
			}, STATIC_DATA_WRITE_MS);
		} catch (error) {
			answer.status(500).json({ message: (error as Error).message });
			return;
		}
		// The node may have answered itself (noWebhookResponse); otherwise n8n answers, as its webhook server does.
		if (!result.workflowData) {
			if (!result.noWebhookResponse) answer.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}
		if (!result.noWebhookResponse) answer.status(200).json({ message: 'Workflow was started' });
		const run = await runWorkflow(this.workflowJson, this.credentials, {
			pinData: { [this.trigger.name]: result.workflowData[0] },
			startNode: this.trigger.name,
		});
		this.executions.push(run);
	}
}

function nodeTypeOf(workflow: Workflow, node: INode): INodeType {
	return workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
}

/** Enough of express's Response for a trigger: status, json, send, end; each answer is recorded. */
function recordingResponse(response: ServerResponse, answers: DeliveryAnswer[]) {
	const answer = {
		status(code: number) {
			response.statusCode = code;
			return answer;
		},
		json(value: unknown) {
			response.setHeader('content-type', 'application/json');
			return answer.send(JSON.stringify(value));
		},
		send(text: string) {
			answers.push({ status: response.statusCode, body: text });
			response.end(text);
			return answer;
		},
		end() {
			return answer.send('');
		},
		get headersSent() {
			return response.headersSent;
		},
	};
	return answer as typeof answer & Record<string, unknown>;
}
