import type { INodePropertyOptions } from 'n8n-workflow';

/** [WH] Argos's `webhook_trigger` values, with what the docs say each means (docs/argos-api.md §Webhooks). */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Events', value: '*', description: 'Every event Argos sends' },
	{ name: 'AML', value: 'aml', description: 'The AML screening of a submission ran' },
	{
		name: 'AML Monitor',
		value: 'aml_monitor',
		description: 'A submission was registered for AML ongoing monitoring, or its monitoring screened it again; carries the records',
	},
	{ name: 'Approved', value: 'approved', description: 'A submission was approved' },
	{ name: 'Created', value: 'created', description: 'A submission was created' },
	{ name: 'Delete', value: 'delete', description: "A submission's data was deleted" },
	{ name: 'Injection', value: 'injection', description: 'An injection was made into a submission' },
	{ name: 'Rejected', value: 'rejected', description: 'A submission was rejected' },
	{ name: 'Retry', value: 'retry', description: 'The applicant was asked to retry' },
	{ name: 'Submit (Pending)', value: 'submit', description: 'A submission became pending (waiting for review)' },
	{ name: 'Updated', value: 'updated', description: 'A submission was updated (e.g. through the API or the dashboard)' },
];

export const EVENT_NAMES = EVENT_OPTIONS.map((option) => String(option.value)).filter((value) => value !== '*');

export function isSelected(events: readonly string[], trigger: string): boolean {
	return events.includes('*') || events.includes(trigger);
}
