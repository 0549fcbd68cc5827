import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * ComplyCube's webhook event types (docs/complycube-api.md §7: the `check.completed.*` family the SDK
 * examples and the webhook filtering page use; the workflow session names are inferred).
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Events', value: '*', description: 'Every event ComplyCube sends' },
	{ name: 'Check Completed', value: 'check.completed', description: 'A check finished, whatever its outcome' },
	{ name: 'Check Completed: Attention', value: 'check.completed.attention', description: 'A check finished and needs a review' },
	{ name: 'Check Completed: Clear', value: 'check.completed.clear', description: 'A check finished with nothing found' },
	{ name: 'Check Completed: Match Confirmed', value: 'check.completed.match_confirmed', description: 'A screening match was confirmed' },
	{ name: 'Check Completed: Rejected', value: 'check.completed.rejected', description: 'A check finished and was rejected' },
	{ name: 'Check Failed', value: 'check.failed', description: 'A check could not be completed' },
	{ name: 'Check Pending', value: 'check.pending', description: 'A check was created and is running' },
	{ name: 'Client Created', value: 'client.created' },
	{ name: 'Client Deleted', value: 'client.deleted' },
	{ name: 'Client Updated', value: 'client.updated' },
	{ name: 'Workflow Session Completed', value: 'workflowSession.completed', description: 'A verification through a workflow finished, whatever its outcome' },
	{ name: 'Workflow Session Completed: Attention', value: 'workflowSession.completed.attention' },
	{ name: 'Workflow Session Completed: Clear', value: 'workflowSession.completed.clear' },
	{ name: 'Workflow Session Completed: Rejected', value: 'workflowSession.completed.rejected' },
];

/** The record an event is about, and where to read all of it. */
export const RESOURCE_PATHS: Record<string, string> = {
	check: '/checks',
	client: '/clients',
	workflowSession: '/workflowSessions',
};
