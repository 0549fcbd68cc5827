import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { ARGOS_ADMIN_EMAIL, startArgosEmulator, type ArgosEmulator } from '../emulators/argos';
import { startComplyCubeEmulator, type ComplyCubeEmulator } from '../emulators/complycube';
import { CRAFTER_EXPIRED_TOKEN, CRAFTER_READONLY_TOKEN, startCrafterEmulator, type CrafterEmulator } from '../emulators/crafter';
import type { EmulatorRequest, EmulatorResponse, ReceivedRequest } from '../emulators/emulator-server';
import type { FixtureFile, FixtureItem } from '../engine/fixture-items.node';
import { runWorkflow, type WorkflowJson } from '../engine/run-workflow';
import { fixtureWorkflow } from '../engine/workflow-file';
import { expectNoSecret } from '../support/expect-no-secret';
import { SampleFolder, type SampleKind } from '../support/sample-files';
import { startStubService, type StubService } from './stub-service';

/*
 * The bad-input battery: each case puts one bad input (a file, an ID, a name, a credential, a Base URL, or an
 * answer a broken service gives) between two good items, with "continue on error", and checks:
 *   - refused before sending where it should be (run alone first: the service received nothing);
 *   - the error is a sentence that names the item ("[item 1]") and a description that says what to do;
 *   - no secret anywhere in the run's data;
 *   - the other items unharmed (a credential case: every item gets its own error, and the node goes on).
 */

type NodeName = 'complyCube' | 'argosIdentity' | 'crafterProfile';

interface Case {
	name: string;
	node: NodeName;
	parameters: INodeParameters;
	/** The good items around the bad one. */
	good: () => FixtureItem;
	bad: () => FixtureItem;
	/** The bad item reaches the service (its answer is what is tested); otherwise refused before sending. */
	sent: boolean;
	/** What the bad item's error says (before " [item 1]"). */
	message: RegExp;
	/** A node-parameter case: every item is bad (a credential case is too). */
	everyItem?: boolean;
	/** The credential the case runs with. */
	credentials?: () => Record<string, Record<string, unknown>>;
	/** Broken-service cases: what the stub answers for the bad item, and for the good ones. */
	stub?: { broken: (request: EmulatorRequest) => EmulatorResponse; good: (request: EmulatorRequest) => EmulatorResponse };
	/** Secrets beyond the credential's own that must not appear. */
	secrets?: string[];
}

const samples = new SampleFolder();
let cc: ComplyCubeEmulator;
let argos: ArgosEmulator;
let crafter: CrafterEmulator;
let stub: StubService;

beforeAll(async () => {
	cc = await startComplyCubeEmulator({ rateLimit: false });
	argos = await startArgosEmulator();
	crafter = await startCrafterEmulator();
	stub = await startStubService();
});
afterAll(async () => {
	await cc.close();
	await argos.close();
	await crafter.close();
	await stub.close();
});

let sequence = 0;
const file = (kind: SampleKind, size: number, fileName?: string): FixtureFile => {
	const written = samples.make(`${++sequence}.bin`, kind, size);
	return { path: written.path, fileName, mimeType: 'application/octet-stream' };
};
const hex24 = (seed: number) => seed.toString(16).padStart(24, 'f');
/** A whole record pasted where an ID goes: 20,000 characters. */
const RECORD_HEAD = '{"id":"5eb04fcd0f3e360008035eb1","notes":"';
const pastedRecord = `${RECORD_HEAD}${'x'.repeat(20_000 - RECORD_HEAD.length - 2)}"}`;
/** Its refusal names the field and shows the first 40 characters, not the 20 KB. */
const LONG_ID = (label: string) =>
	new RegExp(`^${label} '${pastedRecord.slice(0, 40).replace(/[{}.*+?^$()|[\]\\]/g, '\\$&')}…' is 20,000 characters long, far longer than any ID`);

