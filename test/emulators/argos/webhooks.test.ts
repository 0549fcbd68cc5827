import { createDecipheriv, createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ARGOS_ADMIN_EMAIL, ARGOS_API_KEY, ARGOS_SEEDED_SUBMISSION_IDS, startArgosEmulator, type ArgosEmulator } from '../argos';

const [APPROVED, REJECTED, PENDING] = ARGOS_SEEDED_SUBMISSION_IDS;
let argos: ArgosEmulator;
let receiver: Server;
let url: string;
const received: Array<{ method?: string; url?: string; contentType?: string; body: string }> = [];
let answerStatus = 200;

beforeEach(async () => {
	argos = await startArgosEmulator({ allowHttpWebhooks: true });
	received.length = 0;
	answerStatus = 200;
	receiver = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ method: request.method, url: request.url, contentType: request.headers['content-type'], body: Buffer.concat(chunks).toString('utf8') });
			response.statusCode = answerStatus;
			response.end('{}');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook?token=abc`;
});
afterEach(async () => {
	await argos.close();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const patch = async (body: unknown) =>
	await fetch(`${argos.baseUrl}/submission`, {
		method: 'PATCH',
		headers: { 'x-api-key': ARGOS_API_KEY, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
const bodies = () => received.map((delivery) => JSON.parse(delivery.body) as Record<string, unknown>);

test('nothing is sent while no Webhook URL is set', async () => {
	argos.sendWebhook(APPROVED, 'created');
	await patch({ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, data: { kycStatus: 'approved' } });
	await argos.settle();
	expect(received).toHaveLength(0);
	expect(argos.deliveries).toHaveLength(0);
});

test('the dashboard takes an https URL only (http only with allowHttpWebhooks)', async () => {
	const strict = await startArgosEmulator();
	try {
		expect(() => strict.configureWebhook({ url })).toThrow('The Webhook URL must use the HTTPS protocol');
		strict.configureWebhook({ url: 'https://n8n.example.com/webhook/x/webhook' });
		expect(strict.webhook).toEqual({ url: 'https://n8n.example.com/webhook/x/webhook', encrypted: false });
	} finally {
		await strict.close();
	}
});

test('approving through PATCH posts `updated` and then `approved`, JSON, to the URL with its query', async () => {
	argos.configureWebhook({ url });
	await patch({ submissionId: PENDING, admin: ARGOS_ADMIN_EMAIL, data: { kycStatus: 'approved' } });
	await argos.settle();
	expect(received.map(({ method, url: path, contentType }) => ({ method, path, contentType }))).toEqual([
		{ method: 'POST', path: '/hook?token=abc', contentType: 'application/json' },
		{ method: 'POST', path: '/hook?token=abc', contentType: 'application/json' },
	]);
	const [updated, approved] = bodies();
	expect(updated).toMatchObject({
		webhook_trigger: 'updated',
		submission_id: PENDING,
		admin: ARGOS_ADMIN_EMAIL,
		data: { update: ['kycStatus'], kyc_result: 'approved' },
		email: 'mei.lin@example.com',
	});
	expect(updated.update_time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
	expect(approved).toMatchObject({
		webhook_trigger: 'approved',
		submission_id: PENDING,
		kyc_result: { status: 'approved', reviewer: ARGOS_ADMIN_EMAIL },
		fullName: 'Mei Lin',
	});
	expect((approved.kyc_result as Record<string, unknown>).comment).toBeUndefined();
	expect(argos.deliveries.map((delivery) => [delivery.event, delivery.status])).toEqual([
		['updated', 200],
		['approved', 200],
	]);
});

test('a data-only update posts `updated` alone; a review in the dashboard posts `rejected` with its comment', async () => {
	argos.configureWebhook({ url });
	await patch({ submissionId: APPROVED, admin: ARGOS_ADMIN_EMAIL, data: { fullName: 'Jane Q. Doe' } });
	argos.review(PENDING, 'rejected', { comment: ['Blurry ID photo.'], commentCode: ['other'] });
	await argos.settle();
	expect(
		bodies()
			.map((body) => body.webhook_trigger)
			.sort(),
	).toEqual(['rejected', 'updated']);
	expect(bodies().find((body) => body.webhook_trigger === 'rejected')).toMatchObject({ kyc_result: { status: 'rejected', comment: ['Blurry ID photo.'] } });
	expect(argos.submissions.get(PENDING)!.kyc).toEqual({ result: 'rejected', comment: ['Blurry ID photo.'], commentCode: ['other'] });
});

test('DELETE with admin_name posts `delete`; without it, nothing', async () => {
	argos.configureWebhook({ url });
	const remove = async (query: string) => await fetch(`${argos.baseUrl}/submission?${query}`, { method: 'DELETE', headers: { 'x-api-key': ARGOS_API_KEY } });
	await remove(`submission_id=${REJECTED}`);
	await remove(`submission_id=${APPROVED}&admin_name=${ARGOS_ADMIN_EMAIL}`);
	await argos.settle();
	expect(bodies()).toEqual([expect.objectContaining({ webhook_trigger: 'delete', submission_id: APPROVED, admin: ARGOS_ADMIN_EMAIL })]);
});

test('with encryption on, the body is {"data": base64 AES-256-ECB with sha256(API key)}; with a secretKey, that key', async () => {
	const decrypt = (text: string, key: string) => {
		const decipher = createDecipheriv('aes-256-ecb', createHash('sha256').update(key).digest(), null);
		return JSON.parse(Buffer.concat([decipher.update(Buffer.from(text, 'base64')), decipher.final()]).toString('utf8')) as Record<string, unknown>;
	};
	argos.configureWebhook({ url, encrypted: true });
	argos.sendWebhook(APPROVED, 'submit');
	await argos.settle();
	const [sent] = bodies();
	expect(Object.keys(sent)).toEqual(['data']);
	expect(decrypt(String(sent.data), ARGOS_API_KEY)).toMatchObject({ webhook_trigger: 'submit', submission_id: APPROVED });
	argos.configureWebhook({ url, encrypted: true, secretKey: 'project-secret-key' });
	argos.sendWebhook(APPROVED, 'aml');
	await argos.settle();
	expect(decrypt(String(bodies()[1].data), 'project-secret-key')).toMatchObject({ webhook_trigger: 'aml' });
	expect(argos.deliveries[1].payload).toMatchObject({ webhook_trigger: 'aml' });
});

test("a receiver's error answer is recorded, not retried (Argos documents no retry policy)", async () => {
	argos.configureWebhook({ url });
	answerStatus = 500;
	argos.sendWebhook(APPROVED, 'created');
	await argos.settle();
	expect(argos.deliveries.map((delivery) => delivery.status)).toEqual([500]);
	expect(() => argos.sendWebhook('nope', 'created')).toThrow('no submission nope');
	expect(() => argos.sendWebhook(APPROVED, 'exploded' as never)).toThrow("no 'exploded' event");
});
