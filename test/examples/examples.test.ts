import { readFileSync } from 'node:fs';
import path from 'node:path';

import { COMPLYCUBE_DEMO_CLIENT_ID, COMPLYCUBE_DEMO_DOCUMENT_ID } from '../emulators/complycube';
import { ARGOS_SEEDED_SUBMISSION_IDS } from '../emulators/argos';
import { CRAFTER_SEEDED_PROFILE_IDS, CRAFTER_VERIFYING_TENANT } from '../emulators/crafter';
import { startEmulators, type Emulators } from '../emulators/all';
import { runWorkflow, type WorkflowJson } from '../engine/run-workflow';

const repoRoot = path.resolve(__dirname, '..', '..');
const example = (name: string) =>
	JSON.parse(readFileSync(path.join(repoRoot, 'examples', name), 'utf8')) as WorkflowJson;
const fileBytes = (name: string) => readFileSync(path.join(repoRoot, 'examples', 'files', name));
let emulators: Emulators;

beforeAll(async () => {
	process.chdir(repoRoot);
	emulators = await startEmulators();
});
afterAll(async () => await emulators.close());

test('KYC intake: the licence front and back reach the document and the selfie the client, byte-identical', async () => {
	const result = await runWorkflow(example('complycube-kyc-intake.json'), emulators.credentials);
	expect(result.error).toBeUndefined();
	const { images } = emulators.complyCube.documents.get(COMPLYCUBE_DEMO_DOCUMENT_ID)!;
	expect(images.front?.data.equals(fileBytes('licence-front.jpg'))).toBe(true);
	expect(images.back?.data.equals(fileBytes('licence-back.png'))).toBe(true);
	expect([...emulators.complyCube.livePhotos.values()].map((photo) => photo.data.equals(fileBytes('selfie.jpg')))).toEqual([true]);
	expect(result.output('Upload selfie')[0].json.performLivenessCheck).toBe(true);
});

test('a refused file goes to the error output and on to the next node, and nothing is sent', async () => {
	const before = emulators.complyCube.received.length;
	const result = await runWorkflow(example('complycube-refused-file.json'), emulators.credentials);
	expect(result.error).toBeUndefined();
	const errorBranch = result.run.data.resultData.runData['Ask for a better photo']?.[0]?.data?.main?.[0] ?? [];
	expect(errorBranch).toHaveLength(1);
	expect(errorBranch[0].json.error).toContain("The file 'thumbnail.jpg' in binary property 'data' is too small (726 bytes)");
	expect(errorBranch[0].binary?.data?.fileName).toBe('thumbnail.jpg');
	expect(result.run.data.resultData.runData.Uploaded).toBeUndefined();
	expect(emulators.complyCube.received.length).toBe(before);
});

test('Address and company search: a proof-of-address check on the new address and document, and the company found becomes a client', async () => {
	const result = await runWorkflow(example('complycube-address-kyb.json'), emulators.credentials);
	expect(result.error).toBeUndefined();
	const [address] = result.output('Add home address');
	expect(emulators.complyCube.addresses.get(String(address.json.id))).toMatchObject({ clientId: COMPLYCUBE_DEMO_CLIENT_ID, line: 'Common street', postalCode: 'W99 0RD' });
	const [document] = result.output('Create proof-of-address document');
	expect(emulators.complyCube.documents.get(String(document.json.id))?.images.front?.data.equals(fileBytes('licence-front.jpg'))).toBe(true);
	const [check] = result.output('Run proof-of-address check');
	expect(emulators.complyCube.checks.get(String(check.json.id))).toMatchObject({
		type: 'proof_of_address_check',
		clientId: COMPLYCUBE_DEMO_CLIENT_ID,
		documentId: document.json.id,
		addressId: address.json.id,
	});
	expect(result.output('Search the employer').map((item) => item.json.name)).toEqual(['CLEDARA LTD']);
	expect(result.output('Get company details')[0].json.officers).toEqual([expect.objectContaining({ role: 'director' })]);
	const [client] = result.output('Create company client');
	expect(emulators.complyCube.clients.get(String(client.json.id))).toMatchObject({ type: 'company', companyDetails: { name: 'CLEDARA LTD' } });
});

test('Driving licence check: the document carries its number, both sides byte-identical, and the check runs on it', async () => {
	const result = await runWorkflow(example('complycube-driving-licence-check.json'), emulators.credentials);
	expect(result.error).toBeUndefined();
	const [client] = result.output('Create driver');
	const [document] = result.output('Create licence document');
	const stored = emulators.complyCube.documents.get(String(document.json.id))!;
	expect(stored).toMatchObject({ clientId: client.json.id, type: 'driving_license', issuingCountry: 'GB', documentNumber: 'MORGA753116SM9IJ' });
	expect(stored.images.front?.data.equals(fileBytes('licence-front.jpg'))).toBe(true);
	expect(stored.images.back?.data.equals(fileBytes('licence-back.png'))).toBe(true);
	const [check] = result.output('Run driving licence check');
	expect(emulators.complyCube.checks.get(String(check.json.id))).toMatchObject({ type: 'driving_license_check', clientId: client.json.id, documentId: document.json.id });
});

