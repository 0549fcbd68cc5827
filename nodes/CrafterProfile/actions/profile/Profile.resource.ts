import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../../shared/items/per-item-runner';
import { operationFields } from '../../../shared/parameters/operation-field';
import * as addRole from './addRole.operation';
import * as changePassword from './changePassword.operation';
import * as count from './count.operation';
import * as create from './create.operation';
import * as deleteProfile from './delete.operation';
import * as disable from './disable.operation';
import * as enable from './enable.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getAttributes from './getAttributes.operation';
import * as removeAttributes from './removeAttributes.operation';
import * as removeRole from './removeRole.operation';
import * as resetPassword from './resetPassword.operation';
import * as update from './update.operation';
import * as updateAttributes from './updateAttributes.operation';
import * as verify from './verify.operation';

/** The operations an AI agent may run without Allow Changes: they only read. */
export const readOperations: string[] = ['count', 'get', 'getAll', 'getAttributes'];

export const operations: Record<string, ItemOperation> = {
	addRole: addRole.execute,
	changePassword: changePassword.execute,
	count: count.execute,
	create: create.execute,
	delete: deleteProfile.execute,
	disable: disable.execute,
	enable: enable.execute,
	get: get.execute,
	getAll: getAll.execute,
	getAttributes: getAttributes.execute,
	removeAttributes: removeAttributes.execute,
	removeRole: removeRole.execute,
	resetPassword: resetPassword.execute,
	update: update.execute,
	updateAttributes: updateAttributes.execute,
	verify: verify.execute,
};

export const description: INodeProperties[] = [
	...operationFields(
		'profile',
		[
			{ name: 'Add Role', value: 'addRole', description: 'Give a profile one or more roles', action: 'Add roles to a profile' },
			{
				name: 'Change Password',
				value: 'changePassword',
				description: 'Set a new password with the token of a Reset Password e-mail',
				action: 'Change the password of a profile',
			},
			{ name: 'Count', value: 'count', description: 'Count the profiles of a tenant', action: 'Count profiles' },
			{ name: 'Create', value: 'create', description: 'Create a profile', action: 'Create a profile' },
			{ name: 'Delete', value: 'delete', description: 'Delete a profile', action: 'Delete a profile' },
			{ name: 'Disable', value: 'disable', description: 'Stop a profile from signing in', action: 'Disable a profile' },
			{ name: 'Enable', value: 'enable', description: 'Let a profile sign in', action: 'Enable a profile' },
			{ name: 'Get', value: 'get', description: 'Get a profile by ID, username or ticket', action: 'Get a profile' },
			{ name: 'Get Attributes', value: 'getAttributes', description: 'Get the attributes of a profile', action: 'Get the attributes of a profile' },
			{ name: 'Get Many', value: 'getAll', description: 'Get profiles by query, role, attribute, attribute value or IDs', action: 'Get many profiles' },
			{ name: 'Remove Attributes', value: 'removeAttributes', description: 'Remove attributes from a profile', action: 'Remove attributes from a profile' },
			{ name: 'Remove Role', value: 'removeRole', description: 'Take one or more roles from a profile', action: 'Remove roles from a profile' },
			{
				name: 'Reset Password',
				value: 'resetPassword',
				description: 'Have Crafter e-mail the person a link to choose a new password',
				action: 'Send a password reset e-mail',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the username, e-mail, password, enabled state, roles or attributes of a profile',
				action: 'Update a profile',
			},
			{ name: 'Update Attributes', value: 'updateAttributes', description: 'Set attributes of a profile', action: 'Update the attributes of a profile' },
			{ name: 'Verify', value: 'verify', description: 'Mark a profile verified (and enabled)', action: 'Verify a profile' },
		],
		'get',
		readOperations,
	),
	...create.description,
	...get.description,
	...getAll.description,
	...count.description,
	...update.description,
	...enable.description,
	...disable.description,
	...verify.description,
	...addRole.description,
	...removeRole.description,
	...getAttributes.description,
	...updateAttributes.description,
	...removeAttributes.description,
	...resetPassword.description,
	...changePassword.description,
	...deleteProfile.description,
];
