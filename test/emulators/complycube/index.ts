import { startHttpEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator-server';
import { Gate } from './auth-and-rate-limit';
import { completeCheck } from './check-runner';
import { CHECK_OUTCOMES, COMPLYCUBE_API_KEY, HOSTED_PAGE_MAX_REQUEST_BYTES, type CheckOutcome, type EventNameFamily } from './constants';
import type { Context } from './context';
import type { ComplyCubeCustomList } from './custom-lists';
import { tooLarge } from './errors';
import { PendingWork } from './pending-work';
import { route } from './router';
import { onCheckCompleted } from './routes/workflow-sessions';
import {
	Store,
	type AcceptedUpload,
	type ComplyCubeAddress,
	type ComplyCubeCheck,
	type ComplyCubeDocument,
	type ComplyCubeEvent,
	type ComplyCubeFlowSession,
	type ComplyCubeLivePhoto,
	type ComplyCubeLiveVideo,
	type ComplyCubeWebhook,
	type ComplyCubeWorkflowSession,
	type Delivery,
} from './store';

export {
	COMPLYCUBE_API_KEY,
	COMPLYCUBE_LIVE_API_KEY,
	COMPLYCUBE_DEMO_CLIENT_ID,
	COMPLYCUBE_DEMO_DOCUMENT_ID,
	COMPLYCUBE_DEMO_LIVE_VIDEO_ID,
	COMPLYCUBE_MIN_BYTES,
	COMPLYCUBE_MAX_BYTES,
	COMPLYCUBE_MAX_REQUEST_BYTES,
	EVENT_TYPES as COMPLYCUBE_EVENT_TYPES,
	type EventNameFamily,
	type CheckOutcome,
} from './constants';
export { COMPLYCUBE_WORKFLOW_TEMPLATES, type ComplyCubeWorkflowTemplate } from './templates';
export { COMPLYCUBE_DEMO_CUSTOM_LIST_ID, type ComplyCubeCustomList } from './custom-lists';
export { signatureOf as complyCubeSignature } from './event-delivery';
export { buildPdf } from './report-pdf';
export type {
	AcceptedUpload,
	ComplyCubeAddress,
	ComplyCubeCheck,
	ComplyCubeDocument,
	ComplyCubeEvent,
	ComplyCubeFlowSession,
	ComplyCubeLivePhoto,
	ComplyCubeLiveVideo,
	ComplyCubeWebhook,
	ComplyCubeWorkflowSession,
	Delivery as ComplyCubeDelivery,
	StoredImage as ComplyCubeStoredImage,
} from './store';

export interface ComplyCubeEmulatorOptions extends EmulatorOptions {
	/** Enforce the per-key rate limits (5/s sandbox, 10/s live); on by default, as the real service. */
	rateLimit?: boolean;
	/** A created check stays 'pending' this long, then completes. Default 1500. */
	checkDelayMs?: number;
	/** The outcome of checks (and so of workflow sessions). Default 'clear'. */
	checkOutcome?: CheckOutcome;
	/** The local-testing switch: false (default) refuses http:// webhook URLs as the real service does; true accepts them. */
	allowHttpWebhooks?: boolean;
	/** Delays between delivery attempts of one event after a non-2xx answer or a connection failure. Default [1000, 5000, 15000]. */
	deliveryRetryDelaysMs?: number[];
	/**
	 * How the completed-check events are spelled (the copies of the docs disagree): 'completed' (default, v1.7.3:
	 * check.completed.clear) or 'complete' (v1.7.2: check.complete.clear). Webhooks accept and receive that family only.
	 */
	eventNames?: EventNameFamily;
}

export interface ComplyCubeEmulator extends RunningEmulator {
	/** What a credential's Base URL is set to: origin + '/v1'. */
	baseUrl: string;
	apiKey: string;
	clients: Map<string, Record<string, unknown>>;
	documents: Map<string, ComplyCubeDocument>;
	livePhotos: Map<string, ComplyCubeLivePhoto>;
	/** Live videos: recorded only through ComplyCube's SDKs, so seeded with addLiveVideo. */
	liveVideos: Map<string, ComplyCubeLiveVideo>;
	addresses: Map<string, ComplyCubeAddress>;
	checks: Map<string, ComplyCubeCheck>;
	webhooks: Map<string, ComplyCubeWebhook>;
	workflowSessions: Map<string, ComplyCubeWorkflowSession>;
	/** Every redaction accepted, in order. */
	redactions: Store['redactions'];
	/** Custom lists (seeded; the API only reads them and adds entities). */
	customLists: Map<string, ComplyCubeCustomList>;
	/** Hosted-page sessions, by the token at the end of their redirectUrl. */
	flowSessions: Map<string, ComplyCubeFlowSession>;
	/** Every image the service accepted, in order (API uploads and the hosted page). */
	acceptedUploads: AcceptedUpload[];
	/** Every webhook delivery attempt, in order. */
	deliveries: Delivery[];
	/** Every event created, delivered or not. */
	events: ComplyCubeEvent[];
	/** Account info (GET /accountInfo); tests change remainingCredit or plan. */
	account: Store['account'];
	/** Team members (seeded: managed in the portal). */
	teamMembers: Store['teamMembers'];
	/** The audit trail the API's changes wrote, oldest first. */
	auditLogs: Store['auditLogs'];
	addClient(fields?: Record<string, unknown>): string;
	addDocument(clientId: string, type?: string): string;
	/** A live video the client has recorded (through an SDK, as the API has no upload), for enhanced_identity_check. */
	addLiveVideo(clientId: string): string;
	/**
	 * The next n authenticated requests answer 429, as when the rate limit is hit (a fault a test injects).
	 * `retryAfter`: a Retry-After header on those answers, which ComplyCube does not document sending.
	 */
	throttleNext(n: number, retryAfter?: string): void;
	/** Completes a check now (its timer cleared), with the given outcome or the one it was created with. */
	completeCheck(checkId: string, outcome?: string): void;
	/** The outcome of checks created from now on. */
	setCheckOutcome(outcome: CheckOutcome): void;
	/** Resolves when no check timer, session completion or delivery (retries included) is pending. */
	settle(): Promise<void>;
}

export async function startComplyCubeEmulator(options: ComplyCubeEmulatorOptions = {}): Promise<ComplyCubeEmulator> {
	const outcome = options.checkOutcome ?? 'clear';
	if (!CHECK_OUTCOMES.includes(outcome)) throw new Error(`checkOutcome must be one of ${CHECK_OUTCOMES.join(', ')}`);
	const store = new Store(outcome);
	const work = new PendingWork();
	const gate = new Gate(options.rateLimit ?? true);
	let origin = '';
	const context: Context = {
		store,
		work,
		options: {
			checkDelayMs: options.checkDelayMs ?? 1500,
			allowHttpWebhooks: options.allowHttpWebhooks ?? false,
			deliveryRetryDelaysMs: options.deliveryRetryDelaysMs ?? [1000, 5000, 15000],
			eventNames: options.eventNames ?? 'completed',
		},
		origin: () => origin,
		checkTimers: new Map(),
		abort: new AbortController(),
		onCheckCompleted: (check) => onCheckCompleted(context, check),
	};
	const {
		rateLimit: _rateLimit,
		checkDelayMs: _delay,
		checkOutcome: _outcome,
		allowHttpWebhooks: _http,
		deliveryRetryDelaysMs: _retries,
		eventNames: _names,
		...serverOptions
	} = options;
	const server = await startHttpEmulator((request) => route(context, gate, request), {
		// The hosted page takes three images in one body; /v1 requests over COMPLYCUBE_MAX_REQUEST_BYTES get 413 in the router.
		maxBodyBytes: HOSTED_PAGE_MAX_REQUEST_BYTES,
		tooLarge: tooLarge(),
		...serverOptions,
	});
	origin = server.origin;
	const closeServer = server.close;
	return Object.assign(server, {
		baseUrl: `${server.origin}/v1`,
		apiKey: COMPLYCUBE_API_KEY,
		clients: store.clients,
		documents: store.documents,
		livePhotos: store.livePhotos,
		liveVideos: store.liveVideos,
		addresses: store.addresses,
		checks: store.checks,
		webhooks: store.webhooks,
		workflowSessions: store.workflowSessions,
		flowSessions: store.flowSessions,
		customLists: store.customLists,
		redactions: store.redactions,
		acceptedUploads: store.acceptedUploads,
		deliveries: store.deliveries,
		events: store.events,
		account: store.account,
		teamMembers: store.teamMembers,
		auditLogs: store.auditLogs,
		addClient: (fields?: Record<string, unknown>) => store.addClient(fields),
		addDocument: (clientId: string, type?: string) => store.addDocument(clientId, type),
		addLiveVideo: (clientId: string) => store.addLiveVideo(clientId),
		throttleNext: (n: number, retryAfter?: string) => {
			gate.throttled = n;
			gate.throttledRetryAfter = retryAfter;
		},
		completeCheck: (checkId: string, checkOutcome?: string) => completeCheck(context, checkId, checkOutcome),
		setCheckOutcome: (next: CheckOutcome) => {
			if (!CHECK_OUTCOMES.includes(next)) throw new Error(`checkOutcome must be one of ${CHECK_OUTCOMES.join(', ')}`);
			store.checkOutcome = next;
		},
		settle: () => work.settle(),
		close: async () => {
			work.close();
			context.abort.abort();
			await closeServer();
		},
	});
}
