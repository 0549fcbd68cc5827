/*
 * Names and seeded data of the Crafter Profile emulator. URL and parameter names follow
 * craftercms/profile api/src/main/java/org/craftercms/profile/api/ProfileConstants.java: the REST API lives
 * under BASE_URL_REST_API = "/api/1" (there is no /api/2 in the server's source).
 */

export const CRAFTER_ACCESS_TOKEN = 'a3f1c9d2-6b7e-4f08-9c41-2d5e8b7a0f13';
export const CRAFTER_READONLY_TOKEN = 'c7b2e4f1-0a9d-4c3e-8f56-71d2a9e0b4c8';
export const CRAFTER_EXPIRED_TOKEN = '5e9d0c7a-3f12-4b8e-a6d4-e0c1f2b3a495';
/** An access token whose tenant permission is "*": every tenant, so an unknown tenant gets as far as NO_SUCH_TENANT. */
export const CRAFTER_ALL_TENANTS_TOKEN = 'e2d4c6b8-1a3f-4e5d-9b7c-0f8e6d4c2a19';
export const CRAFTER_SEEDED_PROFILE_IDS: string[] = ['6650a1f2c3d4e5f60718293a', '6650a1f2c3d4e5f60718293b', '6650a1f2c3d4e5f60718293c'];
/** Usernames of the seeded profiles, in the order of their ids. */
export const CRAFTER_SEEDED_USERNAMES = ['ada.lovelace', 'grace.hopper', 'alan.turing'];
/** A login ticket of the first seeded profile (Get by ticket). */
export const CRAFTER_SEEDED_TICKET = '9b1f2e3d-4c5a-4b6c-8d7e-0f1a2b3c4d5e';
/** The tenant every seeded profile and token belongs to. */
export const CRAFTER_TENANT = 'default';
/**
 * A tenant with verifyNewProfiles on (set in the admin console or POST /api/1/tenant/{name}/verify_new_profiles):
 * a profile created there with a verificationUrl starts disabled and is e-mailed the link. Crafter's own
 * "default" tenant has it off (server/src/main/resources/crafter/profile/init-data.json).
 */
export const CRAFTER_VERIFYING_TENANT = 'customers';
/** crafter.profile.attachments.maxSizeUpload; the resolver applies it to the whole multipart request. */
export const CRAFTER_MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const CONTEXT_PATH = '/crafter-profile';
/** ProfileConstants.BASE_URL_PROFILE */
export const API_PREFIX = '/api/1/profile';
/** TenantAction.MANAGE_PROFILES */
export const MANAGE_PROFILES = 'MANAGE_PROFILES';
