import { MAX_ATTEMPTS } from '../../../nodes/shared/http/retry-policy';
import {
	ARGOS_ADMIN_EMAIL,
	ARGOS_SEEDED_SUBMISSION_IDS,
	argosDecrypt,
	startArgosEmulator,
	type ArgosEmulator,
	type ArgosEncryptionModule,
} from '../../emulators/argos';
import { boundaryOf, parseMultipart } from '../../emulators/multipart';
import { FaultPlan, startFaultProxy, type FaultKind, type FaultProxy } from '../../faults/fault-proxy';
import { expectNoSecret } from '../../support/expect-no-secret';
import { SampleFolder } from '../../support/sample-files';
import { runOperation } from './run-operation';

/**
 * Argos's Secure Data Transmission with the project's option on in the emulator, which then refuses a request
 * body it cannot decrypt and encrypts its answers (test/emulators/argos/secure-transmission.ts).
 */
const [APPROVED, , PENDING] = ARGOS_SEEDED_SUBMISSION_IDS;
const samples = new SampleFolder();
let emulator: ArgosEmulator;

beforeEach(async () => {
	emulator = await startArgosEmulator();
});
afterEach(async () => await emulator.close());

const encrypted = (module: ArgosEncryptionModule, secretKey?: string) => ({
	secureTransmission: true,
	encryptionModule: module,
	...(secretKey ? { secretKey } : {}),
});
const submission = (parameters: Record<string, unknown>, credentials: Record<string, unknown>, items?: Parameters<typeof runOperation>[2]) =>
	runOperation(emulator, { resource: 'submission', ...parameters }, items, { credentials });
const update = (credentials: Record<string, unknown>) =>
	submission({ operation: 'update', submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, updateFields: { kycStatus: 'approved' } }, credentials);

function imageItem(submissionId: string) {
	const file = samples.make(`${submissionId}-selfie.jpg`, 'jpeg', 20_000);
	return { item: { json: {}, files: { data: { path: file.path, fileName: 'selfie.jpg', mimeType: 'image/jpeg' } } }, bytes: file.bytes };
}
const putSelfie = (submissionId: string) => ({
	operation: 'putImage',
	submissionId,
	admin: ARGOS_ADMIN_EMAIL,
	images: { image: [{ type: 'selfieImage', binaryPropertyName: 'data' }] },
});

describe.each(['aes256', 'gcm256'] as const)('the project encrypts with %s', (module) => {
	beforeEach(() => emulator.setSecureTransmission(true, undefined, module));

	test('Update: the PATCH goes as one encrypted body parameter, Argos applies it, the answer is decrypted', async () => {
		const run = await update(encrypted(module));
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toEqual({ submissionId: PENDING, message: 'Data Processing Success.', updated: { kycStatus: 'approved' } });
		const sent = JSON.parse(emulator.received[0].body.toString()) as { body: string };
		expect(Object.keys(sent)).toEqual(['body']);
		expect(JSON.parse(argosDecrypt(sent.body, emulator.apiKey, module)!)).toEqual({
			submissionId: PENDING,
			admin: ARGOS_ADMIN_EMAIL,
			data: { kycStatus: 'approved' },
		});
		expect(emulator.submissions.get(PENDING)!.kyc?.result).toBe('approved');
	});

	test('Put Image: the multipart request carries one encrypted body field, and the image arrives byte for byte', async () => {
		const submissionId = emulator.addSubmission();
		const { item, bytes } = imageItem(submissionId);
		const run = await submission(putSelfie(submissionId), encrypted(module), [item]);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toEqual({ message: 'complete to update image.' });
		const request = emulator.received[0];
		const parts = parseMultipart(request.body, boundaryOf(request.headers['content-type'])!);
		expect(parts.map((part) => part.name)).toEqual(['body']);
		expect(emulator.submissions.get(submissionId)!.images.selfieImage?.equals(bytes)).toBe(true);
	});

	test('Get: the encrypted answer is decrypted', async () => {
		const run = await submission({ operation: 'get', submissionId: APPROVED }, encrypted(module));
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ submission_id: APPROVED, kyc: { result: 'approved' } });
	});

	test('with a dedicated secretKey in the Encryption Secret Key', async () => {
		emulator.setSecureTransmission(true, 'project-secret-key', module);
		const run = await update(encrypted(module, 'project-secret-key'));
		expect(run.error).toBeUndefined();
		expect(emulator.submissions.get(PENDING)!.kyc?.result).toBe('approved');
		expectNoSecret('project-secret-key', run.run.data.resultData);
	});
});

/** Every attempt of the one PUT is stored by Argos and its answer lost; the look-ups after it go through. */
class EveryAttemptLost extends FaultPlan {
	private faulted = 0;
	constructor() {
		super(1, 1, ['forward-then-reset']);
	}
	override next(): FaultKind | 'none' {
		return this.faulted++ < MAX_ATTEMPTS ? 'forward-then-reset' : 'none';
	}
}

