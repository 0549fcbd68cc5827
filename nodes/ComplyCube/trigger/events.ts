import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * ComplyCube's webhook event types (docs/complycube-api.md §7 and "Event names"). The copies of ComplyCube's
 * webhooks page disagree on the completed-check family: the v1.7.3 page lists `check.completed[.clear|
 * .attention|.rejected|.match_confirmed]`, the v1.7.2 page and other copies `check.complete[.clear|
 * .attention]`. The option values keep the `completed` spelling (saved workflows hold them), and a delivery
 * matches whichever spelling ComplyCube sends (see `isSelected`). No copy names a workflow session event:
 * the `workflowSession.*` names are inferred, and "All Events" catches whatever ComplyCube really sends.
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Address Created', value: 'address.created' },
	{ name: 'Address Deleted', value: 'address.deleted' },
	{ name: 'Address Updated', value: 'address.updated' },
	{ name: 'All Events', value: '*', description: 'Every event ComplyCube sends, including any this list does not name' },
	{ name: 'Check Completed', value: 'check.completed', description: 'A check finished, whatever its outcome (check.completed or check.complete)' },
	{ name: 'Check Completed: Attention', value: 'check.completed.attention', description: 'A check finished and needs a review' },
	{ name: 'Check Completed: Clear', value: 'check.completed.clear', description: 'A check finished with nothing found' },
	{ name: 'Check Completed: Match Confirmed', value: 'check.completed.match_confirmed', description: 'A screening match was confirmed' },
	{ name: 'Check Completed: Rejected', value: 'check.completed.rejected', description: 'A check finished and was rejected' },
	{ name: 'Check Failed', value: 'check.failed', description: 'A check could not be completed' },
	{
		name: 'Check Monitoring: Attention',
		value: 'check.monitoring.attention',
		description: 'A monitored screening check found something new (the alerts of Enable Monitoring)',
	},
	{ name: 'Check Pending', value: 'check.pending', description: 'A check was created and is running' },
	{ name: 'Check Updated', value: 'check.updated', description: 'A check changed, e.g. its outcome was validated' },
	{ name: 'Client Created', value: 'client.created' },
	{ name: 'Client Deleted', value: 'client.deleted' },
	{ name: 'Client Updated', value: 'client.updated' },
	{ name: 'Document Created', value: 'document.created' },
	{ name: 'Document Deleted', value: 'document.deleted' },
	{ name: 'Document Image Deleted', value: 'document.updated.image_deleted' },
	{ name: 'Document Image Uploaded', value: 'document.updated.image_uploaded' },
	{ name: 'Document Updated', value: 'document.updated' },
	{
		name: 'Workflow Session Completed',
		value: 'workflowSession.completed',
		description:
			'A verification through a workflow finished, whatever its outcome. Not confirmed by ComplyCube: no page or SDK names this event; All Events receives whatever name ComplyCube sends.',
	},
	{
		name: 'Workflow Session Completed: Attention',
		value: 'workflowSession.completed.attention',
		description: 'Not confirmed by ComplyCube: no page or SDK names this event; All Events receives whatever name ComplyCube sends',
	},
	{
		name: 'Workflow Session Completed: Clear',
		value: 'workflowSession.completed.clear',
		description: 'Not confirmed by ComplyCube: no page or SDK names this event; All Events receives whatever name ComplyCube sends',
	},
	{
		name: 'Workflow Session Completed: Rejected',
		value: 'workflowSession.completed.rejected',
		description: 'Not confirmed by ComplyCube: no page or SDK names this event; All Events receives whatever name ComplyCube sends',
	},
];

/** One spelling for both families: the `complete` segment of `check.complete.clear` read as `completed`. */
export function canonicalEventType(type: string): string {
	return type
		.split('.')
		.map((part, index) => (index === 1 && part === 'complete' ? 'completed' : part))
		.join('.');
}

/** Whether a delivered event `type`, in either spelling, is one the user chose ("All Events" takes everything). */
export function isSelected(selected: readonly string[], type: string): boolean {
	if (selected.length === 0 || selected.includes('*')) return true;
	const received = canonicalEventType(type);
	return selected.some((value) => canonicalEventType(value) === received);
}

/** The record an event is about, and where to read all of it. */
export const RESOURCE_PATHS: Record<string, string> = {
	address: '/addresses',
	check: '/checks',
	client: '/clients',
	document: '/documents',
	workflowSession: '/workflowSessions',
};
