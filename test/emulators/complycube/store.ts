import { COMPLYCUBE_DEMO_CLIENT_ID, COMPLYCUBE_DEMO_DOCUMENT_ID, type CheckOutcome } from './constants';
import { newId, now } from './clock';

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
	readonly checks = new Map<string, ComplyCubeCheck>();
	readonly webhooks = new Map<string, ComplyCubeWebhook>();
	readonly workflowSessions = new Map<string, ComplyCubeWorkflowSession>();
	readonly flowSessions = new Map<string, ComplyCubeFlowSession>();
	/** Workflow-session report downloads, by token (the documented 10-minute content URL). */
	readonly reportContents = new Map<string, { pdf: Buffer; expiresAt: number }>();
	readonly acceptedUploads: AcceptedUpload[] = [];
	readonly events: ComplyCubeEvent[] = [];
	readonly deliveries: Delivery[] = [];
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
}

// [Docs clients (client object) "entityName: The client's full name"; checks "entityName ... auto-generated"]
export function entityNameOf(client: Record<string, unknown> | undefined): string {
	if (!client) return '';
	if (client.type === 'company') return String((client.companyDetails as Record<string, unknown> | undefined)?.name ?? '');
	const details = (client.personDetails ?? {}) as Record<string, unknown>;
	return [details.firstName, details.middleName, details.lastName].filter((part) => typeof part === 'string' && part).join(' ');
}