describe('Put Image whose answers are all lost after Argos stored the image', () => {
	let proxy: FaultProxy | undefined;
	afterEach(async () => await proxy?.close());

	test('the reconciliation decrypts the submission it reads back, and the item carries it', async () => {
		emulator.setSecureTransmission(true, undefined, 'gcm256');
		const submissionId = emulator.addSubmission();
		const { item, bytes } = imageItem(submissionId);
		proxy = await startFaultProxy(emulator.origin, new EveryAttemptLost());
		const run = await submission(putSelfie(submissionId), { ...encrypted('gcm256'), baseUrl: `${proxy.origin}/v3` }, [item]);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({
			message: 'complete to update image.',
			submission: { submission_id: submissionId },
			_reconciled: { recovered: true },
		});
		expect(emulator.submissions.get(submissionId)!.images.selfieImage?.equals(bytes)).toBe(true);
		expect(emulator.received.map((request) => `${request.method} ${request.path}`)).toEqual([
			...Array<string>(MAX_ATTEMPTS).fill('PUT /v3/submission/image'),
			'GET /v3/image',
			'GET /v3/submission',
		]);
	}, 30_000);
});

describe('what does not fit the project says which credential field to change, and changes nothing', () => {
	test('the credential sends plain while the project encrypts: "turn on Secure Data Transmission"', async () => {
		emulator.setSecureTransmission(true);
		const run = await update({});
		expect(run.error?.message).toBe('Argos Identity expects this request encrypted (Secure Data Transmission), and the credential sends it plain [item 0]');
		expect(run.error?.description).toContain('Turn on Secure Data Transmission in the Argos Identity credential');
		expect(run.error?.description).toContain('Argos answered (HTTP 400): Decryption is Failed. Please check the api-key.');
		expect(emulator.submissions.get(PENDING)!.kyc?.result).toBe('pending');
	});

	test.each([
		['aes256', 'gcm256', 'GCM-256', 'AES-256 (ECB)'],
		['gcm256', 'aes256', 'AES-256 (ECB)', 'GCM-256'],
	] as const)('the credential says %s, the project %s: the answer names the module to choose', async (credentialModule, projectModule, actual, configured) => {
		emulator.setSecureTransmission(true, undefined, projectModule);
		const read = await submission({ operation: 'get', submissionId: APPROVED }, encrypted(credentialModule));
		expect(read.error?.message).toBe(`Argos Identity's answer is encrypted with ${actual}, but the credential's Encryption Module is ${configured} [item 0]`);
		expect(read.error?.description).toContain(`Set the Argos Identity credential's Encryption Module to ${actual}`);
		const write = await update(encrypted(credentialModule));
		expect(write.error?.message).toBe(`Argos Identity could not decrypt the request the credential encrypted with ${configured} [item 0]`);
		expect(write.error?.description).toContain("Check the credential's Encryption Module");
		expect(emulator.submissions.get(PENDING)!.kyc?.result).toBe('pending');
	});

	test('the project encrypts with a secretKey the credential lacks: the answer names the Encryption Secret Key', async () => {
		emulator.setSecureTransmission(true, 'project-secret-key', 'gcm256');
		const run = await submission({ operation: 'get', submissionId: APPROVED }, encrypted('gcm256'));
		expect(run.error?.message).toBe("Argos Identity's answer is encrypted, and the credential's keys do not decrypt it [item 0]");
		expect(run.error?.description).toContain("credential's Encryption Secret Key");
		expectNoSecret(emulator.apiKey, run.run.data.resultData);
	});
});

describe.each(['aes256', 'gcm256'] as const)('an encrypted answer (%s) that holds the credential’s secrets', (module) => {
	const SECRET_KEY = 'dedicated-secret-key-0123456789';
	const WEBHOOK_TOKEN = 'webhook-token-abcdef0123456789';

	test('is redacted after it is decrypted: the key as given, base64 and hex', async () => {
		emulator.setSecureTransmission(true, SECRET_KEY, module);
		const key = emulator.apiKey;
		const id = emulator.addSubmission(undefined, {
			userid: `user of ${key}`,
			email: `${Buffer.from(SECRET_KEY).toString('base64')}@example.com`,
			// A field Argos fills from what a client sent: here the webhook token, hex-encoded.
			kyc: { result: 'pending', comment: [`token ${Buffer.from(WEBHOOK_TOKEN).toString('hex')}`] },
		});
		const run = await submission({ operation: 'get', submissionId: id }, { ...encrypted(module, SECRET_KEY), webhookToken: WEBHOOK_TOKEN });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({
			submission_id: id,
			userid: 'user of [redacted]',
			email: '[redacted]@example.com',
			kyc: { comment: ['token [redacted]'] },
		});
		for (const secret of [key, SECRET_KEY, WEBHOOK_TOKEN]) expectNoSecret(secret, run.items, run.run.data.resultData.runData);
	});
});