// ---- ComplyCube ----
const CC_UPLOAD: INodeParameters = {
	resource: 'document',
	operation: 'uploadImage',
	documentId: '={{ $json.documentId }}',
	documentSide: "={{ $json.side ?? 'front' }}",
	binaryPropertyName: "={{ $json.field ?? 'data' }}",
	options: { fileName: "={{ $json.fileName ?? '' }}", timeout: '={{ $json.timeout ?? 60000 }}' },
};
const ccDocument = () => cc.addDocument(cc.addClient());
const ccImage = (json: Record<string, unknown> = {}, data: FixtureFile = file('jpeg', 40_000, 'front.jpg')): FixtureItem => ({
	json: { documentId: ccDocument(), ...json },
	files: { data },
});
const CC_PHOTO: INodeParameters = {
	resource: 'livePhoto',
	operation: 'upload',
	clientId: '={{ $json.clientId }}',
	binaryPropertyName: 'data',
	performLivenessCheck: true,
};
const ccSelfie = (json: Record<string, unknown> = {}, data: FixtureFile = file('jpeg', 40_000, 'selfie.jpg')): FixtureItem => ({
	json: { clientId: cc.addClient(), ...json },
	files: { data },
});
const CC_CLIENT: INodeParameters = {
	resource: 'client',
	operation: 'create',
	clientType: 'person',
	email: '={{ $json.email }}',
	firstName: 'Ada',
	lastName: "={{ $json.lastName ?? 'Lovelace' }}",
};
const ccPerson = (json: Record<string, unknown> = {}): FixtureItem => ({ json: { email: `ada-${++sequence}@example.com`, ...json } });
const CC_DOCUMENT: INodeParameters = {
	resource: 'document',
	operation: 'create',
	clientId: '={{ $json.clientId }}',
	documentType: 'passport',
	additionalFields: { issuingCountry: "={{ $json.country ?? 'GB' }}" },
};
const CC_CHECK: INodeParameters = {
	resource: 'check',
	operation: 'create',
	clientId: '={{ $json.clientId }}',
	checkType: 'document_check',
	documentId: "={{ $json.documentId ?? '' }}",
	options: { minimumPermittedAge: '={{ $json.age ?? 18 }}' },
};
/** A passport with its front image, ready for a document check. */
const checkableDocument = (clientId: string) => {
	const documentId = cc.addDocument(clientId, 'passport');
	cc.documents.get(documentId)!.images.front = {
		fileName: 'front.jpg',
		contentType: 'image/jpg',
		data: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
		createdAt: new Date().toISOString(),
	};
	return documentId;
};
const checkItem = (json: Record<string, unknown> = {}): FixtureItem => {
	const clientId = cc.addClient();
	return { json: { clientId, documentId: checkableDocument(clientId), ...json } };
};
const CC_GET: INodeParameters = { resource: 'document', operation: 'get', documentId: '={{ $json.documentId }}' };
const ccCredentials = (overrides: Record<string, unknown> = {}) => ({ complyCubeApi: { apiKey: cc.apiKey, baseUrl: cc.baseUrl, ...overrides } });

// ---- Argos ----
const ARGOS_PUT = (images: Array<{ type: string; binaryPropertyName: string }> = [{ type: 'idImage', binaryPropertyName: 'data' }]): INodeParameters => ({
	resource: 'submission',
	operation: 'putImage',
	submissionId: '={{ $json.submissionId }}',
	admin: `={{ $json.admin ?? '${ARGOS_ADMIN_EMAIL}' }}`,
	idType: "={{ $json.idType ?? 'passport' }}",
	images: { image: images },
});
const argosItem = (json: Record<string, unknown> = {}, data: FixtureFile = file('jpeg', 8_000, 'id.jpg')): FixtureItem => ({
	json: { submissionId: argos.addSubmission(), ...json },
	files: { data, second: file('png', 6_000, 'selfie.png') },
});
const argosCredentials = (overrides: Record<string, unknown> = {}) => ({ argosIdentityApi: { apiKey: argos.apiKey, baseUrl: argos.baseUrl, ...overrides } });

// ---- Crafter ----
const CRAFTER_UPLOAD: INodeParameters = {
	resource: 'attachment',
	operation: 'upload',
	profileId: '={{ $json.profileId }}',
	binaryPropertyName: 'data',
	options: { fileName: "={{ $json.fileName ?? '' }}" },
};
const crafterItem = (json: Record<string, unknown> = {}, data: FixtureFile = file('jpeg', 8_000, 'avatar.jpg')): FixtureItem => ({
	json: { profileId: crafter.addProfile(), ...json },
	files: { data },
});
const crafterCredentials = (overrides: Record<string, unknown> = {}) => ({
	crafterProfileApi: { baseUrl: crafter.baseUrl, accessTokenId: crafter.accessToken, ...overrides },
});

// ---- broken-service answers (the stub) ----
const html = (status: number, title: string) => ({
	status,
	body: `<!DOCTYPE html><html><head><title>${title}</title><style>body{}</style></head><body><h1>${title}</h1><p>${'x'.repeat(2_000)}</p></body></html>`,
	headers: { 'content-type': 'text/html' },
});
const STUB_KEY = 'test_stub_key_0123456789';
const STUB_TOKEN = '9f8e7d6c-5b4a-4321-8fed-cba987654321';
const ccStub = () => ({ complyCubeApi: { apiKey: STUB_KEY, baseUrl: `${stub.origin}/v1` } });
const argosStub = () => ({ argosIdentityApi: { apiKey: STUB_KEY, baseUrl: `${stub.origin}/v3` } });
const crafterStub = () => ({ crafterProfileApi: { baseUrl: `${stub.origin}/crafter-profile`, accessTokenId: STUB_TOKEN } });
const ccUploadAnswer = (request: EmulatorRequest): EmulatorResponse => ({
	status: 200,
	json: { id: hex24(1), fileName: 'front.jpg', documentSide: 'front', size: 40_000, createdAt: new Date().toISOString(), path: request.path },
});
const ccStubItem = (marker?: string): FixtureItem => ({
	json: { documentId: marker ?? hex24(++sequence) },
	files: { data: file('jpeg', 40_000, 'front.jpg') },
});
const argosStubItem = (marker?: string): FixtureItem => ({
	json: { submissionId: marker ?? `good${++sequence}` },
	files: { data: file('jpeg', 8_000, 'id.jpg') },
});
const crafterStubItem = (marker?: string): FixtureItem => ({ json: { profileId: marker ?? hex24(++sequence) }, files: { data: file('jpeg', 8_000, 'a.jpg') } });
const crafterAnswer = (): EmulatorResponse => ({
	status: 200,
	json: { md5: null, contentType: 'image/jpeg', fileSize: '7.8 KB', fileName: 'a', fileSizeBytes: 8_000, id: hex24(7) },
});
const MARK_CC = 'abcdefabcdefabcdefabcdef';
const MARK_ARGOS = 'brokenSubmission42';
const MARK_CRAFTER = 'abcdefabcdefabcdefabcd00';

