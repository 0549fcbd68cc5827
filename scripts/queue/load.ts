import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Emulators } from '../../test/emulators/all';
import { markedImage, sha256 } from './files';

/** The form's file fields: the webhook turns each into a binary of the same name. */
export const FILE_FIELDS = ['document', 'selfie', 'idImage', 'idBackImage', 'selfieImage', 'addressImage', 'attachment'] as const;
export type FileField = (typeof FILE_FIELDS)[number];

export interface SentFile {
	fileName: string;
	mimeType: string;
	bytes: Buffer;
	sha256: string;
}

/** One webhook call: the records it uploads to (seeded in the emulators) and its files, unique to it. */
export interface PlannedCall {
	index: number;
	callId: string;
	documentId: string;
	clientId: string;
	submissionId: string;
	profileId: string;
	files: Record<FileField, SentFile>;
}

/** Where each file field's image comes from (the examples' files, at least 34,816 bytes where ComplyCube wants it). */
const SOURCES: Record<FileField, string> = {
	document: 'examples/files/passport-front.jpg',
	selfie: 'examples/files/selfie.jpg',
	idImage: 'examples/files/argos/idImage.jpg',
	idBackImage: 'examples/files/argos/idBackImage.png',
	selfieImage: 'examples/files/argos/selfieImage.jpg',
	addressImage: 'examples/files/argos/addressImage.jpg',
	attachment: 'examples/files/thumbnail.jpg',
};

/**
 * Seeds, per call, a ComplyCube client and document, an Argos submission and a Crafter profile, and
 * makes the call's seven files (each marked with the call id, so no two uploads share bytes).
 */
export function planCalls(repoRoot: string, emulators: Emulators, count: number, runTag: string): PlannedCall[] {
	const sources = Object.fromEntries(Object.entries(SOURCES).map(([field, file]) => [field, readFileSync(path.join(repoRoot, file))])) as Record<
		FileField,
		Buffer
	>;
	return Array.from({ length: count }, (_, index) => {
		const callId = `${runTag}-${String(index).padStart(4, '0')}`;
		const clientId = emulators.complyCube.addClient({
			type: 'person',
			email: `${callId}@example.com`,
			personDetails: { firstName: 'Queue', lastName: callId },
		});
		const documentId = emulators.complyCube.addDocument(clientId, 'driving_license');
		const submissionId = emulators.argos.addSubmission();
		const profileId = emulators.crafter.addProfile();
		const files = Object.fromEntries(
			FILE_FIELDS.map((field) => {
				const bytes = markedImage(sources[field], `${callId}/${field}`);
				const extension = path.extname(SOURCES[field]);
				const fileName = field === 'attachment' ? `attachment-${index}${extension}` : `${field}-${callId}${extension}`;
				return [field, { fileName, mimeType: extension === '.png' ? 'image/png' : 'image/jpeg', bytes, sha256: sha256(bytes) }];
			}),
		) as Record<FileField, SentFile>;
		return { index, callId, documentId, clientId, submissionId, profileId, files };
	});
}

export interface CallResult {
	call: PlannedCall;
	status: number;
	body: string;
	/** When it was sent and answered (ms since the epoch). */
	sentAt: number;
	answeredAt: number;
	error?: string;
}

/**
 * Sends every call as a multipart POST to the production webhook, `concurrency` at a time, each with
 * its own timeout; the whole load is bounded by `deadlineMs` (calls not sent by then are reported, not sent).
 * `onAnswer` sees each answer as it comes (e.g. to stop a worker in the middle).
 */
export async function sendCalls(
	url: string,
	calls: PlannedCall[],
	options: { concurrency: number; callTimeoutMs: number; deadlineMs: number; onAnswer?: (result: CallResult, answered: number) => void },
): Promise<CallResult[]> {
	const results: CallResult[] = new Array(calls.length);
	const deadline = Date.now() + options.deadlineMs;
	let next = 0;
	let answered = 0;
	const lane = async () => {
		while (next < calls.length) {
			const call = calls[next++];
			const sentAt = Date.now();
			if (sentAt > deadline) {
				results[call.index] = { call, status: 0, body: '', sentAt, answeredAt: sentAt, error: 'not sent: the load deadline had passed' };
				continue;
			}
			const form = new FormData();
			form.append('callId', call.callId);
			form.append('documentId', call.documentId);
			form.append('clientId', call.clientId);
			form.append('submissionId', call.submissionId);
			form.append('profileId', call.profileId);
			for (const field of FILE_FIELDS) {
				const file = call.files[field];
				form.append(field, new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }), file.fileName);
			}
			try {
				const answer = await fetch(url, { method: 'POST', body: form, signal: AbortSignal.timeout(options.callTimeoutMs) });
				results[call.index] = { call, status: answer.status, body: (await answer.text()).slice(0, 500), sentAt, answeredAt: Date.now() };
			} catch (error) {
				results[call.index] = { call, status: 0, body: '', sentAt, answeredAt: Date.now(), error: (error as Error).message };
			}
			options.onAnswer?.(results[call.index], ++answered);
		}
	};
	await Promise.all(Array.from({ length: options.concurrency }, lane));
	return results;
}
