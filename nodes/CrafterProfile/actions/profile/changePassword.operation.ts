import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredText } from '../../../shared/parameters/parameters';
import { crafterApiRequest, crafterForm, crafterObject } from '../../transport';
import { attributesOptions, attributesToReturnOf } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Reset Token ID',
		name: 'resetTokenId',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The tokenId of the link Reset Password e-mailed',
	},
	{
		displayName: 'New Password',
		name: 'newPassword',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The password the person signs in with from now on; Crafter stores only its hash',
	},
	attributesOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['changePassword'] } }, properties);

/**
 * POST /change_password (ProfileController.changePassword, ProfileServiceImpl.changePassword): the token's profile
 * gets the new password and the token is used up, so it is not repeated after a server fault. Both values are
 * password fields: Crafter's 404 echoes the token, hidden.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const resetTokenId = requiredText(ctx, 'resetTokenId', 'Reset Token ID', itemIndex);
	// Taken as typed: spaces may belong to a password.
	const newPassword = String(ctx.getNodeParameter('newPassword', itemIndex, '') ?? '');
	if (!newPassword)
		throw new InputRefusal('New Password is empty', 'Set New Password; if it comes from an expression, check that the expression finds a value for this item.');
	const form = crafterForm({ resetTokenId, newPassword, attributeToReturn: attributesToReturnOf(ctx, itemIndex) });
	const response = await crafterApiRequest(ctx, {
		method: 'POST',
		url: '/change_password',
		...form,
		json: false,
		itemIndex,
		idempotent: false,
		secrets: [resetTokenId, newPassword],
	});
	return { json: crafterObject(response, 'profile') };
}
