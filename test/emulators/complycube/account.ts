import { newId, now } from './clock';

/**
 * The account side of ComplyCube: account info, team members and the audit trail. Team members are managed in the
 * portal, so they are seeded; audit logs are written by the routes as the API changes records.
 */

// [Docs other-resources/account-info "The Account Info object"] username, plan, remainingCredit (credit-based plans only).
export interface ComplyCubeAccount {
	username: string;
	plan: string;
	remainingCredit?: number;
}

// [Docs other-resources/team-members "The Team Member Object"; Node SDK 1.1.13 TeamMembers.d.ts] {id, firstName, lastName, role, createdAt}.
export interface ComplyCubeTeamMember {
	id: string;
	firstName: string;
	lastName: string;
	role: 'owner' | 'administrator' | 'developer' | 'analyst' | 'support-specialist' | 'view-only';
	createdAt: string;
}

// [Node SDK 1.1.13 AuditLogs.d.ts AuditLog; Docs other-resources/audit-logs "The Audit Log object"]
export interface ComplyCubeAuditLog {
	id: string;
	memberId: string | null;
	resourceType: string;
	resourceId: string;
	clientId: string;
	trigger: string;
	action: string;
	diff: Array<{ action?: string; path?: Array<string | number>; old?: string | null; new?: string | null }> | null;
	createdAt: string;
}

export const COMPLYCUBE_DEMO_MEMBER_ID = 'VNARgK33nMASdJKdi';

export function seededTeamMembers(): Map<string, ComplyCubeTeamMember> {
	const createdAt = now();
	// The docs' list example uses memberId "VNARgK33nMASdJKdi" (not 24 hex: portal member ids differ from record ids).
	const members: ComplyCubeTeamMember[] = [
		{ id: COMPLYCUBE_DEMO_MEMBER_ID, firstName: 'Ada', lastName: 'Owner', role: 'owner', createdAt },
		{ id: 'Qw3rTy7UiOp9AsDfG', firstName: 'Ben', lastName: 'Analyst', role: 'analyst', createdAt },
	];
	return new Map(members.map((member) => [member.id, member]));
}

/** What an API change adds to the audit trail. memberId: the request's lastActionBy, as the team-members page describes. */
export function auditEntry(
	fields: Omit<ComplyCubeAuditLog, 'id' | 'createdAt' | 'memberId' | 'diff'> & { memberId?: unknown; diff?: ComplyCubeAuditLog['diff'] },
): ComplyCubeAuditLog {
	return {
		id: newId(),
		...fields,
		memberId: typeof fields.memberId === 'string' ? fields.memberId : null,
		diff: fields.diff ?? null,
		createdAt: now(),
	};
}

/** A shallow diff of the fields an update sent (inferred: the SDK types diff as {action, path, old, new}). */
export function diffOf(before: Record<string, unknown>, sent: Record<string, unknown>): ComplyCubeAuditLog['diff'] {
	const show = (value: unknown) => (value === undefined ? null : typeof value === 'object' ? JSON.stringify(value) : String(value));
	return Object.keys(sent)
		.filter((key) => key !== 'lastActionBy' && show(before[key]) !== show(sent[key]))
		.map((key) => ({ action: before[key] === undefined ? 'add' : 'edit', path: [key], old: show(before[key]), new: show(sent[key]) }));
}
