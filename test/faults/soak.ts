import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ARGOS_ADMIN_EMAIL, startArgosEmulator, type ArgosEmulator } from '../emulators/argos';
import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../emulators/complycube';
import { startCrafterEmulator, type CrafterEmulator } from '../emulators/crafter';
import type { FixtureItem } from '../engine/fixture-items.node';
import { runWorkflow, type WorkflowJson } from '../engine/run-workflow';
import { fixtureWorkflow } from '../engine/workflow-file';
import { SampleFolder, type SampleKind } from '../support/sample-files';
import { worstCaseMs } from '../../nodes/shared/http/request-guard';
import { FAULT_KINDS, FaultPlan, startFaultProxy, type FaultKind, type FaultProxy, type ProxiedRequest } from './fault-proxy';

/*
 * The fault soak: uploads (and the ComplyCube creates) through the three nodes in the real engine, each
 * service behind its own seeded fault proxy, then an accounting of every input item against what the
 * emulators hold: a success with exactly one stored copy, or an error with nothing stored.
 */

export interface SoakOptions {
	/** Uploads over the three nodes (the ComplyCube creates come on top). */
	uploads: number;
	seed: number;
	/** Share of requests that meet a fault. */
	faultRate: number;
	/** Options → Timeout of every node in the run, in ms. */
	timeoutMs: number;
	/** Items per workflow run. */
	batch?: number;
}

export type Operation = 'documentImage' | 'livePhoto' | 'argosImages' | 'crafterAttachment' | 'clientCreate' | 'documentCreate' | 'checkCreate';

export type Outcome = 'stored once' | 'recovered' | 'error, nothing stored' | 'lost' | 'duplicated' | 'error while stored';

export const OUTCOMES: Outcome[] = ['stored once', 'recovered', 'error, nothing stored', 'lost', 'duplicated', 'error while stored'];

export interface ItemAccount {
	operation: Operation;
	key: string;
	outcome: Outcome;
	copies: number;
	faults: FaultKind[];
	/** From the item's first request reaching the proxy to its last ending there. */
	spanMs: number;
	error?: string;
}

export interface SoakReport {
	items: ItemAccount[];
	boundMs: number;
	faultsInjected: Map<FaultKind, number>;
	requests: number;
	durationMs: number;
	/** The table, as printed. */
	table: string;
}

interface Planned {
	operation: Operation;
	key: string;
	item: FixtureItem;
	/** How many copies the service holds of what this item sent. */
	copies: () => number;
}

const NODE = 'Node';

const workflow = (type: string, credential: string, parameters: INodeParameters, items: FixtureItem[]): WorkflowJson =>
	fixtureWorkflow(items, { name: NODE, type, parameters, credentialType: credential, credentialName: credential });

const jsonField = (body: Buffer, field: string): string | undefined => {
	try {
		const value = (JSON.parse(body.toString('utf8')) as Record<string, unknown>)[field];
		return typeof value === 'string' ? value : undefined;
	} catch {
		return undefined;
	}
};

/** ComplyCube: the document in the path, else the client or e-mail a request names. */
function complyCubeKey(request: ProxiedRequest): string | undefined {
	const document = /\/documents\/([0-9a-f]{24})/.exec(request.path)?.[1];
	if (document) return document;
	return request.query.get('clientId') ?? request.query.get('email') ?? jsonField(request.body, 'clientId') ?? jsonField(request.body, 'email') ?? undefined;
}

