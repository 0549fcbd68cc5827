/** Seeded keys: a sandbox key (5 requests/s, as ComplyCube's sandbox) and a live one (10/s). */
export const COMPLYCUBE_API_KEY = 'test_Y29tcGx5Y3ViZS1lbXVsYXRvcg';
export const COMPLYCUBE_LIVE_API_KEY = 'live_Y29tcGx5Y3ViZS1lbXVsYXRvcg';
/** A client and a driving licence that always exist, so the example workflows run as shipped. */
export const COMPLYCUBE_DEMO_CLIENT_ID = '65a1c0ffee00000000000c01';
export const COMPLYCUBE_DEMO_DOCUMENT_ID = '65a1c0ffee00000000000d01';
/** A live video of the demo client, as the hosted flow's liveness leaves one (the API has no upload of video). */
export const COMPLYCUBE_DEMO_LIVE_VIDEO_ID = '65a1c0ffee00000000000e01';
// [apis.md; Docs documents/upload-image-attachment] "34KB to 4MB": units undefined, so the strict window 34 KiB .. 4,000,000 bytes.
export const COMPLYCUBE_MIN_BYTES = 34_816;
export const COMPLYCUBE_MAX_BYTES = 4_000_000;
/** Whole request bodies over this answer 413 (4 MB of base64 plus JSON fits well inside). */
// [Docs api-reference/errors] 413 "request too large"; the threshold itself is not published (inferred).
export const COMPLYCUBE_MAX_REQUEST_BYTES = 8 * 1024 * 1024;
/** The hosted page takes up to three images in one multipart body, so it gets a larger limit (inferred). */
export const HOSTED_PAGE_MAX_REQUEST_BYTES = 3 * COMPLYCUBE_MAX_BYTES + 1024 * 1024;

// [Docs documents/create-a-document; PHP tests/integration/DocumentTest.php] two-sided identity document types need front and back.
export const TWO_SIDED_TYPES = new Set(['driving_license', 'national_identity_card', 'residence_permit']);
// [Docs api-reference/core-resources/documents "The Document object" (v1.7.3: passport .. company_annual_accounts, then cut off);
// Docs v.1.7.2/documents/create-a-document (the whole list, 1-22, without utility_bill)] the union of both; others answer 400.
export const DOCUMENT_TYPES = new Set([
	'passport',
	'driving_license',
	'national_insurance_number',
	'social_security_number',
	'utility_bill',
	'tax_identification_number',
	'national_identity_card',
	'visa',
	'polling_card',
	'residence_permit',
	'birth_certificate',
	'bank_statement',
	'change_of_name',
	'tax_document',
	'company_confirmation_statement',
	'company_annual_accounts',
	'company_statement_of_capital',
	'company_change_of_address',
	'company_incorporation',
	'company_change_of_officers',
	'company_change_of_beneficial_owners',
	'unknown',
	'other',
]);
// [Docs v.1.7.2/documents/create-a-document "classification ... Valid values include" and its 400 example
// "'classification' should be equal ..."] the documented values; others answer 400.
export const DOCUMENT_CLASSIFICATIONS = new Set(['proof_of_identity', 'source_of_wealth', 'source_of_funds', 'proof_of_address', 'company_filing', 'other']);
// [Docs v.1.7.2 and overview/addresses/create-an-address] address `type`: main | alternative | other.
export const ADDRESS_TYPES = new Set(['main', 'alternative', 'other']);
export const SIZE_MESSAGE = 'Image file size should be between 34KB and 4MB';

export type CheckOutcome = 'clear' | 'attention' | 'rejected';
export const CHECK_OUTCOMES: readonly CheckOutcome[] = ['clear', 'attention', 'rejected'];

