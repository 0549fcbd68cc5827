import { updateDisplayOptions, type IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { complyCubeApiRequest } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['accountInfo'], operation: ['get'] } }, []);

/**
 * GET /accountInfo `{username, plan, remainingCredit?}` [Docs other-resources/account-info; Node SDK 1.1.13 AccountInfo.get]:
 * remainingCredit only on credit-based plans, so a workflow can warn before checks fail with 402.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	return { json: await complyCubeApiRequest(ctx, { method: 'GET', path: '/accountInfo', idempotent: true, itemIndex }) };
}