const argosKey = (request: ProxiedRequest) => /name="submissionId"\r\n\r\n([^\r]+)/.exec(request.body.toString('latin1'))?.[1];
const crafterKey = (request: ProxiedRequest) => /\/profile\/([0-9a-f]{24})\//.exec(request.path)?.[1];

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
	const started = Date.now();
	const batch = options.batch ?? 100;
	const samples = new SampleFolder();
	const plan = new FaultPlan(options.seed, options.faultRate);
	// A run-local sequence for sizes and kinds, so files replay with the seed too.
	let counter = 0;
	const size = (min: number, spread: number) => min + ((counter++ * 7919) % spread);

	const complyCube: ComplyCubeEmulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 3_600_000 });
	const argos: ArgosEmulator = await startArgosEmulator();
	const crafter: CrafterEmulator = await startCrafterEmulator();
	const proxies: FaultProxy[] = [];
	try {
		const ccProxy = await startFaultProxy(complyCube.origin, plan, complyCubeKey);
		const argosProxy = await startFaultProxy(argos.origin, plan, argosKey);
		const crafterProxy = await startFaultProxy(crafter.origin, plan, crafterKey);
		proxies.push(ccProxy, argosProxy, crafterProxy);
		// The client-side rate limit is off: the emulator's is off too, and the soak is about faults.
		const ccCredentials = { complyCubeApi: { apiKey: complyCube.apiKey, baseUrl: `${ccProxy.origin}/v1`, rateLimit: 'custom', requestsPerSecond: 0 } };
		const argosCredentials = { argosIdentityApi: { apiKey: argos.apiKey, baseUrl: `${argosProxy.origin}/v3` } };
		const crafterCredentials = { crafterProfileApi: { baseUrl: `${crafterProxy.origin}/crafter-profile`, accessTokenId: crafter.accessToken } };
		const timeout = { timeout: options.timeoutMs };

		const share = (fraction: number) => Math.max(1, Math.round(options.uploads * fraction));
		const documentImages = share(0.35);
		const livePhotos = share(0.2);
		const argosItems = share(0.2);
		const crafterItems = Math.max(1, options.uploads - documentImages - livePhotos - argosItems);
		const creates = Math.max(3, Math.round(options.uploads / 25));

		const file = (kind: SampleKind, bytes: number, fileName: string) => {
			const written = samples.make(`${counter++}-${fileName}`, kind, bytes);
			return { path: written.path, fileName, mimeType: 'application/octet-stream', bytes: written.bytes };
		};

		const groups: Array<{ type: string; credentials: Record<string, Record<string, unknown>>; parameters: INodeParameters; planned: Planned[] }> = [];

		// ComplyCube: Upload Document Image, one document per item, either side.
		const imagePlans: Planned[] = [];
		for (let index = 0; index < documentImages; index++) {
			const clientId = complyCube.addClient();
			const documentId = complyCube.addDocument(clientId, 'driving_license');
			const side = index % 2 ? 'back' : 'front';
			const kind: SampleKind = index % 3 === 0 ? 'png' : 'jpeg';
			const sample = file(kind, size(35_000, 40_000), `${side}-${index}.${kind === 'png' ? 'png' : 'jpg'}`);
			imagePlans.push({
				operation: 'documentImage',
				key: documentId,
				item: { json: { documentId, side }, files: { data: sample } },
				copies: () =>
					complyCube.acceptedUploads.filter(
						(upload) => upload.kind === 'documentImage' && upload.id === documentId && upload.side === side && upload.data.equals(sample.bytes),
					).length,
			});
		}
		groups.push({
			type: 'complyCube',
			credentials: ccCredentials,
			parameters: {
				resource: 'document',
				operation: 'uploadImage',
				documentId: '={{ $json.documentId }}',
				documentSide: '={{ $json.side }}',
				binaryPropertyName: 'data',
				options: timeout,
			},
			planned: imagePlans,
		});

		// ComplyCube: Upload Live Photo, one client per item.
		const photoPlans: Planned[] = [];
		for (let index = 0; index < livePhotos; index++) {
			const clientId = complyCube.addClient();
			const sample = file(index % 2 ? 'png' : 'jpeg', size(35_000, 40_000), `selfie-${index}.jpg`);
			photoPlans.push({
				operation: 'livePhoto',
				key: clientId,
				item: { json: { clientId }, files: { data: sample } },
				copies: () => [...complyCube.livePhotos.values()].filter((photo) => photo.clientId === clientId).length,
			});
		}
		groups.push({
			type: 'complyCube',
			credentials: ccCredentials,
			parameters: {
				resource: 'livePhoto',
				operation: 'upload',
				clientId: '={{ $json.clientId }}',
				binaryPropertyName: 'data',
				performLivenessCheck: true,
				options: timeout,
			},
			planned: photoPlans,
		});

		// Argos: Put Submission Image, ID front and selfie in one request, one submission per item.
		const argosPlans: Planned[] = [];
		for (let index = 0; index < argosItems; index++) {
			const submissionId = argos.addSubmission();
			const id = file('jpeg', size(4_000, 30_000), `id-${index}.jpg`);
			const selfie = file('png', size(4_000, 30_000), `selfie-${index}.png`);
			argosPlans.push({
				operation: 'argosImages',
				key: submissionId,
				item: { json: { submissionId }, files: { id, selfie } },
				// Argos overwrites a slot: one copy at most, and it must be these bytes.
				copies: () => {
					const images = argos.submissions.get(submissionId)?.images ?? {};
					return images.idImage?.equals(id.bytes) && images.selfieImage?.equals(selfie.bytes) ? 1 : 0;
				},
			});
		}
		groups.push({
			type: 'argosIdentity',
			credentials: argosCredentials,
			parameters: {
				resource: 'submission',
				operation: 'putImage',
				submissionId: '={{ $json.submissionId }}',
				admin: ARGOS_ADMIN_EMAIL,
				idType: 'passport',
				images: {
					image: [
						{ type: 'idImage', binaryPropertyName: 'id' },
						{ type: 'selfieImage', binaryPropertyName: 'selfie' },
					],
				},
				options: timeout,
			},
			planned: argosPlans,
		});

		// Crafter: Upload Attachment, one profile per item.
		const crafterPlans: Planned[] = [];
		for (let index = 0; index < crafterItems; index++) {
			const profileId = crafter.addProfile();
			const sample = file(index % 2 ? 'png' : 'jpeg', size(2_000, 60_000), `attachment-${index}.${index % 2 ? 'png' : 'jpg'}`);
			const baseName = `attachment-${index}`;
			crafterPlans.push({
				operation: 'crafterAttachment',
				key: profileId,
				item: { json: { profileId }, files: { data: sample } },
				// Crafter replaces by base name: the profile holds one attachment, and it must be these bytes.
				copies: () => {
					const stored = crafter.profiles.get(profileId);
					return stored?.get(baseName)?.data.equals(sample.bytes) ? stored.size : 0;
				},
			});
		}
		groups.push({
			type: 'crafterProfile',
			credentials: crafterCredentials,
			parameters: { resource: 'attachment', operation: 'upload', profileId: '={{ $json.profileId }}', binaryPropertyName: 'data', options: timeout },
			planned: crafterPlans,
		});

		// ComplyCube creates: clients (by e-mail), documents and checks (by a client of their own).
		const clientPlans: Planned[] = [];
		const documentPlans: Planned[] = [];
		const checkPlans: Planned[] = [];
		for (let index = 0; index < creates; index++) {
			const email = `soak-${options.seed}-${index}@example.com`;
			clientPlans.push({
				operation: 'clientCreate',
				key: email,
				item: { json: { email } },
				copies: () => [...complyCube.clients.values()].filter((client) => client.email === email).length,
			});
			const documentClient = complyCube.addClient({ email: `documents-${index}@example.com` });
			documentPlans.push({
				operation: 'documentCreate',
				key: documentClient,
				item: { json: { clientId: documentClient } },
				copies: () => [...complyCube.documents.values()].filter((document) => document.clientId === documentClient).length,
			});
			const checkClient = complyCube.addClient({ email: `checks-${index}@example.com` });
			checkPlans.push({
				operation: 'checkCreate',
				key: checkClient,
				item: { json: { clientId: checkClient } },
				copies: () => [...complyCube.checks.values()].filter((check) => check.clientId === checkClient).length,
			});
		}
		groups.push(
			{
				type: 'complyCube',
				credentials: ccCredentials,
				parameters: {
					resource: 'client',
					operation: 'create',
					clientType: 'person',
					email: '={{ $json.email }}',
					firstName: 'Soak',
					lastName: 'Tester',
					options: timeout,
				},
				planned: clientPlans,
			},
			{
				type: 'complyCube',
				credentials: ccCredentials,
				parameters: { resource: 'document', operation: 'create', clientId: '={{ $json.clientId }}', documentType: 'passport', options: timeout },
				planned: documentPlans,
			},
			{
				type: 'complyCube',
				credentials: ccCredentials,
				parameters: { resource: 'check', operation: 'create', clientId: '={{ $json.clientId }}', checkType: 'standard_screening_check', options: timeout },
				planned: checkPlans,
			},
		);

		const results: Array<{ planned: Planned; output?: INodeExecutionData }> = [];
		for (const group of groups) {
			for (let from = 0; from < group.planned.length; from += batch) {
				const slice = group.planned.slice(from, from + batch);
				const credential = Object.keys(group.credentials)[0];
				const run = await runWorkflow(
					workflow(
						group.type,
						credential,
						group.parameters,
						slice.map((planned) => planned.item),
					),
					group.credentials as never,
				);
				if (run.error) throw new Error(`The soak's workflow stopped: ${run.error.message}`);
				const output = run.output(NODE);
				slice.forEach((planned, index) => {
					results.push({ planned, output: output.find((item) => (item.pairedItem as { item: number } | undefined)?.item === index) });
				});
			}
		}

		const log = proxies.flatMap((proxy) => proxy.log);
		const boundMs = worstCaseMs(options.timeoutMs);
		const items = results.map(({ planned, output }): ItemAccount => {
			const seen = log.filter((entry) => entry.key === planned.key);
			const faults = [...new Set(seen.map((entry) => entry.fault).filter((fault): fault is FaultKind => fault !== 'none'))];
			const spanMs = seen.length ? Math.max(...seen.map((entry) => entry.endedAt ?? Date.now())) - Math.min(...seen.map((entry) => entry.startedAt)) : 0;
			const copies = planned.copies();
			const json = output?.json ?? {};
			const failed = typeof json.error === 'string' && 'details' in json;
			let outcome: Outcome;
			if (!output) outcome = 'lost';
			else if (failed) outcome = copies === 0 ? 'error, nothing stored' : 'error while stored';
			else if (copies === 0) outcome = 'lost';
			else if (copies > 1) outcome = 'duplicated';
			else outcome = json._reconciled ? 'recovered' : 'stored once';
			return { operation: planned.operation, key: planned.key, outcome, copies, faults, spanMs, ...(failed ? { error: String(json.error) } : {}) };
		});
		const report: SoakReport = { items, boundMs, faultsInjected: plan.counts, requests: log.length, durationMs: Date.now() - started, table: '' };
		report.table = formatTable(report, options);
		return report;
	} finally {
		for (const proxy of proxies) await proxy.close();
		await complyCube.close();
		await argos.close();
		await crafter.close();
	}
}

