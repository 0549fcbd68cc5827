import { randomBytes } from 'node:crypto';

import type { EmulatorRequest, EmulatorResponse } from '../../emulator-server';
import { ARGOS_ADMIN_EMAIL } from '../constants';
import type { ArgosState } from '../store';
import { deliver } from '../webhooks';

/** [AML-MON-POST] "1-25 submissions"; [AML-MON-DEL] "1-25 records maximum". */
export const MAX_PER_MONITOR_CALL = 25;

/**
 * The AML endpoints' errors. [AML-MON-DEL] shows the body {"errorCode", "errorMessage", "details"?}; the same
 * shape for POST and GET, and the messages beyond "Some records do not exist", are inferred from the tables'
 * descriptions.
 */
const amlError = (status: number, errorCode: string, errorMessage: string, details?: unknown): EmulatorResponse => ({
	status,
	json: { errorCode, errorMessage, ...(details ? { details } : {}) },
});
const MISSING_PARAMETERS = amlError(400, 'missing_required_parameters', 'Required request parameters missing.');
const INVALID_SUBMISSION_IDS = amlError(400, 'invalid_submissionIds', `submissionIds must be an array of 1 to ${MAX_PER_MONITOR_CALL} submission IDs.`);
const INVALID_ADMIN = amlError(400, 'invalid_admin', "Admin not found in project's admin list.");
const INVALID_WORKLIST = amlError(400, 'invalid_worklist', 'Worklist is inactive.');
const INVALID_PAYLOAD = amlError(400, 'invalid_payload', 'Missing request payload or format error.');
const ALL_FAILED = amlError(500, 'all_submissions_failed', 'All submissions failed to process.');
// [AML-MON-DEL] error example: one MAPI-001 detail per missing record.
const missingRecords = (count: number) =>
	amlError(
		400,
		'invalid_record',
		'Some records do not exist',
		Array.from({ length: count }, () => ({ statusCode: 404, error: { code: 'MAPI-001', message: 'Resource not found' } })),
	);

function jsonOf(request: EmulatorRequest): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(request.body.toString('utf8'));
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

const worklistOf = (path: string) => decodeURIComponent(path.split('/')[5] ?? '');

/**
 * POST /v3/submission/aml/monitor/{worklistId} {submissionIds, admin} [AML-MON-POST]: "Only approved
 * submissions with valid fullName and birthDate fields can be registered". Each submission is answered in
 * successResults (a new recordId) or failedResults; all failing is 500 all_submissions_failed. Each record
 * registered is then announced by the aml_monitor webhook [AML-MON-WH] ("After submissionId is registered as
 * recordId in the Worklist, the corresponding information is returned through webhook").
 */
export function addMonitoring(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const body = jsonOf(request);
	if (!body) return INVALID_PAYLOAD;
	const { submissionIds, admin } = body as { submissionIds?: unknown; admin?: unknown };
	if (submissionIds === undefined || !admin) return MISSING_PARAMETERS;
	if (
		!Array.isArray(submissionIds) ||
		submissionIds.length < 1 ||
		submissionIds.length > MAX_PER_MONITOR_CALL ||
		!submissionIds.every((id) => typeof id === 'string')
	) {
		return INVALID_SUBMISSION_IDS;
	}
	if (admin !== ARGOS_ADMIN_EMAIL) return INVALID_ADMIN;
	const worklistId = worklistOf(request.path);
	const worklist = state.worklists.get(worklistId);
	if (!worklist?.active) return INVALID_WORKLIST;
	const successResults: unknown[] = [];
	const failedResults: unknown[] = [];
	const registered: Array<[string, string]> = [];
	for (const submissionId of submissionIds as string[]) {
		const submission = state.submissions.get(submissionId);
		const fail = (error: string) => failedResults.push({ submissionId, recordIds: [], status: 'failed', error });
		if (!submission) fail(`Submission not found: ${submissionId}`);
		else if (submission.kyc?.result !== 'approved') fail(`This submission is not approved: ${submissionId}`);
		else if (!submission.data?.full_name || !submission.data?.date_of_birth) fail(`This submission has no fullName or birthDate: ${submissionId}`);
		else {
			const recordId = `${randomBytes(6).toString('hex')}_${submissionId}`;
			worklist.records.set(recordId, { submissionId, admin: String(admin), updateTime: new Date().toISOString() });
			successResults.push({ submissionId, recordIds: [recordId], status: 'success' });
			registered.push([submissionId, recordId]);
		}
	}
	if (!successResults.length) return ALL_FAILED;
	for (const [submissionId, recordId] of registered)
		deliver(state, submissionId, 'aml_monitor', { records: [{ worklistId, recordId, status: 'screenedNoMatches' }] });
	return { status: 200, json: { success: true, successCount: successResults.length, failedCount: failedResults.length, successResults, failedResults } };
}

/** GET /v3/submission/aml/monitor/{worklistId}/{recordId} [AML-MON-GET]; an unknown record answers invalid_record (inferred). */
export function getMonitoring(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const [, , , , , worklistId, recordId] = request.path.split('/').map((part) => decodeURIComponent(part));
	const record = state.worklists.get(worklistId)?.records.get(recordId);
	if (!record) return missingRecords(1);
	const submission = state.submissions.get(record.submissionId);
	const data = submission?.data ?? {};
	return {
		status: 200,
		json: {
			name: data.full_name ?? '',
			id: recordId,
			submissionId: record.submissionId,
			nationality: data.nationality ?? '',
			status: 'screenedNoMatches',
			dob: data.date_of_birth ?? '',
			email: submission?.email ?? '',
			memo: '',
			tags: [],
			admin: record.admin,
			updateTime: record.updateTime,
			openCount: 0,
			falsePositiveCount: 0,
			truePositiveCount: 0,
			discardedCount: 0,
		},
	};
}

/** DELETE /v3/submission/aml/monitor/{worklistId} {admin, recordIds} [AML-MON-DEL]; records that do not exist: 400 invalid_record, nothing deleted (inferred). */
export function removeMonitoring(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const body = jsonOf(request);
	const recordIds = body?.recordIds;
	if (!body || !Array.isArray(recordIds) || recordIds.length < 1 || recordIds.length > MAX_PER_MONITOR_CALL) return INVALID_PAYLOAD;
	if (body.admin !== ARGOS_ADMIN_EMAIL) return amlError(400, 'invalid_admin', 'Invalid admin account or admin not registered in the project.');
	const worklist = state.worklists.get(worklistOf(request.path));
	if (!worklist) return amlError(400, 'invalide_worklist', 'Invalid worklist ID.');
	const missing = recordIds.filter((id) => !worklist.records.has(String(id)));
	if (missing.length) return missingRecords(missing.length);
	for (const id of recordIds) worklist.records.delete(String(id));
	return { status: 200, json: { message: 'records deleted successfully' } };
}

/**
 * GET /v3/report/aml?resourceId= [AML-REPORT]: "returns the AML report file in PDF format directly" (report.pdf,
 * application/pdf). An unknown resourceId: 400 {"message"} (inferred).
 */
export function getAmlReport(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const resourceId = request.query.get('resourceId');
	const pdf = resourceId ? state.amlReports.get(resourceId) : undefined;
	if (!pdf) return { status: 400, json: { message: 'Invalid resourceId.' } };
	return { status: 200, body: pdf, headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="report.pdf"' } };
}
