import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ARGOS_SEEDED_SUBMISSION_IDS, ARGOS_WORKLIST_ID } from '../emulators/argos';
import { completeLiveform, localLiveformUrl } from '../emulators/argos/applicant';
import { startEmulators, type Emulators } from '../emulators/all';
import { runWorkflow, type WorkflowJson } from '../engine/run-workflow';
import { TriggerHarness } from '../engine/trigger-harness';

const repoRoot = path.resolve(__dirname, '..', '..');
const example = (name: string) => JSON.parse(readFileSync(path.join(repoRoot, 'examples', name), 'utf8')) as WorkflowJson;
const fileBytes = (name: string) => readFileSync(path.join(repoRoot, 'examples', 'files', name));
const WEBHOOK_TOKEN = 'journey-webhook-token-1';
let emulators: Emulators;

beforeEach(async () => {
	process.chdir(repoRoot);
	emulators = await startEmulators({ argosOptions: { allowHttpWebhooks: true } });
});
afterEach(async () => {
	await emulators.argos.settle();
	await emulators.close();
});

const jpeg = (name: string) => ({ bytes: fileBytes(`argos/${name}`), fileName: name, mimeType: 'image/jpeg' });
const applicantSubmits = (link: string) =>
	completeLiveform(link, emulators.argos.liveformUrl, { idType: 'passport', idImage: jpeg('idImage.jpg'), selfieImage: jpeg('selfieImage.jpg') });

test('the journey: a Private Mode link is e-mailed, the applicant submits through it, and once approved the submission is read and put under AML monitoring', async () => {
	const { argos } = emulators;
	argos.liveformSettings.privateMode = true;
	argos.liveformSettings.preRegistration = true;
	const credentials = { ...emulators.credentials, argosIdentityApi: { ...emulators.credentials.argosIdentityApi, webhookToken: WEBHOOK_TOKEN } };
	const harness = await TriggerHarness.start(example('argos-approved-aml-monitoring.json'), credentials);
	try {
		await harness.activate();
		argos.configureWebhook({ url: `${harness.webhookUrl}?token=${WEBHOOK_TOKEN}` });

		const sent = await runWorkflow(example('argos-verification-link.json'), credentials);
		expect(sent.error).toBeUndefined();
		const [link] = sent.output('Create verification link');
		expect(argos.tokens.has(String(link.json.tokenId))).toBe(true);
		const [mail] = emulators.mail.messages;
		expect(mail.to).toEqual(['jane.applicant@example.com']);
		expect(mail.text).toContain(String(link.json.url));

		const submissionId = await applicantSubmits(String(link.json.url));
		expect(argos.submissions.get(submissionId)).toMatchObject({
			email: 'jane.applicant@example.com',
			userid: 'customer-1001',
			tokenId: link.json.tokenId,
			cf: { cf1: 'onboarding-2026' },
		});
		argos.submissions.get(submissionId)!.data = { full_name: 'Jane Applicant', date_of_birth: '1991-02-03', nationality: 'GBR' };

		argos.review(submissionId, 'approved');
		await argos.settle();
		const [run] = await harness.waitForExecutions(1);
		expect(run.error).toBeUndefined();
		expect(run.output('Get the submission')[0].json).toMatchObject({ submission_id: submissionId, kyc: { result: 'approved' } });
		expect(run.output('Add to AML monitoring')[0].json).toMatchObject({ worklistId: ARGOS_WORKLIST_ID, successCount: 1, failedCount: 0 });
		expect([...argos.worklists.get(ARGOS_WORKLIST_ID)!.records.values()].map((record) => record.submissionId)).toEqual([submissionId]);
		// The approved submission has a KYC status: its link no longer opens the form.
		const reopened = await fetch(localLiveformUrl(String(link.json.url), argos.liveformUrl));
		expect(reopened.url).toMatch(/error-page\/used-token$/);
	} finally {
		await harness.deactivate();
		await harness.close();
	}
});

test('retention: the ID and selfie images of submissions older than 30 days are deleted; newer ones and KYC results are kept', async () => {
	const { argos } = emulators;
	for (const id of ARGOS_SEEDED_SUBMISSION_IDS)
		argos.submissions.get(id)!.images = { idImage: fileBytes('argos/idImage.jpg'), selfieImage: fileBytes('argos/selfieImage.jpg') };
	const recent = argos.addSubmission('recent-submission-1', { kyc: { result: 'approved' } });
	argos.submissions.get(recent)!.images = { idImage: fileBytes('argos/idImage.jpg') };
	const result = await runWorkflow(example('argos-retention.json'), emulators.credentials);
	expect(result.error).toBeUndefined();
	expect(
		result
			.output('Delete their images')
			.map((item) => item.json.submissionId)
			.sort(),
	).toEqual([...ARGOS_SEEDED_SUBMISSION_IDS].sort());
	for (const id of ARGOS_SEEDED_SUBMISSION_IDS) expect(argos.submissions.get(id)!.images).toEqual({});
	expect(Object.keys(argos.submissions.get(recent)!.images)).toEqual(['idImage']);
	expect(argos.submissions.get(ARGOS_SEEDED_SUBMISSION_IDS[0])!.kyc?.result).toBe('approved');
	expect(argos.partialDeletions).toHaveLength(ARGOS_SEEDED_SUBMISSION_IDS.length * 2);
});