/** Rows: each fault kind (an item counts under every kind it met) and "no fault"; columns: the outcomes. */
export function formatTable(report: SoakReport, options: SoakOptions): string {
	const rows: Array<[string, ItemAccount[]]> = [
		...FAULT_KINDS.map((kind): [string, ItemAccount[]] => [kind, report.items.filter((item) => item.faults.includes(kind))]),
		['no fault', report.items.filter((item) => item.faults.length === 0)],
		['all items', report.items],
	];
	const header = ['fault met by the item', 'injected', 'items', ...OUTCOMES];
	const lines = rows.map(([name, items]) => [
		name,
		name in Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 1])) ? String(report.faultsInjected.get(name as FaultKind) ?? 0) : '',
		String(items.length),
		...OUTCOMES.map((outcome) => String(items.filter((item) => item.outcome === outcome).length)),
	]);
	const perOperation = (['documentImage', 'livePhoto', 'argosImages', 'crafterAttachment', 'clientCreate', 'documentCreate', 'checkCreate'] as Operation[]).map(
		(operation) => {
			const items = report.items.filter((item) => item.operation === operation);
			return [operation, '', String(items.length), ...OUTCOMES.map((outcome) => String(items.filter((item) => item.outcome === outcome).length))];
		},
	);
	const widths = header.map((_, column) => Math.max(...[header, ...lines, ...perOperation].map((line) => line[column].length)));
	const format = (line: string[]) =>
		`| ${line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
	const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
	const uploads = report.items.filter((item) => !item.operation.endsWith('Create')).length;
	const slowest = Math.max(0, ...report.items.map((item) => item.spanMs));
	return [
		`Fault soak: seed ${options.seed}, ${uploads} uploads + ${report.items.length - uploads} creates, ${report.requests} requests, fault rate ${options.faultRate}, Timeout ${options.timeoutMs} ms, ${Math.round(report.durationMs / 1000)} s`,
		format(header),
		rule,
		...lines.map(format),
		rule,
		...perOperation.map(format),
		`Slowest item: ${slowest} ms; bound per item (${4} attempts × ${options.timeoutMs} ms + 3 × 8 s backoff): ${report.boundMs} ms`,
	].join('\n');
}
