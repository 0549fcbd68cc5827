/** Seeded keys: a sandbox key (5 requests/s, as ComplyCube's sandbox) and a live one (10/s). */
export const COMPLYCUBE_API_KEY = 'test_Y29tcGx5Y3ViZS1lbXVsYXRvcg';
export const COMPLYCUBE_LIVE_API_KEY = 'live_Y29tcGx5Y3ViZS1lbXVsYXRvcg';
/** A client and a driving licence that always exist, so the example workflows run as shipped. */
export const COMPLYCUBE_DEMO_CLIENT_ID = '65a1c0ffee00000000000c01';
export const COMPLYCUBE_DEMO_DOCUMENT_ID = '65a1c0ffee00000000000d01';
// [apis.md; Docs documents/upload-image-attachment] "34KB to 4MB": units undefined, so the strict window 34 KiB .. 4,000,000 bytes.
export const COMPLYCUBE_MIN_BYTES = 34_816;
export const COMPLYCUBE_MAX_BYTES = 4_000_000;
/** Whole request bodies over this answer 413 (4 MB of base64 plus JSON fits well inside). */
// [Docs api-reference/errors] 413 "request too large"; the threshold itself is not published (inferred).
export const COMPLYCUBE_MAX_REQUEST_BYTES = 8 * 1024 * 1024;
/** The hosted page takes up to three images in one multipart body, so it gets a larger limit (inferred). */
export const HOSTED_PAGE_MAX_REQUEST_BYTES = 3 * COMPLYCUBE_MAX_BYTES + 1024 * 1024;

// [Docs documents/create-a-document; PHP tests/integration/DocumentTest.php] identity document types; two-sided ones need front and back.
export const TWO_SIDED_TYPES = new Set(['driving_license', 'national_identity_card', 'residence_permit']);
export const DOCUMENT_TYPES = new Set(['passport', ...TWO_SIDED_TYPES]);
export const SIZE_MESSAGE = 'Image file size should be between 34KB and 4MB';

export type CheckOutcome = 'clear' | 'attention' | 'rejected';
export const CHECK_OUTCOMES: readonly CheckOutcome[] = ['clear', 'attention', 'rejected'];

// [Docs checks (v1.7.3 check object)] which check needs which resource id.
export const CHECK_TYPES = [
	'standard_screening_check',
	'extensive_screening_check',
	'document_check',
	'identity_check',
	'enhanced_identity_check',
	'proof_of_address_check',
	'driving_license_check',
	'multi_bureau_check',
	'identity_fraud_check',
	'face_authentication_check',
	'age_estimation_check',
] as const;
export const NEEDS_DOCUMENT = new Set(['document_check', 'identity_check', 'enhanced_identity_check', 'proof_of_address_check', 'driving_license_check']);
export const NEEDS_LIVE_PHOTO = new Set(['identity_check', 'age_estimation_check', 'face_authentication_check']);
export const NEEDS_LIVE_VIDEO = new Set(['enhanced_identity_check']);
export const NEEDS_ADDRESS = new Set(['multi_bureau_check', 'identity_fraud_check']);
export const SCREENING_TYPES = new Set(['standard_screening_check', 'extensive_screening_check']);
/** Checks that read a document's images (so PDF / one-side rules apply). */
export const READS_DOCUMENT_IMAGES = new Set(['document_check', 'identity_check', 'enhanced_identity_check', 'driving_license_check']);

// [Docs other-resources/webhooks "Event Types"; docs/complycube-api.md "Decisions"] the names a webhook may subscribe to; "*" is all.
// The docs' versions disagree (check.complete.* vs check.completed.*); this project uses check.completed.*.
export const EVENT_TYPES = [
	'check.pending',
	'check.completed',
	'check.completed.clear',
	'check.completed.attention',
	'check.completed.rejected',
	'check.completed.match_confirmed',
	'check.monitoring.attention',
	'check.failed',
	'check.updated',
	'client.created',
	'client.updated',
	'client.deleted',
	// inferred: workflow session events named after the check ones (not confirmed in the reference text read).
	'workflowSession.completed',
	'workflowSession.completed.clear',
	'workflowSession.completed.attention',
	'workflowSession.completed.rejected',
] as const;
