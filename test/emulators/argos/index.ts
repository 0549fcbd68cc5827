import { startHttpEmulator, type EmulatorRequest, type EmulatorResponse, type RunningEmulator } from '../emulator-server';
import { ARGOS_API_KEY, ARGOS_PROJECT_ID, ARGOS_MAX_REQUEST_BYTES, ARGOS_WEBHOOK_TRIGGERS, type ArgosKycResult, type ArgosWebhookTrigger } from './constants';
import { argosTimestamp } from './clock';
import { gatewayError } from './errors';
import { getImage } from './routes/image';
import { headerValue, putImage } from './routes/put-image';
import { deleteSubmission, getSubmission, migrateSubmission, patchSubmission, reviewSubmission } from './routes/submission';
import { addMonitoring, getAmlReport, getMonitoring, removeMonitoring } from './routes/aml';
import { partialDelete } from './routes/partial-delete';
import { deleteTokens, getTokens, postTokens, TOKEN_PAGE_SIZE } from './routes/tokens';
import { liveform, LIVEFORM_PATH } from './liveform';
import {
	addSubmission,
	seed,
	type ArgosDelivery,
	type ArgosLiveformSettings,
	type ArgosState,
	type ArgosSubmission,
	type ArgosToken,
	type ArgosWebhookConfig,
} from './store';
import { secureTransmission } from './secure-transmission';
import { deliver } from './webhooks';
import type { ArgosEncryptionModule } from './encryption';

export * from './constants';
export { argosTimestamp } from './clock';
export { argosDecrypt, argosEncrypt, type ArgosEncryptionModule } from './encryption';
export type { ArgosDelivery, ArgosKyc, ArgosLiveformSettings, ArgosSubmission, ArgosToken, ArgosWebhookConfig } from './store';
export { TOKEN_USE_WINDOW_MS } from './tokens';

export interface ArgosEmulatorOptions {
	port?: number;
	host?: string;
	/** Let configureWebhook take an http:// URL (the dashboard takes https only [WH]); for local tests. */
	allowHttpWebhooks?: boolean;
}

export interface ArgosEmulator extends RunningEmulator {
	/** origin + '/v3', what a credential's baseUrl is set to. */
	baseUrl: string;
	apiKey: string;
	/** Every submission, per id: images (slot -> decoded bytes), people fields, KYC result. */
	submissions: Map<string, ArgosSubmission>;
	/** Creates a submission (a random id if none given; an existing one is kept) and returns its id. */
	addSubmission(id?: string, fields?: Partial<Omit<ArgosSubmission, 'images'>>): string;
	/** The image uploads the service accepted (200), in order: submissionId + slots sent. */
	acceptedUploads: Array<{ submissionId: string; slots: Array<keyof ArgosSubmission['images']> }>;
	/** The PATCH /submission calls accepted, in order. */
	acceptedUpdates: ArgosState['acceptedUpdates'];
	/** The POST /submission/review calls accepted, in order. */
	reviews: ArgosState['reviews'];
	/** The DELETE /submission calls accepted, in order. */
	deletions: ArgosState['deletions'];
	/** The DELETE /submission/partial calls accepted, in order, one part each. */
	partialDeletions: ArgosState['partialDeletions'];
	/** Make the next n authenticated requests answer 429 {"message":"Too Many Requests"} (for retry tests). */
	throttleNext(n: number): void;
	/**
	 * The dashboard's Webhook URL and encryption option [WH] (undefined: no URL). An http:// URL is refused
	 * unless the emulator was started with allowHttpWebhooks, as the dashboard wants https.
	 */
	configureWebhook(config: { url: string; encrypted?: boolean; secretKey?: string; module?: ArgosEncryptionModule } | undefined): void;
	/** The webhook as configured. */
	readonly webhook: ArgosWebhookConfig | undefined;
	/** Every webhook delivery attempt, in the order their answers came. */
	deliveries: ArgosDelivery[];
	/** Sends one event for a submission to the configured URL (e.g. `created`, `submit`, `aml`). */
	sendWebhook(submissionId: string, event: ArgosWebhookTrigger): void;
	/** A reviewer decides in the dashboard: the KYC result changes and the `approved`/`rejected` event is sent. */
	review(submissionId: string, result: Exclude<ArgosKycResult, 'pending'>, options?: { reviewer?: string; comment?: string[]; commentCode?: string[] }): void;
	/**
	 * The "Secure Data Transmission" option [ENC-GB]: GET, PATCH, PUT and POST submission requests and answers
	 * encrypted with the API key or this secretKey [ENC], under this module (AES-256 ECB by default).
	 */
	setSecureTransmission(on: boolean, secretKey?: string, module?: ArgosEncryptionModule): void;
	/** Resolves once every delivery started so far has been answered. */
	settle(): Promise<void>;
	/** The Private Mode token pool [POST-TOKEN], per Token ID. */
	tokens: Map<string, ArgosToken>;
	/** When a Liveform link first opened with each Token ID (ms since epoch); a test moves it back to expire a token. */
	tokenFirstUse: Map<string, number>;
	/** How many tokens one GET /submission/tokens page lists (10,000 as Argos [GET-TOKEN]; smaller for paging tests). */
	setTokenPageSize(size: number): void;
	/** The hosted Liveform page, what the node's Liveform URL option is set to for this emulator. */
	liveformUrl: string;
	/** The project's Liveform settings: its pid, Private Mode, token pre-registration, Encrypted Only, key and module. */
	liveformSettings: ArgosLiveformSettings;
	/** Ongoing-monitoring worklists, per worklistId (ARGOS_WORKLIST_ID active, ARGOS_INACTIVE_WORKLIST_ID not). */
	worklists: ArgosState['worklists'];
	/** AML report PDFs, per resourceId (ARGOS_AML_RESOURCE_ID seeded). */
	amlReports: ArgosState['amlReports'];
}

