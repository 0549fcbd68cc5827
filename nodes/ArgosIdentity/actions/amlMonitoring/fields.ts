import type { INodeProperties } from 'n8n-workflow';

import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { MAX_ID_LENGTH } from '../../../shared/parameters/parameters';

/** [AML-MON-POST] "1-25 submissions"; [AML-MON-DEL] "1-25 records maximum". */
export const MAX_PER_MONITOR_CALL = 25;

export const worklistIdField: INodeProperties = {
	displayName: 'Worklist ID',
	name: 'worklistId',
	type: 'string',
	default: '',
	required: true,
	description: 'The ongoing-monitoring worklist (dashboard: AML, Ongoing Monitoring); it must be active',
};

/** IDs typed as a list: split on commas, spaces or new lines; 1 to 25 of them, each plausible. */
export function idList(text: string, label: string): string[] {
	const ids = [
		...new Set(
			text
				.split(/[\s,]+/)
				.map((id) => id.trim())
				.filter(Boolean),
		),
	];
	if (!ids.length)
		throw new InputRefusal(`${label} is empty`, `Set ${label}; if it comes from an expression, check that the expression finds a value for this item.`);
	if (ids.length > MAX_PER_MONITOR_CALL) {
		throw new InputRefusal(
			`${label} holds ${ids.length} IDs; Argos takes at most ${MAX_PER_MONITOR_CALL} in one request`,
			`Split the list over several items of at most ${MAX_PER_MONITOR_CALL} IDs each (e.g. with the Loop Over Items node).`,
		);
	}
	const odd = ids.find((id) => id === '.' || id === '..' || id.length > MAX_ID_LENGTH);
	if (odd) throw new InputRefusal(`${label} holds '${odd.slice(0, 40)}', which is not an ID`, `Set ${label} to IDs alone, separated by commas.`);
	return ids;
}
