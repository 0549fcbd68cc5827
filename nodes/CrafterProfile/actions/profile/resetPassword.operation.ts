import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { crafterApiRequest, crafterForm, crafterObject } from '../../transport';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesOptions, attributesToReturnOf } from './fields';
import { linkUrlOf } from './link-url';

const properties: INodeProperties[] = [
	profileIdField,
	{
		displayName: 'Reset Password URL',
		name: 'resetUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://shop.example.com/reset-password',
		description:
			'Your page where the person chooses a new password. Crafter e-mails them this address with ?tokenId=… added; your page passes that token and the new password to Change Password.',
	},
	attributesOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['resetPassword'] } }, properties);

/**
 * POST /{id}/reset_password (ProfileController.resetPassword, ProfileServiceImpl.resetPassword): Crafter issues a
 * token and e-mails the person the link ("Reset Password"); the answer is the profile, unchanged. Not repeated
 * after a server fault: each call sends another e-mail.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const profileId = profileIdOf(ctx, itemIndex);
	const resetPasswordUrl = linkUrlOf(ctx, 'resetUrl', 'Reset Password URL', itemIndex);
	if (!resetPasswordUrl) throw new InputRefusal('Reset Password URL is empty', 'Set Reset Password URL to your page where the person chooses a new password.');
	const form = crafterForm({ resetPasswordUrl, attributeToReturn: attributesToReturnOf(ctx, itemIndex) });
	const response = await crafterApiRequest(ctx, {
		method: 'POST',
		url: `/${pathSegment(profileId)}/reset_password`,
		...form,
		json: false,
		itemIndex,
		idempotent: false,
	});
	return { json: crafterObject(response, 'profile') };
}