type Route = (request: EmulatorRequest, state: ArgosState) => EmulatorResponse;

/** The route table's key for a path: the AML monitor paths carry their worklist and record IDs. */
function routeKeyOf(path: string): string {
	const parts = path.split('/');
	if (path.startsWith('/v3/submission/aml/monitor/') && parts.length === 6 && parts[5]) return '/v3/submission/aml/monitor/{worklistId}';
	if (path.startsWith('/v3/submission/aml/monitor/') && parts.length === 7 && parts[5] && parts[6]) return '/v3/submission/aml/monitor/{worklistId}/{recordId}';
	return path;
}

function routes(add: (fields: Partial<ArgosSubmission>) => string): Record<string, Route> {
	return {
		// [ENC-GB] POST/SUBMISSION, GET/SUBMISSION, PUT/SUBMISSION; [POST-TOKEN] PATCH/submission: encrypted both ways when the option is on.
		'PUT /v3/submission/image': secureTransmission(putImage, { body: true }),
		'GET /v3/submission': secureTransmission(getSubmission, { body: false }),
		'PATCH /v3/submission': secureTransmission(patchSubmission, { body: true }),
		'POST /v3/submission/review': secureTransmission(reviewSubmission, { body: true }),
		// Inferred: DELETE and GET /image are not in the encrypted list and stay plain.
		'DELETE /v3/submission': deleteSubmission,
		'DELETE /v3/submission/partial': partialDelete,
		'GET /v3/image': getImage,
		// [POST-TOKEN] [GET-TOKEN] [DEL-TOKEN]: encrypted both ways with Secure Data Transmission.
		'POST /v3/submission/tokens': secureTransmission(postTokens, { body: true }),
		'GET /v3/submission/tokens': secureTransmission(getTokens, { body: false }),
		'DELETE /v3/submission/tokens': secureTransmission(deleteTokens, { body: true }),
		// [AML-MON-GET] "supports secure data transmission"; POST and DELETE are not said to: plain (inferred).
		'POST /v3/submission/aml/monitor/{worklistId}': addMonitoring,
		'GET /v3/submission/aml/monitor/{worklistId}/{recordId}': secureTransmission(getMonitoring, { body: false }),
		'DELETE /v3/submission/aml/monitor/{worklistId}': removeMonitoring,
		'GET /v3/report/aml': getAmlReport,
		'POST /v3/submission/migration': secureTransmission((request) => migrateSubmission(request, add), { body: true }),
	};
}

/**
 * In the order an AWS API Gateway (REST) answers: the body size limit (enforced by the server
 * before this runs), then route matching — an unknown path or a wrong method answers
 * 403 "Missing Authentication Token", whatever the key — then the API key, then throttling.
 */
function handle(request: EmulatorRequest, state: ArgosState, table: Record<string, Route>): EmulatorResponse {
	// The hosted Liveform is a web page on its own host, not behind the API gateway.
	const page = liveform(request, state);
	if (page) return page;
	const route = table[`${request.method} ${routeKeyOf(request.path)}`];
	if (!route) return gatewayError(403, 'Missing Authentication Token');
	// [GET-SUB] [PUT-IMG] [DEL-SUB] header x-api-key; [ADDON] 403 "Forbidden" for a missing or wrong key.
	if (headerValue(request.headers['x-api-key']) !== state.apiKey) return gatewayError(403, 'Forbidden');
	if (state.throttled > 0) {
		state.throttled -= 1;
		// Inferred: the 429 body is API Gateway's default (docs/argos-api.md: undocumented).
		return gatewayError(429, 'Too Many Requests');
	}
	return route(request, state);
}

