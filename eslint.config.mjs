// ESLint flat config (eslint 9) for the n8n community node package.
// Run with `npm run lint` (= the build, `eslint nodes credentials`, then n8n's own scanner on the source and
// the packed tarball: scripts/lint/scan-package.mjs).
//
// Mirrors the layout of n8n's own `n8n-node lint` config (@n8n/node-cli src/configs/eslint.ts):
//   - @n8n/eslint-plugin-community-nodes `recommended` (the rules n8n's community package scanner applies);
//   - eslint-plugin-n8n-nodes-base: `nodes` rules on nodes/**, `credentials` rules on credentials/**,
//     `community` rules on package.json (every community-package-json-* rule returns early unless the
//     linted file is package.json, so it is the only place that set can do anything).
// No rule in either plugin uses type information, so parserOptions.project is not set.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import { defineConfig, globalIgnores } from 'eslint/config';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import tseslint from 'typescript-eslint';

export default defineConfig([
	globalIgnores(['dist/', 'node_modules/', 'test/', '**/*.test.ts']),

	// Parse the TypeScript sources with typescript-eslint's parser.
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: {
			parser: tseslint.parser,
			sourceType: 'module',
		},
	},

	// @n8n/eslint-plugin-community-nodes: recommended set (registers the `@n8n/community-nodes` plugin).
	{
		...n8nCommunityNodesPlugin.configs.recommended,
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
	},

	// eslint-plugin-n8n-nodes-base: register the plugin once, then spread each classic config's rules.
	{ plugins: { 'n8n-nodes-base': n8nNodesBase } },
	// The off-switches below are the same ones n8n's own `n8n-node lint` config and community package
	// scanner apply on top of these sets (@n8n/node-cli src/configs/eslint.ts).
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Both demand the string 'main'; n8n 2.x nodes use NodeConnectionTypes.Main, which @n8n/community-nodes/node-connection-type-literal requires.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			// A third-party API can have a real maximum page size, so a Limit parameter's maxValue is valid.
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Plugin README: "Only applicable to nodes in the main repository" (docs.n8n.io slugs); community credentials use a full URL, checked by @n8n/community-nodes/credential-documentation-url.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			// Superseded by @n8n/community-nodes/credential-password-field, which is more accurate.
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		// Only reached by `eslint package.json` (not by `npm run lint`). typescript-eslint's parser turns
		// a .json file into an ExpressionStatement(ObjectExpression), which is what these rules walk.
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser },
		rules: { ...n8nNodesBase.configs.community.rules },
	},
]);