test('Argos: the four images land in their slots of the submission, byte-identical', async () => {
	const result = await runWorkflow(example('argos-submission-images.json'), emulators.credentials);
	expect(result.error).toBeUndefined();
	const { images } = emulators.argos.submissions.get(ARGOS_SEEDED_SUBMISSION_IDS[0])!;
	for (const name of ['idImage.jpg', 'idBackImage.png', 'selfieImage.jpg', 'addressImage.jpg']) {
		const slot = name.split('.')[0] as keyof typeof images;
		expect(images[slot]?.equals(fileBytes(`argos/${name}`))).toBe(true);
	}
});

test('Crafter: the avatar is uploaded and downloaded back byte-identical, ready for the next node', async () => {
	const result = await runWorkflow(example('crafter-profile-attachment.json'), emulators.credentials);
	expect(result.error).toBeUndefined();
	const [uploaded] = result.output('Upload attachment');
	expect(uploaded.json).toMatchObject({ fileName: 'avatar', contentType: 'image/png', fileSizeBytes: fileBytes('avatar.png').length });
	const [downloaded] = result.output('Download attachment');
	expect(downloaded.binary?.downloaded).toMatchObject({ fileName: 'avatar.png', mimeType: 'image/png' });
	expect(emulators.crafter.acceptedUploads).toEqual([{ profileId: CRAFTER_SEEDED_PROFILE_IDS[0], fileName: 'avatar.png', bytes: fileBytes('avatar.png').length }]);
	const stored = emulators.crafter.profiles.get(CRAFTER_SEEDED_PROFILE_IDS[0])!.get('avatar')!;
	expect(stored.data.equals(fileBytes('avatar.png'))).toBe(true);
});

test('Crafter: a customer is registered, the ID scan stored on the new profile, and the profile marked verified', async () => {
	const before = new Set(emulators.crafter.profileRecords.keys());
	const result = await runWorkflow(example('crafter-profile-register-verify.json'), emulators.credentials);
	expect(result.error).toBeUndefined();
	const [registered] = result.output('Register customer');
	expect(registered.json).toMatchObject({ email: 'jane.applicant@example.com', enabled: false, verified: false, roles: ['CUSTOMER'] });
	const id = registered.json.id as string;
	expect(before.has(id)).toBe(false);
	expect(emulators.crafter.createdProfiles).toEqual([{ id, tenant: 'default', username: registered.json.username }]);
	expect(emulators.crafter.profiles.get(id)!.get('id-scan')!.data.equals(fileBytes('passport-front.jpg'))).toBe(true);
	const [verified] = result.output('Mark profile verified');
	expect(verified.json).toMatchObject({ id, verified: true, enabled: true, attributes: { firstName: 'Jane', lastName: 'Applicant', idScan: 'id-scan', kycStatus: 'verified' } });
	expect(emulators.crafter.profileRecords.get(id)).toMatchObject({ verified: true, enabled: true });
});

test('Crafter sign-up: the profile is created disabled and Crafter itself e-mails the verification link, which verifies it', async () => {
	const result = await runWorkflow(example('crafter-profile-signup-email.json'), emulators.credentials);
	expect(result.error).toBeUndefined();
	const [created] = result.output('Create profile, Crafter e-mails the link');
	expect(created.json).toMatchObject({ tenant: CRAFTER_VERIFYING_TENANT, email: 'sam.signup@example.com', enabled: false, verified: false });
	await emulators.crafter.mailsDelivered();
	const mail = emulators.mail.messages.find((message) => message.subject === 'Verify Account')!;
	expect(mail).toMatchObject({ from: 'noreply@example.com', to: ['sam.signup@example.com'] });
	const link = new URL(/href="([^"]+)"/.exec(mail.text)![1]);
	expect(`${link.origin}${link.pathname}`).toBe('https://shop.example.com/verify-account');
	// What the page behind the link does: redeem the token (Crafter Profile → Verify, Verify With: Verification Token).
	const verify = await fetch(`${emulators.crafter.baseUrl}/api/1/profile/verify?accessTokenId=${emulators.crafter.accessToken}`, {
		method: 'POST',
		body: new URLSearchParams({ verificationTokenId: link.searchParams.get('tokenId')! }),
	});
	expect(await verify.json()).toMatchObject({ id: created.json.id, verified: true, enabled: true });
});
