import type { EmulatorResponse } from '../emulator-server';

export const gatewayError = (status: number, message: string): EmulatorResponse => ({ status, json: { message } });
export const argosError = (errorCode: string, message: string): EmulatorResponse => ({ status: 400, json: { errorCode, message } });

// PUT /submission/image (../shared/docs/apis.md, Argos section).
export const INVALID_PAYLOAD = argosError('invalid_payload', 'Fail to parse the input data.');
export const MISSING_DATA = argosError('missing_data', 'Required input data is missing.');
export const MISSING_ID_TYPE = argosError('missing_data', 'The idType is required when submit idImage or idBackImage.');
export const NO_IMAGE = argosError('invalid_data', 'At least one image parameter is required.');
export const INVALID_ID_TYPE = argosError('invalid_idType', 'Invalid IdType.');
export const INVALID_ADMIN = argosError('invalid_admin', 'Invalid admin.');
export const INVALID_SUBMISSION = argosError('invalid_submission', 'Invalid submission.');
export const INVALID_IMAGE_TYPE = argosError('invalid_data', 'Invalid image type.');
export const PROCESSING_ERROR = argosError('processing_error', 'Failed to put image.');

// [ADDON] [NOTES-GB] gateway: 400 "Invalid Query String parameters"; used here for a bad query to GET /submission (inferred: no page says which answer a bad request_type, date or cursor gets).
export const INVALID_QUERY = gatewayError(400, 'Invalid Query String parameters');

// [PATCH-SUB] 400 with `errorCode` (example "invalid_payload") and these messages; which code goes with which message is inferred.
export const PATCH_PARSE_ERROR = argosError('invalid_payload', 'data parsing error. please check input data.');
export const PATCH_NO_SUBMISSION_ID = argosError('invalid_payload', 'submissionId is required.');
export const PATCH_NO_ADMIN = argosError('invalid_payload', 'admin is required.');
export const PATCH_NOTHING_TO_MODIFY = argosError('invalid_payload', 'At least one property to modify is required.');
// Inferred: an unknown submission or admin fails the processing step.
export const PATCH_PROCESSING_ERROR = argosError('processing_error', 'Data Processing Error.');

// [DEL-SUB] 400 {"message", "statusCode": 400}.
export const deleteError = (message: string): EmulatorResponse => ({ status: 400, json: { message, statusCode: 400 } });

// [PATCH-SUB] "Decryption is Failed. Please check the api-key." ("Data decryption failed"); the errorCode and its use for every
// encrypted route under Secure Data Transmission are inferred.
export const DECRYPTION_FAILED = argosError('invalid_payload', 'Decryption is Failed. Please check the api-key.');

// [REVIEW-SUB] POST /submission/review: 400 with these messages, in the page's table order; the body's shape ({errorCode,
// message} as Argos's other 400s) and the errorCode values are inferred (the page's error.json example was not in the excerpt).
export const REVIEW_NO_ADMIN = argosError('invalid_admin', 'admin is required.');
export const REVIEW_ADMIN_DENIED = argosError('invalid_admin', 'Access denied. The admin is not registered in the project.');
export const REVIEW_NO_SUBMISSION_ID = argosError('invalid_submission', 'Submission Id is required.');
export const REVIEW_INVALID_SUBMISSION = argosError('invalid_submission', 'Invalid Submission Id.');
export const REVIEW_NOT_PENDING = argosError('invalid_submission', 'Only submissions in pending status can be reviewed');
export const REVIEW_INVALID_STATUS = argosError('invalid_parameter', 'Invalid status');
export const REVIEW_INVALID_FORMAT = argosError('invalid_parameter', 'Invalid data format.');
export const REVIEW_NO_REJECT_COMMENT = argosError('invalid_parameter', 'Reject comment is required');
