import type { Context } from '../context';
import { notFound, ok } from '../errors';
import { listAnswer } from '../lists';
import type { Route } from './types';

// [Docs other-resources/audit-logs/filtering-audit-logs] memberId, resourceType, resourceId, clientId, trigger, action.
const AUDIT_LOG_FILTERS = ['memberId', 'resourceType', 'resourceId', 'clientId', 'trigger', 'action'];

/** GET /accountInfo, /teamMembers[/{id}], /auditLogs[/{id}]: reads only. */
export const accountRoutes: Route = (context: Context, request, [collection, id, ...rest]) => {
	if (request.method !== 'GET' || rest.length) return undefined;
	const { store } = context;
	// [Node SDK 1.1.13 index.js AccountInfo.get: GET /accountInfo; Docs account-info] {username, plan, remainingCredit?}
	if (collection === 'accountInfo' && !id) return ok(store.account);
	// [Node SDK 1.1.13 index.js TeamMembers: GET /teamMembers/{id}, GET /teamMembers (paged)]
	if (collection === 'teamMembers') {
		if (!id) return listAnswer(store.teamMembers.values(), request.query, []);
		const member = store.teamMembers.get(id);
		return member ? ok(member) : notFound('team member', id);
	}
	// [Node SDK 1.1.13 index.js AuditLogs: GET /auditLogs/{id}, GET /auditLogs (paged); Docs list-audit-logs "most recent first"]
	if (collection === 'auditLogs') {
		if (!id) return listAnswer(store.auditLogs, request.query, AUDIT_LOG_FILTERS);
		const log = store.auditLogs.find((candidate) => candidate.id === id);
		return log ? ok(log) : notFound('audit log', id);
	}
	return undefined;
};