export async function startArgosEmulator(options: ArgosEmulatorOptions = {}): Promise<ArgosEmulator> {
	const state: ArgosState = {
		apiKey: ARGOS_API_KEY,
		worklists: new Map(),
		amlReports: new Map(),
		tokens: new Map(),
		tokenFirstUse: new Map(),
		tokenPageSize: TOKEN_PAGE_SIZE,
		liveform: { projectId: ARGOS_PROJECT_ID, privateMode: false, preRegistration: false, module: 'aes256', encryptedOnly: false },
		submissions: new Map(),
		acceptedUploads: [],
		acceptedUpdates: [],
		reviews: [],
		deletions: [],
		partialDeletions: [],
		deliveries: [],
		secureTransmission: false,
		secureTransmissionModule: 'aes256',
		allowHttpWebhooks: options.allowHttpWebhooks ?? false,
		throttled: 0,
		pending: new Set(),
		closed: false,
	};
	seed(state);
	const table = routes((fields) => addSubmission(state, undefined, fields));
	const running = await startHttpEmulator((request) => handle(request, state, table), {
		port: options.port,
		host: options.host,
		maxBodyBytes: ARGOS_MAX_REQUEST_BYTES,
		tooLarge: gatewayError(413, 'Request Entity Too Large'),
	});
	const known = (id: string) => {
		const submission = state.submissions.get(id);
		if (!submission) throw new Error(`The Argos emulator has no submission ${id}`);
		return submission;
	};
	return {
		...running,
		close: async () => {
			await Promise.all(state.pending);
			state.closed = true;
			await running.close();
		},
		baseUrl: `${running.origin}/v3`,
		apiKey: state.apiKey,
		submissions: state.submissions,
		acceptedUploads: state.acceptedUploads,
		acceptedUpdates: state.acceptedUpdates,
		reviews: state.reviews,
		deletions: state.deletions,
		partialDeletions: state.partialDeletions,
		deliveries: state.deliveries,
		addSubmission: (id, fields) => addSubmission(state, id, fields),
		throttleNext: (n) => {
			state.throttled = Math.max(0, Math.floor(n));
		},
		configureWebhook: (config) => {
			if (!config) {
				state.webhook = undefined;
				return;
			}
			const url = new URL(config.url);
			// [WH] "The URL must use the HTTPS protocol and be in a valid format."
			if (url.protocol !== 'https:' && !(state.allowHttpWebhooks && url.protocol === 'http:')) {
				throw new Error('The Webhook URL must use the HTTPS protocol and be in a valid format.');
			}
			state.webhook = {
				url: config.url,
				encrypted: config.encrypted ?? false,
				...(config.secretKey ? { secretKey: config.secretKey } : {}),
				...(config.module ? { module: config.module } : {}),
			};
		},
		get webhook() {
			return state.webhook;
		},
		sendWebhook: (id, event) => {
			known(id);
			if (!(ARGOS_WEBHOOK_TRIGGERS as readonly string[]).includes(event)) throw new Error(`Argos sends no '${event}' event`);
			deliver(state, id, event);
		},
		review: (id, result, review = {}) => {
			const submission = known(id);
			const now = argosTimestamp();
			submission.kyc = { result, comment: review.comment ?? [], commentCode: review.commentCode ?? [] };
			submission.kycResultAt = now;
			submission.updatedAt = now;
			submission.reviewer = review.reviewer ?? 'system';
			deliver(state, id, result);
		},
		setSecureTransmission: (on, secretKey, module = 'aes256') => {
			state.secureTransmission = on;
			state.secureTransmissionKey = secretKey;
			state.secureTransmissionModule = module;
		},
		settle: async () => {
			while (state.pending.size) await Promise.all(state.pending);
		},
		tokens: state.tokens,
		tokenFirstUse: state.tokenFirstUse,
		setTokenPageSize: (size) => {
			state.tokenPageSize = Math.max(1, Math.floor(size));
		},
		liveformUrl: `${running.origin}${LIVEFORM_PATH}`,
		liveformSettings: state.liveform,
		worklists: state.worklists,
		amlReports: state.amlReports,
	};
}
