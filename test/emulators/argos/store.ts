import { randomBytes } from 'node:crypto';

import { argosTimestamp } from './clock';
import {
	ARGOS_AML_RESOURCE_ID,
	ARGOS_INACTIVE_WORKLIST_ID,
	ARGOS_SEEDED_SUBMISSION_IDS,
	ARGOS_WORKLIST_ID,
	type ArgosImageSlot,
	type ArgosKycResult,
	type ArgosWebhookTrigger,
} from './constants';
import type { ArgosEncryptionModule } from './encryption';

const ARGOS_REVIEWER = 'reviewer@example.com';

export interface ArgosKyc {
	result: ArgosKycResult;
	comment?: string[];
	commentCode?: string[];
}

export interface ArgosSubmission {
	images: Partial<Record<ArgosImageSlot, Buffer>>;
	/** The admin of the last accepted image upload. */
	admin?: string;
	idType?: string;
	/** The personal data fields (the item's `data`), e.g. full_name, gender, date_of_birth. */
	data?: Record<string, unknown>;
	/** `YYYY-MM-DD-HH-MM-SS-ZZZ` [GET-SUB-ID]. */
	createdAt?: string;
	updatedAt?: string;
	email?: string;
	userid?: string;
	kyc?: ArgosKyc;
	pendingAt?: string;
	kycResultAt?: string;
	reviewer?: string;
	aml?: Record<string, unknown>;
	/** The Private Mode Token ID the Liveform submission came with [WH-GB] `tokenId`. */
	tokenId?: string;
	/** The Liveform's custom fields [QS-TOKEN] cf1..cf3, sent back in webhooks as `cf`. */
	cf?: Record<string, string>;
	/** Set by DELETE /submission: personal data, images and AML data are gone; id, date, ID type and KYC status stay [DEL-SUB]. */
	deletedAt?: string;
}

export interface ArgosWebhookConfig {
	url: string;
	/** The dashboard's encryption option [WH]: bodies become {"data": "<encrypted>"}. */
	encrypted: boolean;
	/** The dedicated secretKey the project encrypts with; the API key when absent [ENC]. */
	secretKey?: string;
	/** The project's encryption module [ENC]; AES-256 (ECB) when absent. */
	module?: ArgosEncryptionModule;
}

export interface ArgosDelivery {
	url: string;
	event: ArgosWebhookTrigger;
	submissionId: string;
	/** The JSON that was sent (encrypted when the option is on). */
	body: string;
	/** The payload before encryption. */
	payload: Record<string, unknown>;
	status: number | 'network-error';
}

/** A Token ID of the Private Mode pool [POST-TOKEN] [GET-TOKEN]. */
export interface ArgosToken {
	/** ISO 8601, when it was registered (or registered again: "overwritten"). */
	updateTime: string;
}

/** The project's Liveform settings (dashboard: Security Settings). */
export interface ArgosLiveformSettings {
	/** The project's pid [QS-TOKEN]. */
	projectId: string;
	/** Private Mode: every link needs a tokenId [ACCESS-CONTROL]. */
	privateMode: boolean;
	/** Live-form Token ID Pre-registration: only registered tokens are taken [ACCESS-CONTROL]. */
	preRegistration: boolean;
	/** The Liveform encryption key: a dedicated secretKey, else the API key [DATA-PROTECTION]. */
	secretKey?: string;
	module: ArgosEncryptionModule;
	/** Encrypted Only mode: only pid, encrypted and lang are read from the URL [DATA-PROTECTION]. */
	encryptedOnly: boolean;
}

/** An ongoing-monitoring worklist [AML-MON-POST]: only an active one takes records. */
export interface ArgosWorklist {
	active: boolean;
	records: Map<string, { submissionId: string; admin: string; updateTime: string }>;
}

