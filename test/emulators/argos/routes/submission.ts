import type { EmulatorRequest, EmulatorResponse } from '../../emulator-server';
import { argosTimestamp, dayOf } from '../clock';
import { ARGOS_ADMIN_EMAIL, ARGOS_DEFAULT_PAGE_SIZE, ARGOS_MAX_PAGE_SIZE } from '../constants';
import {
	deleteError,
	INVALID_PAYLOAD,
	INVALID_QUERY,
	PATCH_NO_ADMIN,
	PATCH_NO_SUBMISSION_ID,
	PATCH_NOTHING_TO_MODIFY,
	PATCH_PARSE_ERROR,
	PATCH_PROCESSING_ERROR,
	REVIEW_ADMIN_DENIED,
	REVIEW_INVALID_FORMAT,
	REVIEW_INVALID_STATUS,
	REVIEW_INVALID_SUBMISSION,
	REVIEW_NO_ADMIN,
	REVIEW_NO_REJECT_COMMENT,
	REVIEW_NO_SUBMISSION_ID,
	REVIEW_NOT_PENDING,
} from '../errors';
import type { ArgosState, ArgosSubmission } from '../store';
import { describeSubmission, projectItem, REQUEST_TYPES } from '../view';
import { deliver } from '../webhooks';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Entry = [string, ArgosSubmission];

/**
 * Newest first, ties by id (inferred: the order is unconfirmed; the {id, created_at} cursor [GET-SUB-GB]
 * suggests a key sorted on created_at).
 */
const newestFirst = ([idA, a]: Entry, [idB, b]: Entry) => String(b.createdAt).localeCompare(String(a.createdAt)) || idB.localeCompare(idA);

/** Whether an entry comes after the cursor's (created_at, id) in the list order. */
const afterCursor = (cursor: { id: string; date: string }) => (entry: Entry) => newestFirst([cursor.id, { images: {}, createdAt: cursor.date }], entry) < 0;

/**
 * The query kind [GET-SUB]: "Single Submission (submission_id)", "By User ID (userid)", "By Email (email)",
 * else the date range (start_date/end_date, YYYY-MM-DD, inclusive; either end may be left open — inferred)
 * or "List All Submissions". When several are given, the first of that order wins (inferred).
 */
function matcher(query: URLSearchParams): ((entry: Entry) => boolean) | undefined {
	const userid = query.get('userid');
	const email = query.get('email');
	if (userid) return ([, submission]) => submission.userid === userid;
	if (email) return ([, submission]) => submission.email?.toLowerCase() === email.toLowerCase();
	const start = query.get('start_date');
	const end = query.get('end_date');
	if ((start && !DAY.test(start)) || (end && !DAY.test(end))) return undefined;
	return ([, submission]) => {
		const day = dayOf(String(submission.createdAt));
		return (!start || day >= start) && (!end || day <= end);
	};
}

/**
 * GET /v3/submission [GET-SUB]: always {"Items": [...]} [GET-SUB-ID], one item (or none, inferred, for an
 * unknown id) for submission_id. A list comes `count` at a time (default 50 [GET-SUB], at most 2,000
 * [GET-SUB-GB older revision]); while more remain the answer carries "nextpageKey": {id, created_at}, to
 * be sent back as nextpage_id / nextpage_date with the same filters, and the last page has none [GET-SUB-GB].
 * Its top-level position beside Items is inferred. request_type narrows each item [GET-SUB].
 */
export function getSubmission(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const { query } = request;
	const requestType = query.get('request_type');
	if (requestType && !(REQUEST_TYPES as readonly string[]).includes(requestType)) return INVALID_QUERY;
	// Encrypted, with the Secure Data Transmission option, by secure-transmission.ts.
	const answer = (body: Record<string, unknown>): EmulatorResponse => ({ status: 200, json: body });
	const view = ([id, submission]: Entry) => projectItem(describeSubmission(id, submission), requestType);
	const id = query.get('submission_id');
	if (id) {
		const found = state.submissions.get(id);
		return answer({ Items: found ? [view([id, found])] : [] });
	}
	const count = query.has('count') ? Number(query.get('count')) : ARGOS_DEFAULT_PAGE_SIZE;
	if (!Number.isInteger(count) || count < 1) return INVALID_QUERY;
	const matches = matcher(query);
	if (!matches) return INVALID_QUERY;
	const cursorId = query.get('nextpage_id');
	const cursorDate = query.get('nextpage_date');
	// Inferred: the cursor is a pair; half of it is a bad query.
	if (Boolean(cursorId) !== Boolean(cursorDate)) return INVALID_QUERY;
	let entries = [...state.submissions].filter(matches).sort(newestFirst);
	if (cursorId && cursorDate) entries = entries.filter(afterCursor({ id: cursorId, date: cursorDate }));
	const page = entries.slice(0, Math.min(count, ARGOS_MAX_PAGE_SIZE));
	const last = page[page.length - 1];
	const more = entries.length > page.length && last;
	return answer({ Items: page.map(view), ...(more ? { nextpageKey: { id: last[0], created_at: last[1].createdAt } } : {}) });
}