const cases: Case[] = [
	// ComplyCube Upload Document Image: files
	{
		name: 'CC image: a text file',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({}, file('text', 40_000, 'front.jpg')),
		sent: false,
		message: /is not a JPEG, PNG or PDF|JPEG, PNG or PDF/,
	},
	{
		name: 'CC image: a WebP',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({}, file('webp', 40_000, 'front.webp')),
		sent: false,
		message: /WebP|JPEG, PNG or PDF/,
	},
	{
		name: 'CC image: too small',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({}, file('jpeg', 1_000, 'small.jpg')),
		sent: false,
		message: /too small/,
	},
	{
		name: 'CC image: too large',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({}, file('jpeg', 4_000_001, 'big.jpg')),
		sent: false,
		message: /too large/,
	},
	{
		name: 'CC image: an empty file',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({}, file('jpeg', 0, 'empty.jpg')),
		sent: false,
		message: /empty|too small/,
	},
	{
		name: 'CC image: File Name with a .gif extension',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ fileName: 'scan.gif' }),
		sent: false,
		message: /scan\.gif/,
	},
	{
		name: 'CC image: File Name says PNG for a JPEG',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ fileName: 'scan.png' }),
		sent: false,
		message: /says PNG, but the file is a JPEG/,
	},
	{
		name: 'CC image: no such binary field',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ field: 'passport' }),
		sent: false,
		message: /has no binary property 'passport'/,
	},
	// ComplyCube: IDs and parameters
	{
		name: 'CC image: empty Document ID',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ documentId: '' }),
		sent: false,
		message: /^Document ID is empty/,
	},
	{
		name: "CC image: Document ID '..'",
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ documentId: '..' }),
		sent: false,
		message: /^Document ID '\.\.' is not a valid ID/,
	},
	{
		name: 'CC image: a 20,000-character Document ID (a pasted record)',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ documentId: pastedRecord }),
		sent: false,
		message: LONG_ID('Document ID'),
	},
	{
		name: 'CC get: a 20,000-character Document ID (a pasted record)',
		node: 'complyCube',
		parameters: CC_GET,
		good: () => ({ json: { documentId: ccDocument() } }),
		bad: () => ({ json: { documentId: pastedRecord } }),
		sent: false,
		message: LONG_ID('Document ID'),
	},
	{
		name: "CC image: Document ID '.'",
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ documentId: '.' }),
		sent: false,
		message: /^Document ID '\.' is not a valid ID/,
	},
	{
		name: "CC image: Document Side 'left'",
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ side: 'left' }),
		sent: false,
		message: /^Document Side 'left' is not front or back/,
	},
	{
		name: 'CC image: Timeout 0',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ timeout: 0 }),
		sent: false,
		message: /^Timeout '0' is not a number of milliseconds/,
	},
	{
		name: "CC image: Timeout 'soon'",
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ timeout: 'soon' }),
		sent: false,
		message: /^Timeout 'soon' is not a number of milliseconds/,
	},
	{
		name: 'CC image: an unknown document',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ documentId: hex24(99) }),
		sent: true,
		message: /refused the request \(HTTP 404\)/,
	},
	{
		name: 'CC image: a path-traversal Document ID',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage({ documentId: '../clients' }),
		sent: true,
		message: /refused the request \(HTTP 404\)/,
	},
	// ComplyCube Upload Live Photo
	{
		name: 'CC selfie: a PDF',
		node: 'complyCube',
		parameters: CC_PHOTO,
		good: () => ccSelfie(),
		bad: () => ccSelfie({}, file('pdf', 40_000, 'selfie.pdf')),
		sent: false,
		message: /PDF/,
	},
	{
		name: 'CC selfie: a GIF',
		node: 'complyCube',
		parameters: CC_PHOTO,
		good: () => ccSelfie(),
		bad: () => ccSelfie({}, file('gif', 40_000, 'selfie.gif')),
		sent: false,
		message: /GIF/,
	},
	{
		name: "CC selfie: Client ID '..'",
		node: 'complyCube',
		parameters: CC_PHOTO,
		good: () => ccSelfie(),
		bad: () => ccSelfie({ clientId: '..' }),
		sent: false,
		message: /^Client ID '\.\.' is not a valid ID/,
	},
	{
		name: 'CC selfie: empty Client ID',
		node: 'complyCube',
		parameters: CC_PHOTO,
		good: () => ccSelfie(),
		bad: () => ccSelfie({ clientId: '  ' }),
		sent: false,
		message: /^Client ID is empty/,
	},
	{
		name: 'CC selfie: an unknown client',
		node: 'complyCube',
		parameters: CC_PHOTO,
		good: () => ccSelfie(),
		bad: () => ccSelfie({ clientId: hex24(98) }),
		sent: true,
		message: /refused the request \(HTTP 404\)/,
	},
	{
		name: 'CC selfie: too small',
		node: 'complyCube',
		parameters: CC_PHOTO,
		good: () => ccSelfie(),
		bad: () => ccSelfie({}, file('png', 30_000, 'selfie.png')),
		sent: false,
		message: /too small/,
	},
	// ComplyCube creates
	{
		name: 'CC client: an e-mail that is not one',
		node: 'complyCube',
		parameters: CC_CLIENT,
		good: () => ccPerson(),
		bad: () => ccPerson({ email: 'not-an-email' }),
		sent: false,
		message: /not-an-email/,
	},
	{
		name: 'CC client: an empty Last Name',
		node: 'complyCube',
		parameters: CC_CLIENT,
		good: () => ccPerson(),
		bad: () => ccPerson({ lastName: '' }),
		sent: false,
		message: /^Last Name is empty/,
	},
	{
		name: "CC document: Client ID '..'",
		node: 'complyCube',
		parameters: CC_DOCUMENT,
		good: () => ({ json: { clientId: cc.addClient() } }),
		bad: () => ({ json: { clientId: '..' } }),
		sent: false,
		message: /^Client ID '\.\.' is not a valid ID/,
	},
	{
		name: "CC document: Issuing Country 'GBR'",
		node: 'complyCube',
		parameters: CC_DOCUMENT,
		good: () => ({ json: { clientId: cc.addClient() } }),
		bad: () => ({ json: { clientId: cc.addClient(), country: 'GBR' } }),
		sent: false,
		message: /GBR/,
	},
	{
		name: 'CC check: a document check without a Document ID',
		node: 'complyCube',
		parameters: CC_CHECK,
		good: () => checkItem(),
		bad: () => checkItem({ documentId: '' }),
		sent: false,
		message: /^Document ID is empty/,
	},
	{
		name: 'CC check: Minimum Permitted Age 0',
		node: 'complyCube',
		parameters: CC_CHECK,
		good: () => checkItem(),
		bad: () => checkItem({ age: 0 }),
		sent: false,
		message: /^Minimum Permitted Age '0'/,
	},
	{
		name: 'CC check: a document of another kind of check',
		node: 'complyCube',
		parameters: CC_CHECK,
		good: () => checkItem(),
		bad: () => ({ json: { clientId: cc.addClient(), documentId: hex24(96) } }),
		sent: true,
		message: /refused the request \(HTTP 404\)/,
	},
	// ComplyCube credentials and Base URLs
	{
		name: 'CC credential: a wrong API key',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage(),
		credentials: () => ccCredentials({ apiKey: 'test_wrong_key_987654321' }),
		sent: true,
		message: /refused the request \(HTTP 401\)/,
	},
	{
		name: 'CC credential: Base URL without a scheme',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage(),
		credentials: () => ccCredentials({ baseUrl: cc.baseUrl.replace('http://', '') }),
		sent: false,
		message: /^Base URL must start with http:\/\/ or https:\/\//,
	},
	{
		name: 'CC credential: an ftp:// Base URL',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage(),
		credentials: () => ccCredentials({ baseUrl: 'ftp://api.complycube.com/v1' }),
		sent: false,
		message: /^Base URL must start with http:\/\/ or https:\/\//,
	},
	{
		name: 'CC credential: an empty Base URL',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage(),
		credentials: () => ccCredentials({ baseUrl: '' }),
		sent: false,
		message: /^Base URL must start with http:\/\/ or https:\/\//,
	},
	{
		name: 'CC credential: a Base URL with a password in it',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccImage(),
		bad: () => ccImage(),
		credentials: () => ccCredentials({ baseUrl: cc.baseUrl.replace('http://', 'http://me:hunter2secret@') }),
		sent: false,
		message: /^Base URL must not contain a user name or password/,
		secrets: ['hunter2secret'],
	},
	{
		name: 'CC credential: a Base URL where nothing listens',
		node: 'complyCube',
		parameters: CC_GET,
		good: () => ({ json: { documentId: ccDocument() } }),
		bad: () => ({ json: { documentId: ccDocument() } }),
		credentials: () => ccCredentials({ baseUrl: 'http://127.0.0.1:9/v1' }),
		sent: false,
		message: /^Could not reach ComplyCube at http:\/\/127\.0\.0\.1:9\/v1.*: the connection was refused/,
	},
	// Argos
	{
		name: 'Argos: no image listed',
		node: 'argosIdentity',
		parameters: { ...ARGOS_PUT([]) },
		good: () => argosItem(),
		bad: () => argosItem(),
		everyItem: true,
		sent: false,
		message: /^No image to send/,
	},
	{
		name: 'Argos: the same slot twice',
		node: 'argosIdentity',
		parameters: ARGOS_PUT([
			{ type: 'idImage', binaryPropertyName: 'data' },
			{ type: 'idImage', binaryPropertyName: 'second' },
		]),
		good: () => argosItem(),
		bad: () => argosItem(),
		everyItem: true,
		sent: false,
		message: /listed twice/,
	},
	{
		name: 'Argos: an ID image without ID Type',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosItem(),
		bad: () => argosItem({ idType: '' }),
		sent: false,
		message: /^ID Type is required/,
	},
	{
		name: 'Argos: a GIF',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosItem(),
		bad: () => argosItem({}, file('gif', 8_000, 'id.gif')),
		sent: false,
		message: /GIF/,
	},
	{
		name: 'Argos: a PDF',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosItem(),
		bad: () => argosItem({}, file('pdf', 8_000, 'id.pdf')),
		sent: false,
		message: /PDF/,
	},
	{
		name: 'Argos: empty Submission ID',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosItem(),
		bad: () => argosItem({ submissionId: '' }),
		sent: false,
		message: /^Submission ID is empty/,
	},
	{
		name: "Argos: Submission ID '..'",
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosItem(),
		bad: () => argosItem({ submissionId: '..' }),
		sent: false,
		message: /^Submission ID '\.\.' is not a valid ID/,
	},
	{
		name: 'Argos: a 20,000-character Submission ID (a pasted record)',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosItem(),
		bad: () => argosItem({ submissionId: pastedRecord }),
		sent: false,
		message: LONG_ID('Submission ID'),
	},
	{
		name: 'Argos: empty Admin Email',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosItem(),
		bad: () => argosItem({ admin: '' }),
		sent: false,
		message: /^Admin Email is empty/,
	},
	{
		name: 'Argos: an unknown submission',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosItem(),
		bad: () => argosItem({ submissionId: 'no-such-submission' }),
		sent: true,
		message: /Invalid submission\. \(invalid_submission\)/,
	},
	{
		name: 'Argos: an admin who is not one',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosItem(),
		bad: () => argosItem({ admin: 'intruder@example.com' }),
		sent: true,
		message: /Invalid admin\. \(invalid_admin\)/,
	},
	{
		name: 'Argos: a request over 6 MB',
		node: 'argosIdentity',
		parameters: ARGOS_PUT([
			{ type: 'idImage', binaryPropertyName: 'data' },
			{ type: 'selfieImage', binaryPropertyName: 'big' },
		]),
		good: () => ({ ...argosItem(), files: { data: file('jpeg', 8_000, 'id.jpg'), big: file('png', 9_000, 'selfie.png') } }),
		bad: () => ({ ...argosItem(), files: { data: file('jpeg', 2_400_000, 'id.jpg'), big: file('png', 2_400_000, 'selfie.png') } }),
		sent: false,
		message: /^The request would be [\d,]+ bytes, over the 6,000,000 bytes Argos accepts/,
	},
	{
		name: 'Argos credential: a wrong API key',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosItem(),
		bad: () => argosItem(),
		credentials: () => argosCredentials({ apiKey: 'argos_wrong_key_123456' }),
		sent: true,
		message: /refused the request \(HTTP 403\): Forbidden/,
	},
	{
		name: 'Argos credential: Base URL without a scheme',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosItem(),
		bad: () => argosItem(),
		credentials: () => argosCredentials({ baseUrl: 'rest-api.argosidentity.com/v3' }),
		sent: false,
		message: /^Base URL must start with http:\/\/ or https:\/\//,
	},
	// Crafter
	{
		name: 'Crafter: a PDF',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem({}, file('pdf', 8_000, 'cv.pdf')),
		sent: false,
		message: /PDF/,
	},
	{
		name: 'Crafter: a WebP',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem({}, file('webp', 8_000, 'a.webp')),
		sent: false,
		message: /^The file 'a\.webp' in binary property 'data' is not a JPEG, PNG, GIF, BMP or TIFF file/,
	},
	{
		name: 'Crafter: a text file without a name',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem({}, file('text', 8_000)),
		sent: false,
		message: /^The file in binary property 'data' is not a JPEG, PNG, GIF, BMP or TIFF file/,
	},
	{
		name: 'Crafter: File Name with a dot before the extension',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem({ fileName: 'scan.2024.jpg' }),
		sent: false,
		message: /^The File Name 'scan\.2024\.jpg' has a dot before its extension/,
	},
	{
		name: 'Crafter: a file over 5 MB',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem({}, file('jpeg', 5 * 1024 * 1024 + 1, 'big.jpg')),
		sent: false,
		message: /too large/,
	},
	{
		name: "Crafter: Profile ID 'not-an-id'",
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem({ profileId: 'not-an-id' }),
		sent: false,
		message: /^Profile ID 'not-an-id' is not a Crafter profile ID/,
	},
	{
		name: "Crafter: Profile ID '..'",
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem({ profileId: '..' }),
		sent: false,
		message: /^Profile ID '\.\.' is not a valid ID/,
	},
	{
		name: 'Crafter: a 20,000-character Profile ID (a pasted record)',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem({ profileId: pastedRecord }),
		sent: false,
		message: LONG_ID('Profile ID'),
	},
	{
		name: 'Crafter: empty Profile ID',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem({ profileId: '' }),
		sent: false,
		message: /^Profile ID is empty/,
	},
	{
		name: 'Crafter: an unknown profile',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem({ profileId: hex24(97) }),
		sent: true,
		message: /HTTP 404\): No profile with ID/,
	},
	{
		name: 'Crafter credential: an expired token (echoed by the server)',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem(),
		credentials: () => crafterCredentials({ accessTokenId: CRAFTER_EXPIRED_TOKEN }),
		sent: true,
		message: /Access token "\[redacted\]" for application "legacy-portal" expired/,
	},
	{
		name: 'Crafter credential: an unknown token (echoed by the server)',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem(),
		credentials: () => crafterCredentials({ accessTokenId: 'deadbeef-1111-4222-8333-444455556666' }),
		sent: true,
		message: /No access token found for ID "\[redacted\]"/,
	},
	{
		name: 'Crafter credential: a token without MANAGE_PROFILES',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem(),
		credentials: () => crafterCredentials({ accessTokenId: CRAFTER_READONLY_TOKEN }),
		sent: true,
		message: /HTTP 403\): Current subject does not have permission/,
	},
	{
		name: 'Crafter credential: Base URL without a scheme',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterItem(),
		bad: () => crafterItem(),
		credentials: () => crafterCredentials({ baseUrl: 'localhost:8080/crafter-profile' }),
		sent: false,
		message: /^Base URL must start with http:\/\/ or https:\/\//,
	},
	// Broken services (the stub)
	{
		name: 'CC broken: 200 with an empty body',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccStubItem(),
		bad: () => ccStubItem(MARK_CC),
		credentials: ccStub,
		stub: { broken: () => ({ status: 200, body: '' }), good: ccUploadAnswer },
		sent: true,
		message: /answered HTTP 200 without a JSON object: the answer was empty/,
	},
	{
		name: 'CC broken: 200 with invalid JSON',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccStubItem(),
		bad: () => ccStubItem(MARK_CC),
		credentials: ccStub,
		stub: { broken: () => ({ status: 200, body: '{"id": "abc', headers: { 'content-type': 'application/json' } }), good: ccUploadAnswer },
		sent: true,
		message: /answered HTTP 200 without a JSON object: \{"id": "abc/,
	},
	{
		name: 'CC broken: 200 with a JSON list',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccStubItem(),
		bad: () => ccStubItem(MARK_CC),
		credentials: ccStub,
		stub: { broken: () => ({ status: 200, json: [] }), good: ccUploadAnswer },
		sent: true,
		message: /answered HTTP 200 without a JSON object: \[\]/,
	},
	{
		name: 'CC broken: a create answered without id',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccStubItem(),
		bad: () => ccStubItem(MARK_CC),
		credentials: ccStub,
		stub: { broken: () => ({ status: 200, json: { fileName: 'front.jpg' } }), good: ccUploadAnswer },
		sent: true,
		message: /answered HTTP 200 without the created record's id/,
	},
	{
		name: 'CC broken: 200 with a login page',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccStubItem(),
		bad: () => ccStubItem(MARK_CC),
		credentials: ccStub,
		stub: { broken: () => ({ ...html(200, 'Sign in - Corporate Proxy') }), good: ccUploadAnswer },
		sent: true,
		message: /without a JSON object: an HTML page titled 'Sign in - Corporate Proxy'/,
	},
	{
		name: 'CC broken: 502 HTML page on an upload (ambiguous, cannot be asked)',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccStubItem(),
		bad: () => ccStubItem(MARK_CC),
		credentials: ccStub,
		stub: { broken: () => html(502, '502 Bad Gateway'), good: ccUploadAnswer },
		sent: true,
		message: /HTTP 502\): an HTML page titled '502 Bad Gateway', and it may have arrived: ComplyCube may hold it \(asking ComplyCube afterwards failed too/,
	},
	{
		name: 'CC broken: 400 HTML page',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccStubItem(),
		bad: () => ccStubItem(MARK_CC),
		credentials: ccStub,
		stub: { broken: () => html(400, '400 Bad Request'), good: ccUploadAnswer },
		sent: true,
		message: /refused the request \(HTTP 400\): an HTML page titled '400 Bad Request'/,
	},
	{
		name: 'CC broken: an error that echoes the API key',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccStubItem(),
		bad: () => ccStubItem(MARK_CC),
		credentials: ccStub,
		stub: {
			broken: (request) => ({ status: 401, json: { type: 'authentication', message: `Key ${String(request.headers.authorization)} is not valid` } }),
			good: ccUploadAnswer,
		},
		sent: true,
		message: /Key \[redacted\] is not valid/,
	},
	{
		name: 'CC broken: a success that echoes the API key',
		node: 'complyCube',
		parameters: CC_GET,
		good: () => ({ json: { documentId: hex24(++sequence) } }),
		bad: () => ({ json: { documentId: MARK_CC } }),
		credentials: ccStub,
		stub: {
			broken: (request) => ({ status: 200, json: { id: MARK_CC, note: `for ${String(request.headers.authorization)}` } }),
			good: () => ({ status: 200, json: { id: hex24(3) } }),
		},
		sent: true,
		message: /never an error/,
	},
	// A redirect on an upload would, if followed, come back as a GET without the file (and the GET would find the good answer).
	{
		name: 'CC broken: an upload redirected (302)',
		node: 'complyCube',
		parameters: CC_UPLOAD,
		good: () => ccStubItem(),
		bad: () => ccStubItem(MARK_CC),
		credentials: ccStub,
		stub: { broken: () => ({ status: 302, body: '', headers: { location: `${stub.origin}/v1/moved` } }), good: ccUploadAnswer },
		sent: true,
		message: /refused the request \(HTTP 302\): it redirects the request to http:\/\/127\.0\.0\.1:\d+\/v1\/moved/,
	},
	{
		name: 'Argos broken: 200 with an empty body',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosStubItem(),
		bad: () => argosStubItem(MARK_ARGOS),
		credentials: argosStub,
		stub: { broken: () => ({ status: 200, body: '' }), good: () => ({ status: 200, json: { message: 'complete to update image.' } }) },
		sent: true,
		message: /Argos Identity answered HTTP 200 without a JSON object: the answer was empty/,
	},
	{
		name: 'Argos broken: 200 with an HTML page',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosStubItem(),
		bad: () => argosStubItem(MARK_ARGOS),
		credentials: argosStub,
		stub: { broken: () => html(200, 'Maintenance'), good: () => ({ status: 200, json: { message: 'complete to update image.' } }) },
		sent: true,
		message: /without a JSON object: an HTML page titled 'Maintenance'/,
	},
	{
		name: 'Argos broken: 504 HTML page after retries',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosStubItem(),
		bad: () => argosStubItem(MARK_ARGOS),
		credentials: argosStub,
		stub: { broken: () => html(504, '504 Gateway Time-out'), good: () => ({ status: 200, json: { message: 'complete to update image.' } }) },
		sent: true,
		message: /failed to answer the request \(HTTP 504\): an HTML page titled '504 Gateway Time-out'/,
	},
	{
		name: 'Argos broken: a 403 that echoes the key',
		node: 'argosIdentity',
		parameters: ARGOS_PUT(),
		good: () => argosStubItem(),
		bad: () => argosStubItem(MARK_ARGOS),
		credentials: argosStub,
		stub: {
			broken: (request) => ({ status: 403, json: { message: `Forbidden for key ${String(request.headers['x-api-key'])}` } }),
			good: () => ({ status: 200, json: { message: 'complete to update image.' } }),
		},
		sent: true,
		message: /Forbidden for key \[redacted\]/,
	},
	{
		name: 'Crafter broken: an upload answered without id',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterStubItem(),
		bad: () => crafterStubItem(MARK_CRAFTER),
		credentials: crafterStub,
		stub: { broken: () => ({ status: 200, json: { md5: null, fileName: null, id: null } }), good: crafterAnswer },
		sent: true,
		message: /answered HTTP 200 without the stored attachment's id/,
	},
	{
		name: 'Crafter broken: an upload redirected (308) with the token in the address',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterStubItem(),
		bad: () => crafterStubItem(MARK_CRAFTER),
		credentials: crafterStub,
		stub: {
			broken: (request) => ({
				status: 308,
				body: '',
				headers: { location: `https://profiles.example.com/moved?accessTokenId=${request.query.get('accessTokenId')}` },
			}),
			good: crafterAnswer,
		},
		sent: true,
		message: /refused the request \(HTTP 308\): it redirects the request to https:\/\/profiles\.example\.com\/moved\?accessTokenId=\[redacted\]/,
	},
	{
		name: 'Crafter broken: 200 with invalid JSON',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterStubItem(),
		bad: () => crafterStubItem(MARK_CRAFTER),
		credentials: crafterStub,
		stub: { broken: () => ({ status: 200, body: 'OK', headers: { 'content-type': 'text/plain' } }), good: crafterAnswer },
		sent: true,
		message: /answered HTTP 200 without a JSON object: OK/,
	},
	{
		name: 'Crafter broken: a Tomcat 500 page',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterStubItem(),
		bad: () => crafterStubItem(MARK_CRAFTER),
		credentials: crafterStub,
		stub: { broken: () => html(500, 'HTTP Status 500 – Internal Server Error'), good: crafterAnswer },
		sent: true,
		message: /HTTP 500\): an HTML page titled 'HTTP Status 500 – Internal Server Error'/,
	},
	{
		name: "Crafter broken: a refusal that echoes the new profile's password",
		node: 'crafterProfile',
		parameters: {
			resource: 'profile',
			operation: 'create',
			tenantName: 'default',
			username: '={{ $json.username }}',
			password: 'S3cret-Pass!',
			email: 'applicant@example.com',
		},
		good: () => ({ json: { username: `applicant-${++sequence}` } }),
		bad: () => ({ json: { username: MARK_CRAFTER } }),
		credentials: crafterStub,
		secrets: ['S3cret-Pass!'],
		stub: {
			broken: (request) => ({
				status: 400,
				json: { errorCode: 'INVALID_REQUEST', message: `Password ${new URLSearchParams(request.body.toString('utf8')).get('password')} is too weak` },
			}),
			good: () => ({ status: 200, json: { id: hex24(5), username: 'applicant' } }),
		},
		sent: true,
		message: /Password \[redacted\] is too weak/,
	},
	{
		name: 'Crafter broken: a page that echoes the token in its title',
		node: 'crafterProfile',
		parameters: CRAFTER_UPLOAD,
		good: () => crafterStubItem(),
		bad: () => crafterStubItem(MARK_CRAFTER),
		credentials: crafterStub,
		stub: { broken: (request) => html(403, `Token ${request.query.get('accessTokenId')} refused`), good: crafterAnswer },
		sent: true,
		message: /an HTML page titled 'Token \[redacted\] refused'/,
	},
];

