import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CLOCK_TOLERANCE_MS, type Reconcile } from '../../../shared/http/reconcile';
import { ServiceError } from '../../../shared/http/service-error';
import { crafterApiRequest } from '../../transport';

/**
 * Create, after its last attempt failed in a way that may have reached Crafter: the profile with this
 * username in the tenant (GET /by_username), when it has the e-mail sent and was created since the first
 * attempt; undefined when Crafter has none (404 NO_SUCH_PROFILE) or holds an older one.
 */
export function profileFinder(ctx: IExecuteFunctions, itemIndex: number, sent: { tenantName: string; username: string; email: string }): Reconcile {
	return async (since) => {
		const profile = await crafterApiRequest(ctx, {
			method: 'GET',
			url: '/by_username',
			qs: { tenantName: sent.tenantName, username: sent.username },
			json: true,
			itemIndex,
		}).then(
			(response) => response.body as IDataObject,
			// No such username: the create did not happen. Anything else means Crafter could not be asked.
			(error: unknown) => (error instanceof ServiceError && error.status === 404 ? undefined : Promise.reject(error)),
		);
		if (!profile) return undefined;
		// Crafter writes dates as epoch milliseconds.
		const createdOn = Number(profile?.createdOn);
		const fresh = Number.isFinite(createdOn) && createdOn >= since.getTime() - CLOCK_TOLERANCE_MS;
		return fresh && profile.email === sent.email ? profile : undefined;
	};
}
