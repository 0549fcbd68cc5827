import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { pathSegment } from '../../../shared/http/path-segment';
import { requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { clientIdField } from '../shared/fields';

// The erasure a GDPR request asks for: ComplyCube documents no client redaction, only this delete.
export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['delete'] } }, [
	{ displayName: 'Deleting a client cannot be undone: ComplyCube erases the client for good', name: 'deleteNotice', type: 'notice', default: '' },
	clientIdField,
]);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	await complyCubeApiRequest(ctx, { method: 'DELETE', path: `/clients/${pathSegment(clientId)}`, idempotent: true, answer: 'empty', itemIndex });
	return { json: { id: clientId, deleted: true } };
}
