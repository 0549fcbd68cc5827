import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

import { EDITOR_OWNER } from './editor';
import type { N8nInstance } from './n8n-instance';

/** The repository's examples/ folder: two levels up from scripts/e2e under ts-jest, three from dist/scripts/e2e. */
const examplesFolder = [path.resolve(__dirname, '..', '..', 'examples'), path.resolve(__dirname, '..', '..', '..', 'examples')].find((folder) =>
	existsSync(folder),
)!;
const exampleId = (file: string) => (JSON.parse(readFileSync(path.join(examplesFolder, file), 'utf8')) as { id: string }).id;

/** The ids of the four ComplyCube flow examples, as their files give them (examples/*.json). */
export const FLOW_WORKFLOWS = {
	formIntake: exampleId('complycube-form-intake.json'),
	checkDecision: exampleId('complycube-check-decision.json'),
	verificationLink: exampleId('complycube-verification-link.json'),
	sessionOutcome: exampleId('complycube-session-outcome.json'),
} as const;

/** The webhookIds the examples give their Form Trigger and ComplyCube Triggers (their production paths). */
export const FLOW_WEBHOOK_IDS = {
	formIntake: '5f6c8d2e-7a1b-4c3d-9e8f-0a1b2c3d4e01',
	checkDecision: '5f6c8d2e-7a1b-4c3d-9e8f-0a1b2c3d4e02',
	sessionOutcome: '5f6c8d2e-7a1b-4c3d-9e8f-0a1b2c3d4e03',
} as const;

/** The workflows that run on their own once n8n starts: the form and the two ComplyCube Triggers. */
export const LIVE_WORKFLOWS = [FLOW_WORKFLOWS.formIntake, FLOW_WORKFLOWS.checkDecision, FLOW_WORKFLOWS.sessionOutcome];

/** The Argos journey's examples: the link sent (run once), and the Argos Trigger's workflow (live). */
export const ARGOS_FLOW_WORKFLOWS = {
	verificationLink: exampleId('argos-verification-link.json'),
	approvedAml: exampleId('argos-approved-aml-monitoring.json'),
} as const;

/** The webhookId the approved → AML monitoring example gives its Argos Identity Trigger (its production path). */
export const ARGOS_TRIGGER_WEBHOOK_ID = (
	JSON.parse(readFileSync(path.join(examplesFolder, 'argos-approved-aml-monitoring.json'), 'utf8')) as { nodes: Array<{ type: string; webhookId?: string }> }
).nodes.find((node) => node.type.endsWith('.argosIdentityTrigger'))!.webhookId!;

/** n8n's production URLs for a given N8N_WEBHOOK_URL (with its trailing slash). */
export function productionUrls(webhookUrl: string) {
	return {
		form: `${webhookUrl}form/${FLOW_WEBHOOK_IDS.formIntake}`,
		checkDecisionWebhook: `${webhookUrl}webhook/${FLOW_WEBHOOK_IDS.checkDecision}/webhook`,
		sessionOutcomeWebhook: `${webhookUrl}webhook/${FLOW_WEBHOOK_IDS.sessionOutcome}/webhook`,
	};
}

/**
 * Makes an instance (package, credentials, examples imported) ready for `n8n start` with live
 * triggers: the webhook base URL set (the address the services' deliveries and the form use), file
 * access allowed to examples/files and the repository's reports/ folder (created), and the given
 * workflows (by default the ComplyCube flow's form and triggers) marked active, so n8n activates them
 * (and the triggers register their webhooks) on start. Answers the reports folder.
 */
export async function prepareLiveFlow(instance: N8nInstance, repoRoot: string, webhookUrl: string, live: readonly string[] = LIVE_WORKFLOWS): Promise<string> {
	const reports = path.join(repoRoot, 'reports');
	mkdirSync(reports, { recursive: true });
	const { line } = instance.cell;
	// n8n 2 reads N8N_WEBHOOK_URL (WEBHOOK_URL still works there but is reported as deprecated); n8n 1 reads only WEBHOOK_URL.
	instance.env[line.webhookUrlEnv] = webhookUrl;
	instance.env.N8N_RESTRICT_FILE_ACCESS_TO = [path.join(repoRoot, 'examples/files'), reports].map((folder) => realpathSync(folder)).join(';');
	// import:workflow leaves a workflow inactive. n8n 2.40: publish:workflow marks its current version
	// active; n8n 1.x: update:workflow --active=true. `n8n start` then activates them (webhooks
	// registered, the triggers' create hooks run).
	for (const id of live) await instance.n8n([...line.activateCommand, `--id=${id}`]);
	return reports;
}

