import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { itemParameter } from '../../../shared/parameters/item-parameter';
import { REQUEST_TYPES } from './fields';

/** Options → Request Type as query parameters: none for Everything. */
export function requestTypeQuery(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const value = String(itemParameter(ctx, 'options.requestType', itemIndex, 'everything') ?? 'everything').trim() || 'everything';
	if (value === 'everything') return {};
	if (!REQUEST_TYPES.includes(value)) {
		throw new InputRefusal(`Request Type '${value}' is not one Argos offers`, `Use everything, ${REQUEST_TYPES.join(', ')}.`);
	}
	return { request_type: value };
}