const TYPES: Record<NodeName, string> = { complyCube: 'complyCube', argosIdentity: 'argosIdentity', crafterProfile: 'crafterProfile' };
const DEFAULT_CREDENTIALS: Record<NodeName, () => Record<string, Record<string, unknown>>> = {
	complyCube: () => ccCredentials(),
	argosIdentity: () => argosCredentials(),
	crafterProfile: () => crafterCredentials(),
};

const workflowOf = (testCase: Case, items: FixtureItem[], credentialType: string): WorkflowJson =>
	fixtureWorkflow(items, { name: 'Node', type: TYPES[testCase.node], parameters: testCase.parameters, credentialType, credentialName: 'test' });

const receivedBy = (testCase: Case): ReceivedRequest[] => {
	if (testCase.stub) return stub.received;
	const credentials = testCase.credentials?.() ?? DEFAULT_CREDENTIALS[testCase.node]();
	const baseUrl = String(Object.values(credentials)[0].baseUrl);
	const emulators = { complyCube: cc, argosIdentity: argos, crafterProfile: crafter };
	return baseUrl.startsWith(emulators[testCase.node].origin) ? emulators[testCase.node].received : [];
};

const isError = (item: INodeExecutionData) => typeof item.json.error === 'string' && 'details' in item.json;
const secretsOf = (credentials: Record<string, Record<string, unknown>>) =>
	Object.values(credentials).flatMap((fields) =>
		[fields.apiKey, fields.accessTokenId].filter((value): value is string => typeof value === 'string' && value.length > 0),
	);