export interface ExecutionSummary {
	id: string;
	status: string;
	mode: string;
	workflowId: string;
	finished?: boolean;
	startedAt?: string;
	stoppedAt?: string;
}

export interface ExecutionDetail extends ExecutionSummary {
	/** The run: resultData.runData per node, as n8n stores it. */
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{
					data?: { main: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, Record<string, unknown>> }> | null> };
					error?: { message: string };
				}>
			>;
			error?: { message: string };
			lastNodeExecuted?: string;
		};
	};
}

/** n8n stores and serves execution data in the `flatted` format: a table whose strings that are numbers point at other entries. */
export function unflatten(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const done = new Map<number, unknown>();
	const resolve = (index: number): unknown => {
		const entry = table[index];
		if (typeof entry !== 'object' || entry === null) return entry;
		if (done.has(index)) return done.get(index);
		const out: Record<string, unknown> | unknown[] = Array.isArray(entry) ? [] : {};
		done.set(index, out);
		for (const [key, value] of Object.entries(entry)) (out as Record<string, unknown>)[key] = typeof value === 'string' ? resolve(Number(value)) : value;
		return out;
	};
	return resolve(0);
}

/** n8n's internal REST API (the editor's), signed in as the owner with the auth cookie. */
export class N8nRest {
	private constructor(
		readonly url: string,
		private readonly cookie: string,
	) {}

	static async login(url: string, owner = EDITOR_OWNER): Promise<N8nRest> {
		const answer = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
		});
		if (!answer.ok) throw new Error(`Login answered ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
		const cookie = answer.headers
			.getSetCookie()
			.map((line) => line.split(';')[0])
			.join('; ');
		return new N8nRest(url, cookie);
	}

	async request<T>(method: string, route: string, body?: unknown): Promise<T> {
		const answer = await fetch(`${this.url}/rest${route}`, {
			method,
			headers: { cookie: this.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await answer.text();
		if (!answer.ok) throw new Error(`${method} /rest${route} answered ${answer.status}: ${text.slice(0, 500)}`);
		return (JSON.parse(text) as { data: T }).data;
	}

	/** The saved workflow (`activeVersionId` exists from n8n 2 on: n8n 1 has no published versions). */
	async workflow(id: string): Promise<{ id: string; active: boolean; activeVersionId?: string | null; versionId: string; staticData?: unknown }> {
		return await this.request('GET', `/workflows/${id}`);
	}

	async deactivate(id: string): Promise<void> {
		await this.request('POST', `/workflows/${id}/deactivate`, {});
	}

	async activate(id: string): Promise<void> {
		const { versionId } = await this.workflow(id);
		await this.request('POST', `/workflows/${id}/activate`, { versionId });
	}

	/** The workflow's executions, newest first. */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.request<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}&limit=100`);
		return page.results;
	}

	async execution(id: string): Promise<ExecutionDetail> {
		const answer = await this.request<ExecutionSummary & { data: string }>('GET', `/executions/${id}`);
		return { ...answer, data: unflatten(answer.data) as ExecutionDetail['data'] };
	}

	/** Waits until the workflow has at least `count` finished executions (not new/running/waiting); answers them, oldest first. */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 30_000): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		let done: ExecutionSummary[] = [];
		while (Date.now() < deadline) {
			done = (await this.executions(workflowId)).filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
			if (done.length >= count) return done.sort((a, b) => Number(a.id) - Number(b.id));
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`Workflow ${workflowId} had ${done.length} finished executions after ${timeoutMs / 1000} s, not ${count}`);
	}
}

/** Polls until `check` answers something truthy; answers it. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/**
 * n8n answers /healthz before it has activated the published workflows: waits until both ComplyCube
 * Triggers have registered their webhooks (by URL, at the given webhooks map) and the form answers.
 */
export async function waitForLiveFlow(webhooks: Map<string, { url: string }>, webhookUrl: string, timeoutMs = 60_000): Promise<void> {
	const urls = productionUrls(webhookUrl);
	const registered = () => [...webhooks.values()].map((hook) => hook.url);
	await waitFor(
		'the ComplyCube Triggers to register their webhooks',
		() => registered().includes(urls.checkDecisionWebhook) && registered().includes(urls.sessionOutcomeWebhook),
		timeoutMs,
	);
	await waitFor('the intake form', async () => (await fetch(urls.form).catch(() => undefined))?.status === 200, timeoutMs);
}