/** [PATCH-SUB] data fields, mapped to the item's `data` names where GET shows them (the mapping is inferred). */
const PATCH_FIELDS: Record<string, string> = {
	idType: 'idType',
	issuingCountry: 'idcard_issuingCountry',
	fullName: 'full_name',
	// [PATCH-SUB] current page: firstName, lastName.
	firstName: 'first_name',
	lastName: 'last_name',
	gender: 'gender',
	birthDate: 'date_of_birth',
	nationality: 'nationality',
	issueDate: 'idcard_issueDate',
	expireDate: 'idcard_expireDate',
	identityNumber: 'identityNumber',
	documentNumber: 'documentNumber',
	serialNumber: 'serialNumber',
};

function parseJsonObject(body: Buffer): Record<string, unknown> | undefined {
	try {
		const value: unknown = JSON.parse(body.toString('utf8'));
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * PATCH /v3/submission [PATCH-SUB]: JSON {submissionId, admin, data}; data.kycStatus (approved|rejected)
 * approves or rejects. 200 {"message": "Data Processing Success."}; 400 {errorCode, message} otherwise.
 * Check order (inferred): body parses -> submissionId -> admin -> data has a property -> every property is
 * documented and a string (kycStatus approved|rejected) -> admin is a dashboard admin and the submission
 * exists. Sends the `updated` webhook [WH-UPD]; a changed KYC status also sends `approved`/`rejected`
 * (inferred: [WH] lists them for "the submission is approved/rejected", whoever did it).
 */
export function patchSubmission(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const body = parseJsonObject(request.body);
	if (!body) return PATCH_PARSE_ERROR;
	const { submissionId, admin, data } = body;
	if (typeof submissionId !== 'string' || !submissionId) return PATCH_NO_SUBMISSION_ID;
	if (typeof admin !== 'string' || !admin) return PATCH_NO_ADMIN;
	if (!data || typeof data !== 'object' || Array.isArray(data) || Object.keys(data).length === 0) return PATCH_NOTHING_TO_MODIFY;
	const changes = data as Record<string, unknown>;
	for (const [field, value] of Object.entries(changes)) {
		if (typeof value !== 'string' || !value) return PATCH_PARSE_ERROR;
		if (field === 'kycStatus' ? !['approved', 'rejected'].includes(value) : !(field in PATCH_FIELDS)) return PATCH_PARSE_ERROR;
	}
	const submission = state.submissions.get(submissionId);
	if (!submission || admin !== ARGOS_ADMIN_EMAIL) return PATCH_PROCESSING_ERROR;
	const now = argosTimestamp();
	const previous = submission.kyc?.result;
	for (const [field, value] of Object.entries(changes) as Array<[string, string]>) {
		if (field === 'kycStatus') {
			submission.kyc = { comment: [], commentCode: [], ...submission.kyc, result: value as 'approved' | 'rejected' };
			submission.kycResultAt = now;
			submission.reviewer = admin;
		} else {
			applyField(submission, field, value);
		}
	}
	submission.updatedAt = now;
	const fields = Object.keys(changes);
	state.acceptedUpdates.push({ submissionId, admin, fields });
	deliver(state, submissionId, 'updated', { admin, updated: fields });
	const status = submission.kyc?.result;
	if (changes.kycStatus && status !== previous && (status === 'approved' || status === 'rejected')) deliver(state, submissionId, status, { admin });
	return { status: 200, json: { message: 'Data Processing Success.' } };
}

/** A data field change as PATCH and review make it (names mapped as in PATCH_FIELDS). */
function applyField(submission: ArgosSubmission, field: string, value: string): void {
	if (field === 'idType') submission.idType = value;
	else submission.data = { ...submission.data, [PATCH_FIELDS[field]]: value };
}

/** [REVIEW-SUB] the updateFields its example shows. */
const REVIEW_FIELDS = ['fullName', 'gender', 'issueDate', 'expireDate', 'birthDate', 'idType'];

/**
 * POST /v3/submission/review [REVIEW-SUB]: JSON {submissionId, admin, status, rejectComment, updateFields}; only a
 * pending submission, approved or rejected by a dashboard admin; rejectComment required for rejected; updateFields an
 * object. 200 {submissionId, message: "Success to review submission.", finalStatus}. Checks in the page's table order
 * (inferred). A field outside the example's six is "Invalid data format." (inferred). Sends `approved`/`rejected`
 * (inferred, as for PATCH). The project's reviewer is the client (the emulator has no ARGOS Agents).
 */
export function reviewSubmission(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const body = parseJsonObject(request.body);
	if (!body) return PATCH_PARSE_ERROR;
	const { submissionId, admin, status, rejectComment, updateFields } = body;
	if (typeof admin !== 'string' || !admin) return REVIEW_NO_ADMIN;
	if (admin !== ARGOS_ADMIN_EMAIL) return REVIEW_ADMIN_DENIED;
	if (typeof submissionId !== 'string' || !submissionId) return REVIEW_NO_SUBMISSION_ID;
	const submission = state.submissions.get(submissionId);
	if (!submission) return REVIEW_INVALID_SUBMISSION;
	if (submission.kyc?.result !== 'pending') return REVIEW_NOT_PENDING;
	if (status !== 'approved' && status !== 'rejected') return REVIEW_INVALID_STATUS;
	const fields = updateFields ?? {};
	if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return REVIEW_INVALID_FORMAT;
	const changes = Object.entries(fields as Record<string, unknown>);
	if (changes.some(([field, value]) => !REVIEW_FIELDS.includes(field) || typeof value !== 'string' || !value)) return REVIEW_INVALID_FORMAT;
	if (status === 'rejected' && (typeof rejectComment !== 'string' || !rejectComment.trim())) return REVIEW_NO_REJECT_COMMENT;
	const now = argosTimestamp();
	for (const [field, value] of changes as Array<[string, string]>) applyField(submission, field, value);
	submission.kyc = { commentCode: [], ...submission.kyc, result: status, comment: typeof rejectComment === 'string' && rejectComment ? [rejectComment] : [] };
	submission.kycResultAt = now;
	submission.updatedAt = now;
	submission.reviewer = admin;
	state.reviews.push({ submissionId, admin, status, fields: changes.map(([field]) => field) });
	deliver(state, submissionId, status, { admin });
	return { status: 200, json: { submissionId, message: 'Success to review submission.', finalStatus: status } };
}

/**
 * DELETE /v3/submission?submission_id=&admin_name= [DEL-SUB]: removes personal data, ID details, images and
 * AML data; keeps the submission ID, date, ID type and approval status. 200 {"message":"success",
 * "content":"Submission {id} deleted successfully.","statusCode":200}; 400 "not Exist Submission ID" (no id),
 * "not Exist Submission Data" (unknown). admin_name is optional, but the `delete` webhook is sent only
 * with it [DEL-SUB]. Deleting again succeeds again (inferred: the record is still there, already empty).
 */
export function deleteSubmission(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const id = request.query.get('submission_id');
	if (!id) return deleteError('not Exist Submission ID');
	const submission = state.submissions.get(id);
	if (!submission) return deleteError('not Exist Submission Data');
	const admin = request.query.get('admin_name') || undefined;
	// The webhook describes the submission as it was, so it is built before the data goes.
	if (admin) deliver(state, id, 'delete', { admin });
	submission.images = {};
	submission.data = undefined;
	submission.email = undefined;
	submission.userid = undefined;
	submission.aml = undefined;
	submission.deletedAt = argosTimestamp();
	state.deletions.push({ submissionId: id, ...(admin ? { admin } : {}) });
	return { status: 200, json: { message: 'success', content: `Submission ${id} deleted successfully.`, statusCode: 200 } };
}

/** POST /v3/submission/migration [POST-SUB]: a new submission from the fields (response shape inferred). */
export function migrateSubmission(request: EmulatorRequest, add: (fields: Partial<ArgosSubmission>) => string): EmulatorResponse {
	const body = parseJsonObject(request.body);
	if (!body) return INVALID_PAYLOAD;
	const { email, userid, kycStatus, admin: _admin, idType, ...data } = body;
	const id = add({
		...(typeof email === 'string' ? { email } : {}),
		...(typeof userid === 'string' ? { userid } : {}),
		...(typeof idType === 'string' ? { idType } : {}),
		...(kycStatus === 'approved' || kycStatus === 'rejected' ? { kyc: { result: kycStatus } } : {}),
		data,
	});
	return { status: 200, json: { submission_id: id } };
}
