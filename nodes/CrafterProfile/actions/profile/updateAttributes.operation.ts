import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { jsonBody } from '../../../shared/http/json-body';
import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { crafterApiRequest, crafterObject } from '../../transport';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesJsonField, attributesOptions, attributesToReturnOf, jsonObjectOf } from './fields';

const properties: INodeProperties[] = [
	profileIdField,
	attributesJsonField('Attributes to set, as a JSON object, e.g. {"idScan": "passport"}; attributes not named keep their values', true),
	attributesOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['updateAttributes'] } }, properties);

/** POST /{id}/attributes/update (ProfileController.updateAttributes): the attributes go as the JSON body. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	const attributes = jsonObjectOf(ctx, 'attributes', 'Attributes (JSON)', itemIndex);
	if (!Object.keys(attributes).length) throw new InputRefusal('Attributes (JSON) is empty', 'Write at least one attribute, e.g. {"idScan": "passport"}.');
	const attributeToReturn = attributesToReturnOf(ctx, itemIndex);
	const body = jsonBody(attributes);
	const response = await crafterApiRequest(ctx, {
		method: 'POST',
		url: `/${pathSegment(profileId)}/attributes/update`,
		...body,
		qs: attributeToReturn.length ? { attributeToReturn } : {},
		arrayFormat: 'repeat',
		json: false,
		itemIndex,
	});
	return { json: crafterObject(response, 'profile') };
}