export interface ArgosState {
	apiKey: string;
	/** Ongoing-monitoring worklists, per worklistId. */
	worklists: Map<string, ArgosWorklist>;
	/** AML report PDFs, per resourceId [AML-REPORT]. */
	amlReports: Map<string, Buffer>;
	/** The Private Mode token pool, per Token ID. */
	tokens: Map<string, ArgosToken>;
	/** When a Liveform link first opened with each Token ID, registered or not (ms since epoch) [QS-TOKEN] 3-1. */
	tokenFirstUse: Map<string, number>;
	/** How many tokens one GET /submission/tokens page lists (10,000 [GET-TOKEN]; smaller in tests). */
	tokenPageSize: number;
	liveform: ArgosLiveformSettings;
	submissions: Map<string, ArgosSubmission>;
	acceptedUploads: Array<{ submissionId: string; slots: ArgosImageSlot[] }>;
	/** Accepted PATCH /submission calls: submission + the data fields changed. */
	acceptedUpdates: Array<{ submissionId: string; admin: string; fields: string[] }>;
	/** Accepted POST /submission/review calls: submission, decision and the updateFields changed. */
	reviews: Array<{ submissionId: string; admin: string; status: 'approved' | 'rejected'; fields: string[] }>;
	/** Accepted DELETE /submission calls. */
	deletions: Array<{ submissionId: string; admin?: string }>;
	/** Accepted DELETE /submission/partial calls, one part each. */
	partialDeletions: Array<{ submissionId: string; field: string; dataField?: string }>;
	webhook?: ArgosWebhookConfig;
	deliveries: ArgosDelivery[];
	/** The "Secure Data Transmission" option [ENC-GB]: submission requests and answers encrypted (secure-transmission.ts). */
	secureTransmission: boolean;
	/** The secretKey Secure Data Transmission encrypts with; the API key when absent [ENC]. */
	secureTransmissionKey?: string;
	/** The project's encryption module [ENC]: AES-256 (ECB, the default) or GCM-256. */
	secureTransmissionModule: ArgosEncryptionModule;
	allowHttpWebhooks: boolean;
	throttled: number;
	pending: Set<Promise<void>>;
	closed: boolean;
}

export function addSubmission(state: ArgosState, id = randomBytes(8).toString('hex'), fields: Partial<Omit<ArgosSubmission, 'images'>> = {}): string {
	if (!state.submissions.has(id)) {
		const createdAt = fields.createdAt ?? argosTimestamp();
		state.submissions.set(id, { images: {}, ...fields, createdAt, updatedAt: fields.updatedAt ?? createdAt });
	}
	return id;
}

/**
 * Three submissions with the KYC results a workflow meets: approved (by the system), rejected (with Argos's
 * comment codes, [GET-SUB-USER] "too_many_retry"), and pending review [WH-GB: submit → "Pending"]. Their
 * people, dates and ids are fixed so that searches by user, e-mail and date find known records; they
 * hold no images until a test or an example puts some.
 */
export function seed(state: ArgosState): void {
	state.worklists.set(ARGOS_WORKLIST_ID, { active: true, records: new Map() });
	state.worklists.set(ARGOS_INACTIVE_WORKLIST_ID, { active: false, records: new Map() });
	state.amlReports.set(
		ARGOS_AML_RESOURCE_ID,
		Buffer.from('%PDF-1.4\n% ARGOS AML report (emulator)\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
	);
	const [approved, rejected, pending] = ARGOS_SEEDED_SUBMISSION_IDS;
	addSubmission(state, approved, {
		createdAt: '2025-03-03-09-15-00-000',
		pendingAt: '2025-03-03-09-17-41-000',
		kycResultAt: '2025-03-03-09-18-02-000',
		updatedAt: '2025-03-03-09-18-02-000',
		reviewer: 'system',
		email: 'jane.doe@example.com',
		userid: 'user-1001',
		idType: 'drivers_license',
		kyc: { result: 'approved', comment: [], commentCode: [] },
		data: {
			full_name: 'Jane Doe',
			first_name: 'Jane',
			last_name: 'Doe',
			gender: 'female',
			nationality: 'GBR',
			date_of_birth: '1990-04-12',
			age_group: '30-39',
		},
		aml: { currentstatus: 'Not Screened', risk_level_summary: 'Not Screened' },
	});
	addSubmission(state, rejected, {
		createdAt: '2025-03-04-14-02-10-000',
		pendingAt: '2025-03-04-14-05-33-000',
		kycResultAt: '2025-03-04-16-40-00-000',
		updatedAt: '2025-03-04-16-40-00-000',
		reviewer: ARGOS_REVIEWER,
		email: 'john.roe@example.com',
		userid: 'user-1002',
		idType: 'passport',
		kyc: { result: 'rejected', comment: ['Too many retries: the selfie did not match the ID photo.'], commentCode: ['too_many_retry'] },
		data: { full_name: 'John Roe', first_name: 'John', last_name: 'Roe', gender: 'male', nationality: 'USA', date_of_birth: '1985-11-30', age_group: '30-39' },
	});
	addSubmission(state, pending, {
		createdAt: '2025-03-05-08-45-59-000',
		pendingAt: '2025-03-05-08-49-12-000',
		updatedAt: '2025-03-05-08-49-12-000',
		email: 'mei.lin@example.com',
		userid: 'user-1003',
		idType: 'government_id',
		// Inferred: whether kyc.result can literally be "pending" is unconfirmed (docs/argos-api.md).
		kyc: { result: 'pending', comment: [], commentCode: [] },
		data: { full_name: 'Mei Lin', first_name: 'Mei', last_name: 'Lin', gender: 'female', nationality: 'SGP', date_of_birth: '1998-07-02', age_group: '20-29' },
	});
}
