import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** n8n's Return All / Limit pair for a Get Many operation, with its usual names and wording. */
export function returnAllFields(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}

export interface ReturnAll {
	returnAll: boolean;
	/** Infinity when Return All is on. */
	limit: number;
}

export function readReturnAll(ctx: IExecuteFunctions, itemIndex: number): ReturnAll {
	const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
	if (returnAll) return { returnAll, limit: Infinity };
	const limit = Math.floor(Number(ctx.getNodeParameter('limit', itemIndex, 50)));
	return { returnAll, limit: Number.isFinite(limit) && limit > 0 ? limit : 50 };
}
