import type { Emulators } from '../../test/emulators/all';
import type { ReceivedRequest } from '../../test/emulators/emulator-server';
import { md5, sha256 } from './files';
import type { PlannedCall } from './load';
import type { Postgres } from './services';

export interface ExecutionRow {
	id: string;
	status: string;
	finished: boolean;
	mode: string;
	startedAt: string;
	stoppedAt: string;
	/** stoppedAt in ms since the epoch (0 when not stopped). */
	stoppedAtMs: number;
	/** The call id found in the execution's data (the webhook's form field), if any. */
	callId?: string;
	/** For executions that did not succeed: the error n8n stored, if any. */
	error?: string;
}

/** The workflow's executions as n8n stored them in Postgres, with the call each one served. */
export async function readExecutions(postgres: Postgres, workflowId: string, callPattern: string): Promise<ExecutionRow[]> {
	const rows = await postgres.query(
		`SELECT e.id, e.status, e.finished, e.mode, coalesce(e."startedAt"::text, ''), coalesce(e."stoppedAt"::text, ''),
		        coalesce(round(extract(epoch from e."stoppedAt") * 1000)::bigint, 0),
		        coalesce(substring(d.data from '${callPattern}'), '')
		   FROM execution_entity e LEFT JOIN execution_data d ON d."executionId" = e.id
		  WHERE e."workflowId" = '${workflowId}' ORDER BY e.id`,
	);
	const executions = rows.map(([id, status, finished, mode, startedAt, stoppedAt, stoppedAtMs, callId]) => ({
		id,
		status,
		finished: finished === 't',
		mode,
		startedAt,
		stoppedAt,
		stoppedAtMs: Number(stoppedAtMs),
		callId: callId || undefined,
	}));
	const unsuccessful = executions.filter((execution) => execution.status !== 'success').map((execution) => execution.id);
	if (unsuccessful.length) {
		const messages = await postgres.query(
			`SELECT "executionId", coalesce(substring(data from '"message":"([^"]{0,250})'), '') FROM execution_data WHERE "executionId" IN (${unsuccessful.join(',')})`,
		);
		const byId = new Map(messages.map(([id, message]) => [id, message]));
		for (const execution of executions) if (byId.has(execution.id)) (execution as ExecutionRow).error = byId.get(execution.id);
	}
	return executions;
}

