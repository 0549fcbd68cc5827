import type { ArgosSubmission } from './store';

/**
 * One item of GET /submission's `Items` [GET-SUB-ID] [GET-SUB-USER] [GET-SUB-LIST]: the fields the examples
 * show that this emulator keeps. A field the submission lacks is absent [WH-GB "only returns entered information"].
 * `image` holds a reference per stored slot; what Argos puts there ("{idImage from ArgosServer}") is
 * unconfirmed, so the reference is an inferred storage key, not the bytes (GET /image serves those).
 */
export function describeSubmission(id: string, submission: ArgosSubmission): Record<string, unknown> {
	const slots = Object.keys(submission.images);
	const data = { ...submission.data, ...(submission.idType ? { idType: submission.idType } : {}) };
	return {
		submission_id: id,
		...(submission.email ? { email: submission.email } : {}),
		...(submission.userid ? { userid: submission.userid } : {}),
		created_at: submission.createdAt,
		...(submission.updatedAt ? { updated_at: submission.updatedAt } : {}),
		...(submission.pendingAt ? { pending_at: submission.pendingAt } : {}),
		...(submission.kycResultAt ? { kyc_result_at: submission.kycResultAt } : {}),
		...(submission.reviewer ? { reviewer: submission.reviewer } : {}),
		// Key order carries no meaning in JSON; the result comes early so that a shortened print shows it.
		...(submission.kyc ? { kyc: { ...submission.kyc } } : {}),
		...(Object.keys(data).length ? { data } : {}),
		...(slots.length ? { image: Object.fromEntries(slots.map((slot) => [slot, `${id}/${slot}`])) } : {}),
		...(submission.aml ? { aml: { ...submission.aml } } : {}),
	};
}

export const REQUEST_TYPES = ['kyc', 'aml', 'data', 'others'] as const;

/**
 * [GET-SUB] request_type: kyc = KYC data + submission_id, aml = AML data + submission_id, data = personal
 * information + submission_id, others = everything except KYC, AML and personal information.
 */
export function projectItem(item: Record<string, unknown>, requestType: string | null): Record<string, unknown> {
	if (!requestType) return item;
	if (requestType === 'others') {
		const { kyc: _kyc, aml: _aml, data: _data, ...others } = item;
		return others;
	}
	return { submission_id: item.submission_id, ...(item[requestType] !== undefined ? { [requestType]: item[requestType] } : {}) };
}
