import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sampleBytes } from '../../support/sample-files';
import { buildPdf, COMPLYCUBE_WORKFLOW_TEMPLATES, startComplyCubeEmulator, type ComplyCubeEmulator } from './index';
import { call, multipartBody } from './test-helpers';

let emulator: ComplyCubeEmulator;
beforeEach(async () => (emulator = await startComplyCubeEmulator({ rateLimit: false, checkDelayMs: 10 })));
afterEach(async () => await emulator.close());

/** Checks the structure a PDF reader relies on: header, every xref offset pointing at its object, startxref at the xref. */
function expectValidPdf(pdf: Buffer) {
	const text = pdf.toString('latin1');
	expect(text.startsWith('%PDF-1.4\n')).toBe(true);
	expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
	const startxref = Number(/startxref\n(\d+)\n%%EOF/.exec(text)![1]);
	expect(text.slice(startxref, startxref + 4)).toBe('xref');
	const [, count] = /xref\n0 (\d+)\n/.exec(text.slice(startxref))!;
	const entries = text
		.slice(startxref)
		.split('\n')
		.slice(2, 2 + Number(count));
	entries.slice(1).forEach((entry, index) => {
		expect(entry).toMatch(/^\d{10} 00000 n\r$/);
		const offset = Number(entry.slice(0, 10));
		expect(text.slice(offset, offset + `${index + 1} 0 obj`.length)).toBe(`${index + 1} 0 obj`);
	});
	const length = Number(/\/Length (\d+) >>\nstream\n/.exec(text)![1]);
	const streamStart = text.indexOf('stream\n') + 'stream\n'.length;
	expect(text.slice(streamStart + length, streamStart + length + '\nendstream'.length)).toBe('\nendstream');
}

/** The text pdftotext (poppler) reads, when it is installed. */
function pdfText(pdf: Buffer): string | undefined {
	const file = path.join(mkdtempSync(path.join(tmpdir(), 'cc-report-')), 'report.pdf');
	writeFileSync(file, pdf);
	try {
		return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
	} catch {
		return undefined;
	}
}

test('buildPdf escapes parentheses and backslashes and stays valid', () => {
	const pdf = buildPdf('Title (1)', ['a \\ b', 'ünïcode → arrow']);
	expectValidPdf(pdf);
	const text = pdfText(pdf);
	if (text !== undefined) expect(text).toContain('Title (1)');
});

test('a client report: base64 PDF naming the client, each check and its outcome', async () => {
	const clientId = emulator.addClient({ personDetails: { firstName: 'Ada', lastName: 'Lovelace' } });
	const check = String((await call(emulator, 'POST', '/checks', { clientId, type: 'standard_screening_check' })).json.id);
	emulator.completeCheck(check, 'attention');
	const answer = await call(emulator, 'GET', `/reports?clientId=${clientId}`);
	expect(answer.status).toBe(200);
	expect(Object.keys(answer.json).sort()).toEqual(['contentType', 'data']);
	expect(answer.json.contentType).toBe('application/pdf');
	const pdf = Buffer.from(String(answer.json.data), 'base64');
	expectValidPdf(pdf);
	const text = pdfText(pdf) ?? pdf.toString('latin1');
	expect(text).toContain('Ada Lovelace');
	expect(text).toContain(`standard_screening_check ${check}: status complete`);
	expect(text).toContain('outcome attention');
});

test('a check report; unknown ids 404; no id 400', async () => {
	const clientId = emulator.addClient();
	const check = String((await call(emulator, 'POST', '/checks', { clientId, type: 'extensive_screening_check' })).json.id);
	await emulator.settle();
	const answer = await call(emulator, 'GET', `/reports?checkId=${check}`);
	const pdf = Buffer.from(String(answer.json.data), 'base64');
	expectValidPdf(pdf);
	expect(pdfText(pdf) ?? pdf.toString('latin1')).toContain('outcome clear');
	expect(await call(emulator, 'GET', '/reports?clientId=5eaecff4a675310007440c08')).toMatchObject({
		status: 404,
		json: { type: 'resource_not_found', message: "Invalid client id '5eaecff4a675310007440c08'" },
	});
	expect((await call(emulator, 'GET', '/reports?checkId=5eaecff4a675310007440c08')).status).toBe(404);
	expect((await call(emulator, 'GET', '/reports?workflowSessionId=5eaecff4a675310007440c08')).status).toBe(404);
	expect((await call(emulator, 'GET', '/reports')).status).toBe(400);
});

test('a workflow session report: data is a content URL (as documented) serving the PDF', async () => {
	const template = COMPLYCUBE_WORKFLOW_TEMPLATES[1];
	const clientId = emulator.addClient({ personDetails: { firstName: 'Grace', lastName: 'Hopper' } });
	const flow = await call(emulator, 'POST', '/flow/sessions', {
		clientId,
		workflowTemplateId: template.id,
		successUrl: 'https://example.com/ok',
		cancelUrl: 'https://example.com/no',
	});
	const form = multipartBody({ consent: 'yes' }, { unused: { filename: 'a.jpg', contentType: 'image/jpeg', data: sampleBytes('jpeg', 10) } });
	await fetch(String(flow.json.redirectUrl), { method: 'POST', headers: { 'content-type': form.contentType }, body: form.body, redirect: 'manual' });
	await emulator.settle();
	const [session] = emulator.workflowSessions.values();
	const answer = await call(emulator, 'GET', `/reports?workflowSessionId=${session.id}`);
	expect(answer.json.contentType).toBe('application/pdf');
	expect(String(answer.json.data)).toMatch(new RegExp(`^${emulator.origin}/reports/content/[0-9a-f]+$`));
	const download = await fetch(String(answer.json.data));
	expect(download.headers.get('content-type')).toBe('application/pdf');
	const pdf = Buffer.from(await download.arrayBuffer());
	expectValidPdf(pdf);
	const text = pdfText(pdf) ?? pdf.toString('latin1');
	for (const expected of ['Grace Hopper', template.name, 'standard_screening_check', 'outcome clear']) expect(text).toContain(expected);
	expect((await fetch(`${emulator.origin}/reports/content/nope`)).status).toBe(404);
});
