import { COMPLYCUBE_DEMO_CLIENT_ID, COMPLYCUBE_DEMO_DOCUMENT_ID, COMPLYCUBE_DEMO_LIVE_VIDEO_ID, type CheckOutcome } from './constants';
import { newId, now } from './clock';
import { seededCustomLists } from './custom-lists';
import { seededTeamMembers, type ComplyCubeAccount, type ComplyCubeAuditLog } from './account';

export interface StoredImage {
	/** The image's own id (kept, so its downloadLink stays the same); optional for images set directly by tests. */
	id?: string;
	fileName: string;
	contentType: string;
	data: Buffer;
	createdAt: string;
}

export interface ComplyCubeDocument {
	id: string;
	clientId: string;
	type: string;
	classification?: string;
	issuingCountry?: string;
	documentNumber?: string;
	images: { front?: StoredImage; back?: StoredImage };
	createdAt: string;
	updatedAt?: string;
}

export interface ComplyCubeLivePhoto {
	id: string;
	clientId: string;
	performLivenessCheck: boolean;
	contentType: string;
	data: Buffer;
	createdAt: string;
}

// [Node SDK Addresses.d.ts Address; Docs v.1.7.2/addresses "The Address object"]
export interface ComplyCubeAddress {
	id: string;
	clientId: string;
	type: string;
	propertyNumber?: string;
	buildingName?: string;
	line: string;
	city: string;
	state?: string;
	postalCode?: string;
	country: string;
	fromDate?: string;
	toDate?: string;
	createdAt: string;
	updatedAt: string;
}

// [Node SDK LiveVideos.d.ts LiveVideo {id, clientId, language, challenges: object[], createdAt, updateAt (sic)}]
export interface ComplyCubeLiveVideo {
	id: string;
	clientId: string;
	language: string;
	challenges: Array<Record<string, unknown>>;
	createdAt: string;
	updatedAt: string;
}

export interface AcceptedUpload {
	kind: 'documentImage' | 'livePhoto';
	id: string;
	side?: 'front' | 'back';
	fileName?: string;
	data: Buffer;
}

export interface ComplyCubeCheck {
	id: string;
	clientId: string;
	entityName: string;
	type: string;
	status: 'pending' | 'complete' | 'failed';
	enableMonitoring: boolean;
	documentId?: string;
	livePhotoId?: string;
	liveVideoId?: string;
	addressId?: string;
	options?: Record<string, unknown>;
	clientConsent?: boolean;
	result?: { outcome: string; breakdown: Record<string, unknown> };
	createdAt: string;
	updatedAt: string;
	[extra: string]: unknown;
}

export interface ComplyCubeWebhook {
	id: string;
	description: string | null;
	url: string;
	enabled: boolean;
	events: string[];
	secret: string;
	createdAt: string;
	updatedAt: string;
}

export interface WorkflowSessionCheckRef {
	checkId: string;
	type: string;
	taskId: string;
}

export interface ComplyCubeWorkflowSession {
	id: string;
	clientId: string;
	entityName: string;
	status: 'started' | 'processing' | 'complete' | 'abandoned' | 'cancelled';
	workflowTemplateId: string;
	workflowTemplateName: string;
	workflowTemplateDescription: string;
	workflowId: string;
	workflowVersion: number;
	workflowDescription: string;
	compliancePolicies: unknown[];
	tasks: Array<{ id: string; type: string; status: string }>;
	lastCompletedTaskId?: string;
	allRelatedChecks: WorkflowSessionCheckRef[];
	outcome?: string;
	createdAt: string;
	completedAt?: string;
	updatedAt: string;
}

export interface ComplyCubeFlowSession {
	token: string;
	redirectUrl: string;
	clientId: string;
	workflowTemplateId?: string;
	checkTypes: string[];
	successUrl: string;
	cancelUrl: string;
	theme: string;
	language?: string;
	supportEmail?: string;
	allowDocumentUpload?: boolean;
	documentTypes?: Record<string, boolean>;
	messages?: Record<string, unknown>;
	createdAt: string;
	expiresAt: string;
	used: boolean;
	workflowSessionId?: string;
}

export interface ComplyCubeEvent {
	id: string;
	type: string;
	resourceType: string;
	payload: Record<string, unknown>;
	createdAt: string;
}

export interface Delivery {
	webhookId: string;
	url: string;
	eventId: string;
	eventType: string;
	attempt: number;
	status: number | 'network-error';
	body: string;
	signature: string;
}

