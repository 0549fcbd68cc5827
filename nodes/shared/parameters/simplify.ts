import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** The node version whose Get and Get Many simplify by default; version 1 workflows keep the raw answer. */
export const SIMPLIFY_SINCE_VERSION = 1.1;

/**
 * Simplify (n8n's UX guidelines: records with many fields come back compact by default, the raw answer on
 * demand). Shown from node version 1.1: a saved version 1 node has no such parameter and keeps its output.
 */
export const simplifyField: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: { show: { '@version': [{ _cnd: { gte: SIMPLIFY_SINCE_VERSION } }] } },
};

/** Whether the item's record is simplified: never before version 1.1, else the Simplify parameter. */
export function simplifyOf(ctx: IExecuteFunctions, itemIndex: number): boolean {
	if (ctx.getNode().typeVersion < SIMPLIFY_SINCE_VERSION) return false;
	return Boolean(ctx.getNodeParameter('simplify', itemIndex, true));
}

/** The named fields of a record, in that order, leaving out those it does not have. */
export function pickFields(record: IDataObject, names: readonly string[]): IDataObject {
	return Object.fromEntries(names.filter((name) => record[name] !== undefined).map((name) => [name, record[name]]));
}
