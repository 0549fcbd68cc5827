import path from 'node:path';

import { runWorkflow } from '../../engine/run-workflow';
import { loadWorkflow } from '../../engine/workflow-file';

/**
 * An http:// Base URL to a host that is not this machine, in the real engine: each node refuses it before
 * sending (the host does not resolve, so on a node that sent it the error would be "Could not reach").
 */
const cases = [
	{
		node: 'ComplyCube',
		file: '../ComplyCube/operation.workflow.json',
		parameters: { resource: 'client', operation: 'get', clientId: '5eb04fcd0f3e360008035eb1' },
		credentials: { complyCubeApi: { apiKey: 'test_key_0123456789', baseUrl: 'http://complycube.invalid/v1' } },
	},
	{
		node: 'Argos Identity',
		file: '../ArgosIdentity/operation.workflow.json',
		parameters: { resource: 'submission', operation: 'get', submissionId: 'sub-1' },
		credentials: { argosIdentityApi: { apiKey: 'argos_key_0123456789', baseUrl: 'http://argos.invalid/v3' } },
	},
	{
		node: 'Crafter Profile',
		file: '../CrafterProfile/profiles.workflow.json',
		parameters: { resource: 'profile', operation: 'get', profileId: '6650a1f2c3d4e5f60718293a' },
		credentials: { crafterProfileApi: { accessTokenId: 'crafter-token-0123456789', baseUrl: 'http://crafter.invalid:8080/crafter-profile' } },
	},
];

test.each(cases)(
	'$node: refused before sending, naming clear text and Allow Unencrypted HTTP',
	async ({ node, file, parameters, credentials }) => {
		const workflow = loadWorkflow(path.join(__dirname, file), [{ json: {} }], { [node]: { parameters } });
		const run = await runWorkflow(workflow, credentials as never);
		expect(run.error?.message).toMatch(
			/^Base URL 'http:\/\/[a-z]+\.invalid.*' uses http:\/\/ to [a-z]+\.invalid, so the credential's key would travel in clear text \[item 0\]$/,
		);
		expect(run.error?.description).toContain('Allow Unencrypted HTTP');
	},
	30_000,
);