test('the battery holds at least 50 distinct inputs across the three nodes', () => {
	expect(new Set(cases.map((testCase) => testCase.name)).size).toBe(cases.length);
	expect(cases.length).toBeGreaterThanOrEqual(50);
	for (const node of ['complyCube', 'argosIdentity', 'crafterProfile'] as const)
		expect(cases.filter((testCase) => testCase.node === node).length).toBeGreaterThanOrEqual(10);
});

describe.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', (_name, testCase) => {
	test('refused before sending where it should be, a sentence naming the item and what to do, no secret, the others unharmed', async () => {
		const credentials = testCase.credentials?.() ?? DEFAULT_CREDENTIALS[testCase.node]();
		const credentialType = Object.keys(credentials)[0];
		const secrets = [...secretsOf(credentials), ...(testCase.secrets ?? []), cc.apiKey, argos.apiKey, crafter.accessToken, STUB_KEY, STUB_TOKEN];
		if (testCase.stub) {
			stub.broken = testCase.stub.broken;
			stub.good = testCase.stub.good;
			stub.marker = [MARK_CC, MARK_ARGOS, MARK_CRAFTER].find((marker) => JSON.stringify(testCase.bad()).includes(marker)) ?? '\u0000';
		}
		const received = receivedBy(testCase);

		// Alone: did anything of the bad item reach the service?
		received.length = 0;
		const alone = await runWorkflow(workflowOf(testCase, [testCase.bad()], credentialType), credentials as never);
		expect(alone.error).toBeUndefined();
		if (testCase.sent) expect(received.length).toBeGreaterThan(0);
		else expect(received).toHaveLength(0);

		// Between two good items.
		const everyItem = Boolean(testCase.everyItem || (testCase.credentials && !testCase.stub));
		const items = everyItem ? [testCase.bad(), testCase.bad(), testCase.bad()] : [testCase.good(), testCase.bad(), testCase.good()];
		const run = await runWorkflow(workflowOf(testCase, items, credentialType), credentials as never);
		expect(run.error).toBeUndefined();
		const output = run.output('Node');
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2].map((item) => ({ item })));
		for (const secret of secrets) expectNoSecret(secret, alone.run.data, run.run.data);

		const badIndexes = everyItem ? [0, 1, 2] : [1];
		if (testCase.message.source === 'never an error') {
			// A success the service spoiled with the secret: it is redacted, and the item is still a success.
			expect(isError(output[1])).toBe(false);
			expect(JSON.stringify(output[1].json)).toContain('[redacted]');
		} else {
			for (const index of badIndexes) {
				const bad = output[index];
				expect(isError(bad)).toBe(true);
				const message = String(bad.json.error);
				const description = String((bad.json.details as { description?: string }).description ?? '');
				expect(message).toMatch(testCase.message);
				expect(message.endsWith(` [item ${index}]`)).toBe(true);
				expect(description.length).toBeGreaterThan(20);
				expect(description).toMatch(/[.!]$/);
				expect(`${message} ${description}`).not.toMatch(/<html|<!doctype|<body/i);
				if (!testCase.sent) expect(description).toMatch(/Nothing (was sent|reached the service)/);
			}
		}
		if (!everyItem) for (const index of [0, 2]) expect(isError(output[index])).toBe(false);
	}, 60_000);
});

// An error item stays in place and keeps the input's binary, so a later node can still use the file.
test('a broken answer leaves an error item in place with the input binary kept', async () => {
	stub.broken = () => html(502, '502 Bad Gateway');
	stub.good = () => ({ status: 200, json: { message: 'complete to update image.' } });
	stub.marker = MARK_ARGOS;
	const testCase = cases.find((candidate) => candidate.name.startsWith('Argos broken: 504'))!;
	const run = await runWorkflow(workflowOf(testCase, [argosStubItem(MARK_ARGOS)], 'argosIdentityApi'), argosStub() as never);
	const [item] = run.output('Node');
	expect(isError(item)).toBe(true);
	expect(String(item.json.error)).toMatch(/HTTP 502\): an HTML page titled '502 Bad Gateway' \[item 0\]$/);
	expect(item.binary?.data).toBeDefined();
}, 60_000);
