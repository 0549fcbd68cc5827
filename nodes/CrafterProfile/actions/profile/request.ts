import type { IExecuteFunctions } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import type { ServiceResponse } from '../../../shared/http/service-request';
import { crafterApiRequest, crafterForm, crafterObject } from '../../transport';
import { attributesToReturnOf } from './fields';

export type FormParams = Record<string, string | string[] | undefined>;

/**
 * POST /api/1/profile/{id}/<action> with form parameters; Crafter answers the profile as it is now, which
 * is the item's output. Options → Attributes to Return narrows its attributes.
 */
export async function changeProfile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	profileId: string,
	action: string,
	params: FormParams = {},
	secrets: string[] = [],
): Promise<OperationResult> {
	const form = crafterForm({ ...params, attributeToReturn: attributesToReturnOf(ctx, itemIndex) });
	const response = await crafterApiRequest(ctx, { method: 'POST', url: `/${pathSegment(profileId)}/${action}`, ...form, json: false, itemIndex, secrets });
	return { json: crafterObject(response, 'profile') };
}

/** GET below /api/1/profile with query parameters (and Attributes to Return): the JSON answer. */
export async function readProfiles(ctx: IExecuteFunctions, itemIndex: number, url: string, qs: FormParams): Promise<ServiceResponse> {
	const attributeToReturn = attributesToReturnOf(ctx, itemIndex);
	return await crafterApiRequest(ctx, {
		method: 'GET',
		url,
		qs: { ...qs, ...(attributeToReturn.length ? { attributeToReturn } : {}) },
		arrayFormat: 'repeat',
		json: true,
		itemIndex,
	});
}
