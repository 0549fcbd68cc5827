import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ArgosIdentity } from '../../nodes/ArgosIdentity/ArgosIdentity.node';
import { ComplyCube } from '../../nodes/ComplyCube/ComplyCube.node';
import { CrafterProfile } from '../../nodes/CrafterProfile/CrafterProfile.node';
import { passwordParameterPaths, passwordParameterValues, registerPasswordParameters } from '../../nodes/shared/parameters/password-parameters';
import { REDACTED, redactText, secretValues } from '../../nodes/shared/http/redact';

/** An execute context that gives these parameter values (for every item). */
const contextWith = (type: string, parameters: Record<string, unknown>) =>
	({
		getInputData: () => [{ json: {} }],
		getNode: () => ({ type }),
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) => {
			if (name === 'broken') throw new Error('expression does not resolve');
			return name in parameters ? parameters[name] : fallback;
		},
	}) as unknown as IExecuteFunctions;

test("every password-typed parameter of the Crafter Profile node is found: the profile's password (Create, Update), the Verification Token ID, Change Password's token and new password", () => {
	const paths = passwordParameterPaths(new CrafterProfile().description.properties).map((path) => path.join('.'));
	expect(paths.sort()).toEqual(['newPassword', 'password', 'resetTokenId', 'updateFields.password', 'verificationTokenId']);
});

test("ComplyCube's password parameters are a person's four identity numbers, on Client → Create and Update; Argos Identity has none", () => {
	const ids = ['nationalIdentityNumber', 'socialInsuranceNumber', 'ssn', 'taxIdentificationNumber'];
	const paths = passwordParameterPaths(new ComplyCube().description.properties).map((path) => path.join('.'));
	expect(paths.sort()).toEqual([...ids.map((id) => `additionalFields.${id}`), ...ids.map((id) => `updateFields.${id}`)]);
	expect(passwordParameterPaths(new ArgosIdentity().description.properties)).toEqual([]);
});

test('inside collections and fixed collections, single and multiple values', () => {
	const properties: INodeProperties[] = [
		{ displayName: 'Plain', name: 'plain', type: 'string', default: '' },
		{ displayName: 'Top', name: 'top', type: 'string', typeOptions: { password: true }, default: '' },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			default: {},
			options: [{ displayName: 'Pin', name: 'pin', type: 'string', typeOptions: { password: true }, default: '' }],
		},
		{
			displayName: 'Logins',
			name: 'logins',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			options: [
				{
					name: 'login',
					displayName: 'Login',
					values: [{ displayName: 'Secret', name: 'secret', type: 'string', typeOptions: { password: true }, default: '' }],
				},
			],
		},
		{ displayName: 'Broken', name: 'broken', type: 'string', typeOptions: { password: true }, default: '' },
	];
	const ctx = contextWith('x.any', {
		plain: 'not-a-secret',
		top: 'top-secret-1',
		options: { pin: 4321 },
		logins: { login: [{ secret: 'first-secret' }, { secret: 'second-secret' }] },
	});
	expect(passwordParameterValues(ctx, 0, properties).sort()).toEqual(['4321', 'first-secret', 'second-secret', 'top-secret-1']);
});

test("what a node registered is read by its type (the tool variant too), and the values hide the service's echo", () => {
	registerPasswordParameters(new CrafterProfile().description);
	const parameters = { resource: 'profile', operation: 'verify', verificationTokenId: '6650aa11bb22cc33dd44ee55', updateFields: { password: 'N3w-Pass!' } };
	for (const type of ['n8n-nodes-identity-uploads.crafterProfile', 'n8n-nodes-identity-uploads.crafterProfileTool']) {
		const values = passwordParameterValues(contextWith(type, parameters), 0);
		// Only what Verify shows: Update's password, left in the parameters, is not read (nor sent).
		expect(values).toEqual(['6650aa11bb22cc33dd44ee55']);
		expect(passwordParameterValues(contextWith(type, { ...parameters, operation: 'update' }), 0)).toEqual(['N3w-Pass!']);
		const secrets = secretValues({}, [], values);
		expect(redactText('No verification token found for ID "6650aa11bb22cc33dd44ee55"', secrets)).toBe(`No verification token found for ID "${REDACTED}"`);
	}
	expect(passwordParameterValues(contextWith('n8n-nodes-identity-uploads.complyCube', parameters), 0)).toEqual([]);
});

test('a trigger (no items) has none', () => {
	const trigger = { getNode: () => ({ type: 'n8n-nodes-identity-uploads.crafterProfile' }), getNodeParameter: () => 'x' } as never;
	expect(passwordParameterValues(trigger, undefined)).toEqual([]);
});
