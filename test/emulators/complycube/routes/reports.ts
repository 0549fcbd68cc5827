import { newToken, now } from '../clock';
import type { Context } from '../context';
import { invalid, notFound, ok } from '../errors';
import { buildPdf } from '../report-pdf';
import type { ComplyCubeCheck } from '../store';
import type { Route } from './types';

// [Docs generate-a-workflow-session-report] "The URL remains valid for 10 minutes."
const CONTENT_URL_LIFETIME_MS = 10 * 60 * 1000;

const checkLine = (check: ComplyCubeCheck) => `${check.type} ${check.id}: status ${check.status}, outcome ${check.result?.outcome ?? 'pending'}`;

const clientLines = (context: Context, clientId: string) => {
	const client = context.store.clients.get(clientId);
	return [
		`Client: ${String(client?.entityName ?? '') || clientId} (${clientId})`,
		`Type: ${String(client?.type ?? '')}  Email: ${String(client?.email ?? '')}`,
	];
};

// [Docs other-resources/reports "The Report object"] {contentType: "application/pdf", data: <BASE64>}
const pdfAnswer = (pdf: Buffer) => ok({ contentType: 'application/pdf', data: pdf.toString('base64') });

export const reportRoutes: Route = (context, request, [collection, ...rest]) => {
	// [Node SDK index.js Reports.generate (GET /reports with the request as query); Docs reports/generate-client-report GET /reports?clientId=]
	if (collection !== 'reports' || rest.length || request.method !== 'GET') return undefined;
	const { query } = request;
	const { store } = context;
	const generated = `Generated ${now()} by the ComplyCube emulator`;
	const clientId = query.get('clientId');
	const checkId = query.get('checkId');
	const workflowSessionId = query.get('workflowSessionId');
	if (clientId !== null) {
		// [Docs generate-client-report] 404 "Invalid client id '<id>'"
		if (!store.clients.has(clientId)) return notFound('client', clientId);
		const checks = [...store.checks.values()].filter((check) => check.clientId === clientId);
		return pdfAnswer(buildPdf('Client report', [...clientLines(context, clientId), generated, '', `Checks (${checks.length}):`, ...checks.map(checkLine)]));
	}
	if (checkId !== null) {
		// [PHP ReportTest testGenerateCheckReport; Docs reports/generate-check-report] GET /reports?checkId=
		const check = store.checks.get(checkId);
		if (!check) return notFound('check', checkId);
		return pdfAnswer(buildPdf('Check report', [...clientLines(context, check.clientId), generated, '', 'Check:', checkLine(check)]));
	}
	if (workflowSessionId !== null) {
		// [Docs generate-a-workflow-session-report] GET /reports?workflowSessionId=; "returns a content URL in data. Use that URL to download the PDF file."
		const session = store.workflowSessions.get(workflowSessionId);
		if (!session) return notFound('workflow session', workflowSessionId);
		const checks = session.allRelatedChecks.map((ref) => store.checks.get(ref.checkId)).filter((check): check is ComplyCubeCheck => !!check);
		const pdf = buildPdf('Workflow session report', [
			...clientLines(context, session.clientId),
			`Workflow: ${session.workflowTemplateName} (${session.workflowTemplateId})`,
			`Session ${session.id}: status ${session.status}, outcome ${session.outcome ?? 'pending'}`,
			generated,
			'',
			`Checks (${checks.length}):`,
			...checks.map(checkLine),
		]);
		const token = newToken();
		store.reportContents.set(token, { pdf, expiresAt: Date.now() + CONTENT_URL_LIFETIME_MS });
		return ok({ contentType: 'application/pdf', data: `${context.origin()}/reports/content/${token}` });
	}
	// inferred: without clientId, checkId or workflowSessionId the request is invalid.
	return invalid('One of "clientId", "checkId" or "workflowSessionId" is required');
};

/** GET /reports/content/<token> (outside /v1, no key: a pre-signed style link, inferred). */
export function reportContent(context: Context, token: string) {
	const entry = context.store.reportContents.get(token);
	if (!entry || entry.expiresAt < Date.now()) {
		context.store.reportContents.delete(token);
		return { status: 404, body: 'Not found', headers: { 'content-type': 'text/plain' } };
	}
	return { status: 200, body: entry.pdf, headers: { 'content-type': 'application/pdf' } };
}
