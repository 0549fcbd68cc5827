import type { EmulatorRequest, EmulatorResponse } from '../../emulator-server';
import { argosTimestamp } from '../clock';
import { deleteError } from '../errors';
import type { ArgosState, ArgosSubmission } from '../store';

/** [PDEL-SUB] the `fields` values ("OCR_raw" is case-sensitive). */
export const PARTIAL_FIELDS = [
	'id_image',
	'selfie_image',
	'data',
	'OCR_raw',
	'ocr',
	'review',
	'applicant_id',
	'email',
	'userid',
	'additional_list',
	'duplicated_information',
	'custom_duplicated_information',
	'injection_action',
] as const;

/** What each part removes from the emulator's record; the parts it does not model are accepted and change nothing. */
const REMOVE: Partial<Record<(typeof PARTIAL_FIELDS)[number], (submission: ArgosSubmission, dataField?: string) => void>> = {
	// Inferred: id_image covers both sides of the ID.
	id_image: (submission) => {
		delete submission.images.idImage;
		delete submission.images.idBackImage;
	},
	selfie_image: (submission) => delete submission.images.selfieImage,
	email: (submission) => delete submission.email,
	userid: (submission) => delete submission.userid,
	data: (submission, dataField) => {
		if (!dataField) delete submission.data;
		else if (submission.data) delete submission.data[dataField];
	},
};

/**
 * DELETE /v3/submission/partial?submission_id=&fields=[&data_fields=] [PDEL-SUB]: one part per request ("input
 * one of the following options"); data_fields only with fields=data, and without it all of data goes. The
 * KYC result stays. Its answers are not shown on the page: inferred as DELETE /submission's [DEL-SUB]
 * ({"message": "success", "content": …, "statusCode": 200}; 400 {"message", "statusCode": 400}).
 */
export function partialDelete(request: EmulatorRequest, state: ArgosState): EmulatorResponse {
	const id = request.query.get('submission_id');
	if (!id) return deleteError('not Exist Submission ID');
	const field = request.query.get('fields');
	if (!field || !(PARTIAL_FIELDS as readonly string[]).includes(field)) return deleteError('invalid fields');
	const dataField = request.query.get('data_fields') || undefined;
	if (dataField && field !== 'data') return deleteError('data_fields is only valid with fields=data');
	const submission = state.submissions.get(id);
	if (!submission) return deleteError('not Exist Submission Data');
	REMOVE[field as (typeof PARTIAL_FIELDS)[number]]?.(submission, dataField);
	submission.updatedAt = argosTimestamp();
	state.partialDeletions.push({ submissionId: id, field, ...(dataField ? { dataField } : {}) });
	return { status: 200, json: { message: 'success', content: `Submission ${id} partially deleted successfully.`, statusCode: 200 } };
}
