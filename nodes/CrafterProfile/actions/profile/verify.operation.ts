import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredText } from '../../../shared/parameters/parameters';
import { crafterApiRequest, crafterForm, crafterObject } from '../../transport';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesOptions, attributesToReturnOf } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Verify With',
		name: 'verifyWith',
		type: 'options',
		options: [
			{ name: 'Profile ID', value: 'profileId', description: 'Mark the profile verified now (Crafter issues a verification token and the node redeems it)' },
			{ name: 'Verification Token', value: 'token', description: 'Redeem the token of a verification link Crafter e-mailed' },
		],
		default: 'profileId',
	},
	{ ...profileIdField, displayOptions: { show: { verifyWith: ['profileId'] } } },
	{
		displayName: 'Verification Token ID',
		name: 'verificationTokenId',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'The token ID from the verification link',
		displayOptions: { show: { verifyWith: ['token'] } },
	},
	attributesOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['verify'] } }, properties);

/**
 * POST /verify (ProfileController.verifyProfile): the profile becomes verified and enabled, and the token is
 * used up. With a Profile ID the token comes first from POST /{id}/verification_token/create
 * (ProfileController.createVerificationToken).
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	let tokenId: string;
	if (ctx.getNodeParameter('verifyWith', itemIndex, 'profileId') === 'token') {
		tokenId = requiredText(ctx, 'verificationTokenId', 'Verification Token ID', itemIndex);
	} else {
		const profileId = profileIdOf(ctx, itemIndex);
		const created = await crafterApiRequest(ctx, { method: 'POST', url: `/${pathSegment(profileId)}/verification_token/create`, json: true, itemIndex });
		tokenId = String(crafterObject(created, 'profile').id);
	}
	const form = crafterForm({ verificationTokenId: tokenId, attributeToReturn: attributesToReturnOf(ctx, itemIndex) });
	// A token works once: not repeated after a server fault. It is a password field: Crafter's 404 echoes it, hidden.
	const response = await crafterApiRequest(ctx, { method: 'POST', url: '/verify', ...form, json: false, itemIndex, idempotent: false, secrets: [tokenId] });
	return { json: crafterObject(response, 'profile') };
}
