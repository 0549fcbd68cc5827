import { randomBytes } from 'node:crypto';

import type { EmulatorResponse } from '../emulator-server';
import type { MultipartPart } from '../multipart';
import type { AccessToken } from './access-tokens';
import type { RequestParams } from './request-params';
import type { SmtpTarget } from '../smtp-client';
import type { Tenant } from './tenants';

export interface StoredAttachment {
	/** 24-hex GridFS file id, kept when the same base name is uploaded again. */
	id: string;
	baseName: string;
	/** The name as uploaded, with its extension. */
	fileName: string;
	contentType: string;
	data: Buffer;
}

/** Profile (api) as stored in MongoDB; the password is kept hashed and never serialised (@Exclude). */
export interface StoredProfile {
	id: string;
	tenant: string;
	username: string;
	passwordHash: string;
	email: string;
	verified: boolean;
	enabled: boolean;
	createdOn: Date;
	lastModified: Date;
	/** A Set in the server: each role once. */
	roles: string[];
	attributes: Record<string, unknown>;
}

/** VerificationToken (api). */
export interface VerificationToken {
	id: string;
	tenant: string;
	profileId: string;
	timestamp: Date;
}

export interface CrafterState {
	tenants: Map<string, Tenant>;
	/** profileId -> the profile document. */
	records: Map<string, StoredProfile>;
	/** profileId -> baseName -> attachment (GridFS files named "/<profileId>/<baseName>"). */
	attachments: Map<string, Map<string, StoredAttachment>>;
	acceptedUploads: Array<{ profileId: string; fileName: string; bytes: number }>;
	/** Profiles created through POST /create, in order. */
	createdProfiles: Array<{ id: string; tenant: string; username: string }>;
	/** Store name -> save sequence, for GridFS's natural (insertion) order in lists. */
	saveOrder: Map<string, number>;
	saves: number;
	verificationTokens: Map<string, VerificationToken>;
	/** ticket id -> profile id (AuthenticationService tickets). */
	tickets: Map<string, string>;
	/** crafter.profile.mail.host/port: where verification and reset e-mails go (none: recorded only). */
	smtp?: SmtpTarget;
	/** Every verification or reset e-mail the server sent, in order (verification.ts). */
	sentMails: Array<{ kind: 'newProfile' | 'resetPassword'; to: string; link: string; tokenId: string }>;
	/** Deliveries still under way (sendEmail is @Async). */
	pendingMails: Array<Promise<void>>;
	/** What the SMTP server refused, as Crafter would log it. */
	mailFailures: string[];
}

export interface Call {
	params: RequestParams;
	vars: Record<string, string>;
	/** Undefined unless the request was a multipart POST. */
	parts?: MultipartPart[];
	token: AccessToken;
	body: Buffer;
	contentType: string;
}

export type Handler = (state: CrafterState, call: Call) => EmulatorResponse;

export function newObjectId(): string {
	const seconds = Buffer.alloc(4);
	seconds.writeUInt32BE(Math.floor(Date.now() / 1000));
	return Buffer.concat([seconds, randomBytes(8)]).toString('hex');
}

export const isObjectId = (value: string) => /^[0-9a-fA-F]{24}$/.test(value);