/** Everything the emulator holds: plain Maps and arrays, exposed as-is to tests. */
export class Store {
	readonly clients = new Map<string, Record<string, unknown>>();
	readonly documents = new Map<string, ComplyCubeDocument>();
	readonly livePhotos = new Map<string, ComplyCubeLivePhoto>();
	readonly addresses = new Map<string, ComplyCubeAddress>();
	readonly liveVideos = new Map<string, ComplyCubeLiveVideo>();
	readonly checks = new Map<string, ComplyCubeCheck>();
	readonly webhooks = new Map<string, ComplyCubeWebhook>();
	readonly workflowSessions = new Map<string, ComplyCubeWorkflowSession>();
	readonly flowSessions = new Map<string, ComplyCubeFlowSession>();
	/** Every redaction the API accepted, in order. */
	readonly redactions: Array<{ resource: string; id: string; body: Record<string, unknown>; redactedAt: string }> = [];
	/** Custom lists: made in the ComplyCube portal, so seeded. */
	readonly customLists = seededCustomLists();
	/** Workflow-session report downloads, by token (the documented 10-minute content URL). */
	readonly reportContents = new Map<string, { pdf: Buffer; expiresAt: number }>();
	readonly acceptedUploads: AcceptedUpload[] = [];
	readonly events: ComplyCubeEvent[] = [];
	readonly deliveries: Delivery[] = [];
	/** [Docs account-info] a credit-based plan by default, so remainingCredit is shown; each check created uses one (inferred). */
	readonly account: ComplyCubeAccount = { username: 'emulator@complycube.test', plan: 'Pay As You Go', remainingCredit: 10_000 };
	readonly teamMembers = seededTeamMembers();
	/** The audit trail, oldest first (lists answer newest first). */
	readonly auditLogs: ComplyCubeAuditLog[] = [];
	/** The outcome given to checks created from now on. */
	checkOutcome: CheckOutcome;

	constructor(checkOutcome: CheckOutcome) {
		this.checkOutcome = checkOutcome;
		const createdAt = now();
		this.clients.set(COMPLYCUBE_DEMO_CLIENT_ID, {
			id: COMPLYCUBE_DEMO_CLIENT_ID,
			type: 'person',
			entityName: 'Jane Sample',
			email: 'jane.sample@example.com',
			personDetails: { firstName: 'Jane', lastName: 'Sample' },
			createdAt,
			updatedAt: createdAt,
		});
		this.documents.set(COMPLYCUBE_DEMO_DOCUMENT_ID, {
			id: COMPLYCUBE_DEMO_DOCUMENT_ID,
			clientId: COMPLYCUBE_DEMO_CLIENT_ID,
			type: 'driving_license',
			issuingCountry: 'GB',
			images: {},
			createdAt,
			updatedAt: createdAt,
		});
		this.addLiveVideo(COMPLYCUBE_DEMO_CLIENT_ID, COMPLYCUBE_DEMO_LIVE_VIDEO_ID);
	}

	addClient(fields: Record<string, unknown> = {}): string {
		const id = newId();
		const createdAt = now();
		const client: Record<string, unknown> = {
			id,
			type: 'person',
			email: 'john.doe@example.com',
			...(fields.type === 'company' ? {} : { personDetails: { firstName: 'John', lastName: 'Doe' } }),
			...fields,
			createdAt,
			updatedAt: createdAt,
		};
		client.entityName = entityNameOf(client);
		this.clients.set(id, client);
		return id;
	}

	addDocument(clientId: string, type = 'driving_license'): string {
		const id = newId();
		const createdAt = now();
		this.documents.set(id, { id, clientId, type, images: {}, createdAt, updatedAt: createdAt });
		return id;
	}

	/**
	 * A live video as a ComplyCube SDK leaves it once the client has recorded it (the API has no upload).
	 * [Node SDK LiveVideos.d.ts; PHP LiveVideoTest asserts language and a non-empty challenges list]
	 */
	addLiveVideo(clientId: string, id = newId()): string {
		const createdAt = now();
		// inferred: the challenge objects' shape is not published (the SDK types them as object[]).
		const challenges = [
			{ type: 'head_movement', value: 'turn_left' },
			{ type: 'digits', value: String(Math.floor(1000 + Math.random() * 9000)) },
		];
		this.liveVideos.set(id, { id, clientId, language: 'en', challenges, createdAt, updatedAt: createdAt });
		return id;
	}
}

// [Docs clients (client object) "entityName: The client's full name"; checks "entityName ... auto-generated"]
export function entityNameOf(client: Record<string, unknown> | undefined): string {
	if (!client) return '';
	if (client.type === 'company') return String((client.companyDetails as Record<string, unknown> | undefined)?.name ?? '');
	const details = (client.personDetails ?? {}) as Record<string, unknown>;
	return [details.firstName, details.middleName, details.lastName].filter((part) => typeof part === 'string' && part).join(' ');
}
