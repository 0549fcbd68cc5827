import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { crafterApiRequest, crafterObject } from '../../transport';
import { attachmentName, attachmentNameField } from './fields';
import { profileIdField, profileIdOf } from '../shared/profile-id';

const properties: INodeProperties[] = [profileIdField, attachmentNameField];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['getDetails'] } }, properties);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	const name = attachmentName(ctx, itemIndex);
	const response = await crafterApiRequest(ctx, {
		method: 'GET',
		url: `/${pathSegment(profileId)}/attachment/${pathSegment(name)}/details`,
		json: true,
		itemIndex,
	});
	const details = crafterObject(response, 'object');
	// The server answers 200 with every field null for a name it does not have.
	if (!details?.id) throw noSuchAttachment(ctx, itemIndex, name, profileId);
	return { json: details };
}

export function noSuchAttachment(ctx: IExecuteFunctions, itemIndex: number, name: string, profileId: string) {
	return new NodeOperationError(ctx.getNode(), `Profile '${profileId}' has no attachment named '${name}'`, {
		itemIndex,
		description: 'Use the fileName that the upload answered (the name without extension), or list the attachments.',
	});
}
