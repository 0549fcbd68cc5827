export const ARGOS_API_KEY = 'argos_demo_key_3f9c2a';
export const ARGOS_ADMIN_EMAIL = 'admin@example.com';
/** The emulated project's pid, the Liveform link's `pid` [QS-TOKEN]. */
export const ARGOS_PROJECT_ID = 'argos-demo-project';
/** The emulated project's ongoing-monitoring worklists (one active, one inactive) and a seeded AML report's resourceId. */
export const ARGOS_WORKLIST_ID = 'wl-ongoing-001';
export const ARGOS_INACTIVE_WORKLIST_ID = 'wl-paused-002';
export const ARGOS_AML_RESOURCE_ID = 'aml-res-7f3c';
export const ARGOS_SEEDED_SUBMISSION_IDS: string[] = ['5f1c9a2b7d3e40a1', 'a8b4c6d2e0f13957', '0c7e3b9d4a21f6e8'];
/** Inferred gateway limit (AWS Lambda's 6 MB payload); the whole request body counts. */
export const ARGOS_MAX_REQUEST_BYTES = 6_000_000;

export type ArgosImageSlot = 'idImage' | 'idBackImage' | 'selfieImage' | 'addressImage';
// [GET-IMG] type: idImage, idBackImage, selfieImage, addressImage (docs/argos-api.md).
export const ARGOS_IMAGE_SLOTS: readonly ArgosImageSlot[] = ['idImage', 'idBackImage', 'selfieImage', 'addressImage'];
export const ARGOS_ID_TYPES: readonly string[] = [
	'drivers_license',
	'government_id',
	'passport',
	'residence_permit',
	'vehicle_registration_certificate',
	'visa',
	'aadhaar',
	'pancard',
];

// [GET-SUB] count: default "50". [GET-SUB-GB older revision] "maximum of 2,000": the cap is inferred for v3.
export const ARGOS_DEFAULT_PAGE_SIZE = 50;
export const ARGOS_MAX_PAGE_SIZE = 2000;

// [WH] the webhook_trigger values Argos documents.
export const ARGOS_WEBHOOK_TRIGGERS = ['created', 'retry', 'approved', 'rejected', 'submit', 'updated', 'delete', 'injection', 'aml', 'aml_monitor'] as const;
export type ArgosWebhookTrigger = (typeof ARGOS_WEBHOOK_TRIGGERS)[number];

export type ArgosKycResult = 'approved' | 'rejected' | 'pending';
