import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { requiredText } from '../../../shared/parameters/parameters';
import { crafterObject } from '../../transport';
import { profileIdField, profileIdOf } from '../shared/profile-id';
import { attributesOptions, tenantNameField, tenantNameOf } from './fields';
import { readProfiles } from './request';
import { simplifyProfile } from './simplify';
import { simplifyField, simplifyOf } from '../../../shared/parameters/simplify';

const properties: INodeProperties[] = [
	{
		displayName: 'Get By',
		name: 'getBy',
		type: 'options',
		options: [
			{ name: 'ID', value: 'id' },
			{ name: 'Username', value: 'username' },
			{ name: 'Ticket', value: 'ticket', description: "A sign-in ticket of Crafter Profile's authentication" },
		],
		default: 'id',
	},
	{ ...profileIdField, displayOptions: { show: { getBy: ['id'] } } },
	{ ...tenantNameField, displayOptions: { show: { getBy: ['username'] } } },
	{ displayName: 'Username', name: 'username', type: 'string', default: '', required: true, displayOptions: { show: { getBy: ['username'] } } },
	{ displayName: 'Ticket ID', name: 'ticketId', type: 'string', default: '', required: true, displayOptions: { show: { getBy: ['ticket'] } } },
	simplifyField,
	attributesOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['profile'], operation: ['get'] } }, properties);

/** GET /{id}, /by_username or /by_ticket (ProfileController.getProfile, getProfileByUsername, getProfileByTicket). */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const getBy = ctx.getNodeParameter('getBy', itemIndex, 'id') as string;
	let response;
	if (getBy === 'username') {
		const tenantName = tenantNameOf(ctx, itemIndex);
		const username = requiredText(ctx, 'username', 'Username', itemIndex);
		response = await readProfiles(ctx, itemIndex, '/by_username', { tenantName, username });
	} else if (getBy === 'ticket') {
		response = await readProfiles(ctx, itemIndex, '/by_ticket', { ticketId: requiredText(ctx, 'ticketId', 'Ticket ID', itemIndex) });
	} else {
		response = await readProfiles(ctx, itemIndex, `/${pathSegment(profileIdOf(ctx, itemIndex))}`, {});
	}
	const profile = crafterObject(response, 'profile');
	return { json: simplifyOf(ctx, itemIndex) ? simplifyProfile(profile) : profile };
}
