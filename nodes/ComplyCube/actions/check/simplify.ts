import type { IDataObject } from 'n8n-workflow';

import { pickFields } from '../../../shared/parameters/simplify';

/**
 * A check as Simplify gives it: what was checked for whom, its status and overall outcome. Left out: the
 * result's breakdown (the bulk of a completed check), the options it was run with, the ids of the document
 * and photos ([Docs api-reference/checks "The Check object": result.outcome, result.breakdown]).
 */
export function simplifyCheck(check: IDataObject): IDataObject {
	const outcome = (check.result as IDataObject | undefined)?.outcome;
	return {
		...pickFields(check, ['id', 'clientId', 'entityName', 'type', 'status']),
		...(outcome !== undefined ? { outcome } : {}),
		...pickFields(check, ['createdAt', 'updatedAt']),
	};
}