// [Docs api-reference/checks/create-a-check "type ... Valid values include" 1-16] every documented check type; others answer 400.
export const CHECK_TYPES = [
	'standard_screening_check',
	'extensive_screening_check',
	'document_check',
	'identity_check',
	'enhanced_identity_check',
	'proof_of_address_check',
	'multi_bureau_check',
	'eid_check',
	'ssn_check',
	'age_estimation_check',
	'identity_fraud_check',
	'driving_license_check',
	'device_intelligence_check',
	'email_intelligence_check',
	'mobile_intelligence_check',
	'face_authentication_check',
] as const;
// [Docs checks/create-a-check "documentId ... expected when the type of check is document_check, identity_check,
// enhanced_identity_check, proof_of_address_check, or driving_license_check"; each check-types/* page marks it Required]
export const NEEDS_DOCUMENT = new Set(['document_check', 'identity_check', 'enhanced_identity_check', 'proof_of_address_check', 'driving_license_check']);
// [Docs checks/create-a-check "livePhotoId ... identity_check, age_estimation_check, or face_authentication_check"]
export const NEEDS_LIVE_PHOTO = new Set(['identity_check', 'age_estimation_check', 'face_authentication_check']);
// [Docs check-types/enhanced-identity-check "liveVideoId (Required)"]
export const NEEDS_LIVE_VIDEO = new Set(['enhanced_identity_check']);
// [Docs checks/create-a-check "addressId ... expected when the check type is multi_bureau_check or identity_fraud_check";
// check-types/multi-bureau-check and check-types/identity-fraud-check "addressId (Required)"]
export const NEEDS_ADDRESS = new Set(['multi_bureau_check', 'identity_fraud_check']);
// [PHP CheckTest testCreatePoACheck sends addressId with a proof_of_address_check; Docs check-types/proof-of-address-check
// lists only documentId] so the address is optional there, and checked when given (inferred).
export const TAKES_ADDRESS = new Set([...NEEDS_ADDRESS, 'proof_of_address_check']);
// [Docs check-types/{identity-check, enhanced-identity-check, proof-of-address-check, multi-bureau-check, driving-license-check}
// "This check can only be performed on a client of type person"]
export const PERSON_ONLY = new Set(['identity_check', 'enhanced_identity_check', 'proof_of_address_check', 'multi_bureau_check', 'driving_license_check']);
export const SCREENING_TYPES = new Set(['standard_screening_check', 'extensive_screening_check']);
/** Checks that read a document's images (so PDF / one-side rules apply). */
export const READS_DOCUMENT_IMAGES = new Set(['document_check', 'identity_check', 'enhanced_identity_check']);
// [Docs check-types/proof-of-address-check "the documentId provided must have associated image attachments ... We will use
// the front side"] a PoA check needs the front image (any accepted format: bank statements come as PDF; inferred).
export const NEEDS_FRONT_IMAGE = new Set(['proof_of_address_check']);

// [Docs other-resources/webhooks "Event Types"] the names a webhook may subscribe to; "*" is all. The copies of that page
// disagree on the completed-check family: v1.7.3 lists check.completed, check.completed.clear|attention|rejected|
// match_confirmed; v1.7.2 (and other copies) check.complete, check.complete.clear|attention. The emulator speaks one
// family at a time (option eventNames), so the node is tested against both.
export const EVENT_NAME_FAMILIES = ['completed', 'complete'] as const;
export type EventNameFamily = (typeof EVENT_NAME_FAMILIES)[number];

// [Docs other-resources/webhooks v1.7.3 "Event Types"] in the `completed` spelling.
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
	'document.created',
	'document.updated',
	'document.updated.image_uploaded',
	'document.updated.image_deleted',
	'document.deleted',
	'address.created',
	'address.updated',
	'address.deleted',
	// inferred: no copy of the page names a workflow session event; named after the check ones.
	'workflowSession.completed',
	'workflowSession.completed.clear',
	'workflowSession.completed.attention',
	'workflowSession.completed.rejected',
] as const;

/** An event name as the family spells it: `check.completed.clear` is `check.complete.clear` in the v1.7.2 family. */
export function spelledEventType(type: string, family: EventNameFamily): string {
	return family === 'complete' && type.startsWith('check.completed') ? type.replace('check.completed', 'check.complete') : type;
}

// [Docs v1.7.2 other-resources/webhooks] lists check.complete, .clear and .attention only; the v1.7.2 family here also spells
// .rejected and .match_confirmed that way (inferred), so every check outcome has an event in both families.
export const eventTypesOf = (family: EventNameFamily): string[] => EVENT_TYPES.map((type) => spelledEventType(type, family));
