import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { complyCubeApiRequest } from '../../transport';

/** The notice every Redact operation shows: what is lost, and that it cannot be undone. */
export function redactNotice(what: string): INodeProperties {
	return {
		displayName: `Redaction cannot be undone: ComplyCube permanently masks ${what}, including in the checks that used it.`,
		name: 'redactNotice',
		type: 'notice',
		default: '',
	};
}

/** POST {path}/redact. Redacting twice changes nothing more, so it may be sent again; the answer ({} where documented) is not relied on. */
export async function redact(ctx: IExecuteFunctions, itemIndex: number, path: string, body?: IDataObject): Promise<void> {
	await complyCubeApiRequest(ctx, { method: 'POST', path: `${path}/redact`, body, idempotent: true, answer: 'empty', itemIndex });
}