/** Waits until the workflow has `count` executions and none of them is still new, running or waiting; answers them. */
export async function waitForExecutions(
	postgres: Postgres,
	workflowId: string,
	callPattern: string,
	count: number,
	timeoutMs: number,
): Promise<ExecutionRow[]> {
	const deadline = Date.now() + timeoutMs;
	let last: ExecutionRow[] = [];
	for (;;) {
		const rows = await postgres.query(`SELECT status, count(*) FROM execution_entity WHERE "workflowId" = '${workflowId}' GROUP BY status`);
		const byStatus = Object.fromEntries(rows.map(([status, n]) => [status, Number(n)]));
		const total = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
		const pending = (byStatus.new ?? 0) + (byStatus.running ?? 0) + (byStatus.waiting ?? 0);
		if (total >= count && pending === 0) return await readExecutions(postgres, workflowId, callPattern);
		if (Date.now() > deadline) {
			last = await readExecutions(postgres, workflowId, callPattern);
			return last;
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

export interface UploadAccount {
	service: string;
	/** Uploads the emulator accepted. */
	accepted: number;
	/** Calls whose file(s) arrived exactly once and byte-identical. */
	exactlyOnce: number;
	/** Uploads beyond the first of the same bytes (or the same record, for the replacing services). */
	duplicates: number;
	/** Calls whose file never arrived (or arrived changed, or elsewhere). */
	missing: string[];
	/** Accepted uploads that match no file sent. */
	unknown: number;
}

/** ComplyCube: the document image and the live photo of every call, by their bytes. */
export function accountComplyCube(emulators: Emulators, calls: PlannedCall[]): UploadAccount[] {
	const account = (kind: 'documentImage' | 'livePhoto', field: 'document' | 'selfie'): UploadAccount => {
		const uploads = emulators.complyCube.acceptedUploads.filter((upload) => upload.kind === kind);
		const expected = new Set(calls.map((call) => call.files[field].sha256));
		const seen = new Map<string, number>();
		for (const upload of uploads) {
			const hash = sha256(upload.data);
			seen.set(hash, (seen.get(hash) ?? 0) + 1);
		}
		// Where it must be: a document image on the call's own document, a live photo on the call's own client.
		const inPlace = (call: PlannedCall) =>
			kind === 'documentImage'
				? emulators.complyCube.documents.get(call.documentId)?.images.front?.data.equals(call.files.document.bytes) === true
				: [...emulators.complyCube.livePhotos.values()].some((photo) => photo.clientId === call.clientId && photo.data.equals(call.files.selfie.bytes));
		const missing = calls.filter((call) => !seen.has(call.files[field].sha256) || !inPlace(call)).map((call) => call.callId);
		return {
			service: `ComplyCube ${kind === 'documentImage' ? 'document image' : 'live photo'}`,
			accepted: uploads.length,
			exactlyOnce: calls.filter((call) => seen.get(call.files[field].sha256) === 1 && !missing.includes(call.callId)).length,
			duplicates: [...seen.values()].reduce((sum, n) => sum + n - 1, 0),
			missing,
			unknown: [...seen.keys()].filter((hash) => !expected.has(hash)).length,
		};
	};
	return [account('documentImage', 'document'), account('livePhoto', 'selfie')];
}

/** Argos: one accepted request per call, with its four images, stored byte-identical on its submission. */
export function accountArgos(emulators: Emulators, calls: PlannedCall[]): UploadAccount {
	const slots = ['idImage', 'idBackImage', 'selfieImage', 'addressImage'] as const;
	const perSubmission = new Map<string, number>();
	for (const upload of emulators.argos.acceptedUploads) perSubmission.set(upload.submissionId, (perSubmission.get(upload.submissionId) ?? 0) + 1);
	const known = new Set(calls.map((call) => call.submissionId));
	const missing = calls
		.filter((call) => {
			const submission = emulators.argos.submissions.get(call.submissionId);
			return perSubmission.get(call.submissionId) === undefined || slots.some((slot) => !submission?.images[slot]?.equals(call.files[slot].bytes));
		})
		.map((call) => call.callId);
	return {
		service: 'Argos (4 images per request)',
		accepted: emulators.argos.acceptedUploads.length,
		exactlyOnce: calls.filter((call) => perSubmission.get(call.submissionId) === 1 && !missing.includes(call.callId)).length,
		duplicates: [...perSubmission.values()].reduce((sum, n) => sum + n - 1, 0),
		missing,
		unknown: [...perSubmission.keys()].filter((id) => !known.has(id)).length,
	};
}

/** Crafter: one accepted upload per call, stored byte-identical on its profile. */
export function accountCrafter(emulators: Emulators, calls: PlannedCall[]): UploadAccount {
	const perProfile = new Map<string, number>();
	for (const upload of emulators.crafter.acceptedUploads) perProfile.set(upload.profileId, (perProfile.get(upload.profileId) ?? 0) + 1);
	const known = new Set(calls.map((call) => call.profileId));
	const missing = calls
		.filter((call) => {
			const stored = [...(emulators.crafter.profiles.get(call.profileId)?.values() ?? [])];
			return stored.length !== 1 || !stored[0].data.equals(call.files.attachment.bytes);
		})
		.map((call) => call.callId);
	return {
		service: 'Crafter attachment',
		accepted: emulators.crafter.acceptedUploads.length,
		exactlyOnce: calls.filter((call) => perProfile.get(call.profileId) === 1 && !missing.includes(call.callId)).length,
		duplicates: [...perProfile.values()].reduce((sum, n) => sum + n - 1, 0),
		missing,
		unknown: [...perProfile.keys()].filter((id) => !known.has(id)).length,
	};
}

export interface StoredBinary {
	/** The execution's id; 'temp' for what the webhook stored in the main before the execution existed. */
	sourceId: string;
	fileName: string;
	md5: string;
	size: number;
}

/** Binary data n8n keeps in Postgres (mode `database`): every stored file, by the md5 of its bytes. */
export async function readStoredBinaries(postgres: Postgres): Promise<Map<string, StoredBinary[]>> {
	const rows = await postgres.query(`SELECT "sourceId", coalesce("fileName", ''), md5(data), "fileSize" FROM binary_data WHERE "sourceType" = 'execution'`);
	const byHash = new Map<string, StoredBinary[]>();
	for (const [sourceId, fileName, hash, size] of rows) {
		const list = byHash.get(hash) ?? [];
		list.push({ sourceId, fileName, md5: hash, size: Number(size) });
		byHash.set(hash, list);
	}
	return byHash;
}

/** Files of the calls that n8n's main stored in Postgres when the webhook received them, byte-identical (by md5). */
export function webhookFilesStored(calls: PlannedCall[], binaries: Map<string, StoredBinary[]>): { stored: number; expected: number; missing: string[] } {
	const missing: string[] = [];
	let stored = 0;
	for (const call of calls) {
		for (const [field, file] of Object.entries(call.files)) {
			if ((binaries.get(md5(file.bytes)) ?? []).some((binary) => binary.fileName === file.fileName)) stored++;
			else missing.push(`${call.callId}/${field}`);
		}
	}
	return { stored, expected: calls.length * Object.keys(calls[0]?.files ?? {}).length, missing };
}

/** Calls whose downloaded attachment the worker stored (binary data in Postgres, under the call's execution) with the bytes that were sent. */
export function downloadsStored(calls: PlannedCall[], executionOf: Map<string, string>, binaries: Map<string, StoredBinary[]>): string[] {
	return calls
		.filter((call) => {
			const executionId = executionOf.get(call.callId);
			return executionId !== undefined && (binaries.get(md5(call.files.attachment.bytes)) ?? []).some((binary) => binary.sourceId === executionId);
		})
		.map((call) => call.callId);
}

export interface RateReport {
	requests: number;
	throttled: number;
	/** Requests (any answer) per whole second, from the first to the last. */
	perSecond: Array<{ second: number; requests: number; accepted: number; throttled: number }>;
	/** The most requests the emulator accepted in any sliding window of 1 s (its limit counts those). */
	maxAcceptedSliding: number;
	/** The most requests (any answer) in one whole second. */
	maxRequestsPerSecond: number;
	/** The most accepted requests in one whole second. */
	maxAcceptedPerSecond: number;
	/** The share of the emulator's limit the accepted requests used over the busy span (limitShare). */
	limitShare: number;
}

/**
 * The share of a per-second limit that accepted requests used while the load kept it busy: over the span from
 * the first accepted request to the last, a service allowing `limit` in any second accepts at most
 * limit × (span + 1 s) (a full second's worth at each end), so n / that is 1 at best, whether the requests came
 * evenly or in bursts.
 */
export function limitShare(acceptedAt: number[], limit: number): number {
	if (acceptedAt.length === 0) return 0;
	const spanSeconds = (Math.max(...acceptedAt) - Math.min(...acceptedAt)) / 1000;
	return acceptedAt.length / (limit * (spanSeconds + 1));
}

/** limitShare of the requests the emulator accepted before `untilMs` (e.g. while both workers ran). */
export function limitShareUntil(received: ReceivedRequest[], limit: number, untilMs: number): number {
	const accepted = received
		.filter((request) => request.path.startsWith('/v1/') && request.status !== 429 && request.receivedAt < untilMs)
		.map((request) => request.receivedAt);
	return limitShare(accepted, limit);
}

export function rateReport(received: ReceivedRequest[], limit: number): RateReport {
	const requests = received.filter((request) => request.path.startsWith('/v1/')).sort((a, b) => a.receivedAt - b.receivedAt);
	if (!requests.length)
		return { requests: 0, throttled: 0, perSecond: [], maxAcceptedSliding: 0, maxRequestsPerSecond: 0, maxAcceptedPerSecond: 0, limitShare: 0 };
	const first = Math.floor(requests[0].receivedAt / 1000);
	const last = Math.floor(requests[requests.length - 1].receivedAt / 1000);
	const perSecond = Array.from({ length: last - first + 1 }, (_, second) => ({ second, requests: 0, accepted: 0, throttled: 0 }));
	for (const request of requests) {
		const bucket = perSecond[Math.floor(request.receivedAt / 1000) - first];
		bucket.requests++;
		if (request.status === 429) bucket.throttled++;
		else bucket.accepted++;
	}
	const accepted = requests.filter((request) => request.status !== 429).map((request) => request.receivedAt);
	let maxAcceptedSliding = 0;
	for (let end = 0, start = 0; end < accepted.length; end++) {
		while (accepted[end] - accepted[start] >= 1000) start++;
		maxAcceptedSliding = Math.max(maxAcceptedSliding, end - start + 1);
	}
	return {
		requests: requests.length,
		throttled: requests.filter((request) => request.status === 429).length,
		perSecond,
		maxAcceptedSliding,
		maxRequestsPerSecond: Math.max(...perSecond.map((bucket) => bucket.requests)),
		maxAcceptedPerSecond: Math.max(...perSecond.map((bucket) => bucket.accepted)),
		limitShare: limitShare(accepted, limit),
	};
}
