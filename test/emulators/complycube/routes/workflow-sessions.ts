import { worstOutcome } from '../check-runner';
import { newId, now } from '../clock';
import type { Context } from '../context';
import { invalid, notFound, ok } from '../errors';
import { emit } from '../event-delivery';
import { listAnswer } from '../lists';
import { entityNameOf, type ComplyCubeCheck, type ComplyCubeWorkflowSession } from '../store';
import type { ComplyCubeWorkflowTemplate } from '../templates';
import type { Route } from './types';

// [Docs workflow-sessions/filtering-workflow-sessions (outcome=clear example); Node SDK WorkflowSessions.list(clientId, workflowTemplateId)]
const SESSION_FILTERS = ['clientId', 'workflowTemplateId', 'status', 'outcome'];

// [Docs workflow-sessions/list-workflow-sessions example item] the list shows a summary of each session.
const summaryView = (session: ComplyCubeWorkflowSession) => ({
	id: session.id,
	clientId: session.clientId,
	entityName: session.entityName,
	status: session.status,
	workflowTemplateName: session.workflowTemplateName,
	workflowTemplateId: session.workflowTemplateId,
	workflowId: session.workflowId,
	workflowVersion: session.workflowVersion,
	...(session.outcome ? { outcome: session.outcome } : {}),
	createdAt: session.createdAt,
	updatedAt: session.updatedAt,
});

const sessionPayload = (session: ComplyCubeWorkflowSession) => ({
	id: session.id,
	clientId: session.clientId,
	workflowTemplateId: session.workflowTemplateId,
	status: session.status,
	...(session.outcome ? { outcome: session.outcome } : {}),
	createdAt: session.createdAt,
	updatedAt: session.updatedAt,
});

export const workflowSessionRoutes: Route = (context, request, [collection, id, action, ...rest]) => {
	if (collection !== 'workflowSessions' || rest.length) return undefined;
	const { method } = request;
	// [Node SDK index.js WorkflowSessions] get GET /workflowSessions/{id}, list GET /workflowSessions, complete POST /workflowSessions/{id}/complete.
	if (method === 'GET' && !id) return listAnswer(context.store.workflowSessions.values(), request.query, SESSION_FILTERS, summaryView);
	if (!id) return undefined;
	const session = context.store.workflowSessions.get(id);
	// [Docs workflow-sessions/complete-a-workflow-session] 404 "Invalid workflow session id '<id>'"
	if (method === 'GET' && !action) return session ? ok(session) : notFound('workflow session', id);
	if (method === 'POST' && action === 'complete') {
		if (!session) return notFound('workflow session', id);
		return completeRequested(context, session);
	}
	return undefined;
};

function completeRequested(context: Context, session: ComplyCubeWorkflowSession) {
	// [Docs complete-a-workflow-session example {"status": "processing"}; PHP WorkflowSessionTest testCompleteStartedWorkflowSession] a started session moves on.
	if (session.status === 'started') {
		session.status = 'processing';
		session.updatedAt = now();
		scheduleCompletionWithoutChecks(context, session);
		return ok({ status: session.status });
	}
	if (session.status === 'processing') return ok({ status: session.status });
	// inferred: a session that already ended cannot be completed again.
	return invalid(`The workflow session is already ${session.status}`);
}

/** [Docs hosted-solution quick guide] "Once your customer starts the flow, a workflow session is automatically created." status started. */
export function startWorkflowSession(context: Context, clientId: string, template: ComplyCubeWorkflowTemplate): ComplyCubeWorkflowSession {
	const createdAt = now();
	// [Docs workflow-sessions (session object); Node SDK WorkflowSessions.d.ts] the fields of a session.
	const session: ComplyCubeWorkflowSession = {
		id: newId(),
		clientId,
		entityName: entityNameOf(context.store.clients.get(clientId)),
		status: 'started',
		workflowTemplateId: template.id,
		workflowTemplateName: template.name,
		workflowTemplateDescription: template.description ?? '',
		workflowId: template.workflowId ?? newId(),
		workflowVersion: 1,
		workflowDescription: 'Initial version',
		compliancePolicies: [],
		tasks: template.checkTypes.map((type) => ({ id: newId(), type, status: 'pending' })),
		allRelatedChecks: [],
		createdAt,
		updatedAt: createdAt,
	};
	context.store.workflowSessions.set(session.id, session);
	return session;
}

/** [Docs workflow-sessions status "processing - the client has completed the flow and the verification checks are currently being processed"] */
export function processWorkflowSession(context: Context, session: ComplyCubeWorkflowSession, checks: ComplyCubeCheck[]): void {
	session.status = 'processing';
	session.updatedAt = now();
	session.allRelatedChecks = checks.map((check, index) => {
		const task = session.tasks[index] ?? { id: newId(), type: check.type, status: 'pending' };
		return { checkId: check.id, type: check.type, taskId: task.id };
	});
	if (checks.length === 0) scheduleCompletionWithoutChecks(context, session);
}

function scheduleCompletionWithoutChecks(context: Context, session: ComplyCubeWorkflowSession) {
	const outcome = context.store.checkOutcome;
	context.work.after(context.options.checkDelayMs, () => finishSession(context, session, outcome));
}

/** Hooked to check completion: a processing session completes once every related check has. */
export function onCheckCompleted(context: Context, check: ComplyCubeCheck): void {
	for (const session of context.store.workflowSessions.values()) {
		const related = session.allRelatedChecks.find((ref) => ref.checkId === check.id);
		if (!related) continue;
		const task = session.tasks.find((candidate) => candidate.id === related.taskId);
		if (task) {
			task.status = 'complete';
			session.lastCompletedTaskId = task.id;
		}
		const checks = session.allRelatedChecks.map((ref) => context.store.checks.get(ref.checkId));
		if (session.status !== 'processing' || checks.some((candidate) => !candidate || candidate.status !== 'complete')) continue;
		finishSession(
			context,
			session,
			worstOutcome(
				checks.map((candidate) => candidate!.result!.outcome),
				context.store.checkOutcome,
			),
		);
	}
}

function finishSession(context: Context, session: ComplyCubeWorkflowSession, outcome: string) {
	if (session.status !== 'processing') return;
	// [Docs workflow-sessions status "complete - the session has completed"; list example outcome "clear"]
	session.status = 'complete';
	session.outcome = outcome;
	// [docs/complycube-api.md §9 (session fields include completedAt)]
	session.completedAt = now();
	session.updatedAt = session.completedAt;
	// inferred: event names workflowSession.completed and workflowSession.completed.<outcome>, resourceType workflowSession.
	emit(context, 'workflowSession.completed', 'workflowSession', sessionPayload(session));
	emit(context, `workflowSession.completed.${outcome}`, 'workflowSession', sessionPayload(session));
}
