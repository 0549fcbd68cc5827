import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { UnexpectedAnswerError } from '../../../shared/http/service-error';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { clientIdField, workflowTemplateIdField } from '../shared/fields';
import { jsonObject } from '../shared/json-object';
import { assertAbsoluteUrl, assertEmail } from '../shared/validate';

/** The checks a hosted page can run without a workflow [Docs hosted-solution/create-a-session-check-driven: 8 check types]. */
const CHECK_TYPES = [
	{ name: 'Age Estimation Check', value: 'age_estimation_check' },
	{ name: 'Document Check', value: 'document_check' },
	{ name: 'Enhanced Identity Check', value: 'enhanced_identity_check' },
	{ name: 'Extensive Screening Check', value: 'extensive_screening_check' },
	{ name: 'Face Authentication Check', value: 'face_authentication_check' },
	{ name: 'Identity Check', value: 'identity_check' },
	{ name: 'Proof of Address Check', value: 'proof_of_address_check' },
	{ name: 'Standard Screening Check', value: 'standard_screening_check' },
];

/** [Docs create-a-session-check-driven "The documentTypes object"] the ID documents the client may pick. */
const DOCUMENT_TYPES = [
	{ name: 'Driving License', value: 'driving_license' },
	{ name: 'National Identity Card', value: 'national_identity_card' },
	{ name: 'Passport', value: 'passport' },
	{ name: 'Residence Permit', value: 'residence_permit' },
];

/** Shown only in check-types mode: the workflow page takes none of these [Docs create-a-session (via workflows)]. */
const checkTypesOnly = { show: { '/mode': ['checkTypes'] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Check Types', value: 'checkTypes', description: 'The page runs the checks listed here (no workflow)' },
			{ name: 'Workflow Template', value: 'workflowTemplate', description: 'The page runs the active version of a workflow built in the ComplyCube portal' },
		],
		default: 'workflowTemplate',
	},
	clientIdField,
	{ ...workflowTemplateIdField, displayOptions: { show: { mode: ['workflowTemplate'] } } },
	{
		displayName: 'Check Types',
		name: 'checkTypes',
		type: 'multiOptions',
		options: CHECK_TYPES,
		default: [],
		required: true,
		description: 'The checks ComplyCube runs once the client has gone through the page',
		displayOptions: { show: { mode: ['checkTypes'] } },
	},
	{
		displayName: 'Success URL',
		name: 'successUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/verified',
		description: 'Where ComplyCube sends the client after they finish the page',
	},
	{
		displayName: 'Cancel URL',
		name: 'cancelUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/cancelled',
		description: 'Where ComplyCube sends the client if they leave the page',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Allow Document Upload',
				name: 'allowDocumentUpload',
				type: 'boolean',
				default: true,
				description: 'Whether the client may upload a photo of their document; off, they must capture it with their phone camera',
				displayOptions: checkTypesOnly,
			},
			{
				displayName: 'Document Types',
				name: 'documentTypes',
				type: 'multiOptions',
				options: DOCUMENT_TYPES,
				default: [],
				description: 'The ID documents the client may choose from; leave empty for every type ComplyCube supports',
				displayOptions: checkTypesOnly,
			},
			{
				displayName: 'Enable Monitoring',
				name: 'enableMonitoring',
				type: 'boolean',
				default: false,
				description: 'Whether ComplyCube keeps monitoring the client after the checks (screening checks)',
				displayOptions: { show: { '/mode': ['checkTypes'] } },
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: '',
				placeholder: 'e.g. en',
				description: 'The language of the page, as a two-letter code (en, de, fr, …)',
				displayOptions: checkTypesOnly,
			},
			{
				displayName: 'Messages (JSON)',
				name: 'messages',
				type: 'json',
				default: '{}',
				description: "Your own texts for the page, as ComplyCube's messages object (see its Create a session page)",
				displayOptions: checkTypesOnly,
			},
			{
				displayName: 'Short URL',
				name: 'shortUrl',
				type: 'boolean',
				default: false,
				description: 'Whether ComplyCube answers a short link, e.g. for a text message',
			},
			{
				displayName: 'Support Email',
				name: 'supportEmail',
				type: 'string',
				default: '',
				placeholder: 'e.g. support@example.com',
				description: 'The address the page shows for help; none is shown if empty',
			},
			{
				displayName: 'Theme',
				name: 'theme',
				type: 'options',
				options: [
					{ name: 'Dark', value: 'dark' },
					{ name: 'Light', value: 'light' },
				],
				default: 'light',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['flowSession'], operation: ['create'] } }, properties);

/**
 * What only a check-driven page takes [Docs create-a-session-check-driven; Node SDK 1.1.13 Flow.d.ts FlowRequest]:
 * enableMonitoring, language, allowDocumentUpload, messages, documentTypes ({passport: true, …}). A saved workflow
 * switched to the template mode may still hold them: they are not sent there.
 */
function checkDrivenOptions(options: IDataObject): IDataObject {
	const body: IDataObject = {};
	if (options.enableMonitoring !== undefined) body.enableMonitoring = Boolean(options.enableMonitoring);
	const language = String(options.language ?? '').trim();
	if (language) body.language = language;
	if (options.allowDocumentUpload !== undefined) body.allowDocumentUpload = Boolean(options.allowDocumentUpload);
	const messages = jsonObject('Messages', options.messages);
	if (messages) body.messages = messages;
	const documentTypes = Array.isArray(options.documentTypes) ? (options.documentTypes as string[]) : [];
	// Only the chosen types are enabled: each documented type is sent, true or false, so none is left to ComplyCube's default.
	if (documentTypes.length) body.documentTypes = Object.fromEntries(DOCUMENT_TYPES.map(({ value }) => [value, documentTypes.includes(value)]));
	return body;
}

/**
 * POST /flow/sessions: ComplyCube answers `{redirectUrl}`, the hosted page to send the client to. The output
 * adds the client and template (or check types), so a later node (e.g. an e-mail) has everything in one item.
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const mode = ctx.getNodeParameter('mode', itemIndex) as string;
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const body: IDataObject = { clientId };
	if (mode === 'checkTypes') {
		const checkTypes = (ctx.getNodeParameter('checkTypes', itemIndex, []) as string[]).filter(Boolean);
		if (checkTypes.length === 0) {
			throw new InputRefusal('Check Types is empty', 'Pick at least one check under Check Types, or use the Workflow Template mode.');
		}
		body.checkTypes = checkTypes;
	} else {
		body.workflowTemplateId = requiredId(ctx, 'workflowTemplateId', 'Workflow Template ID', itemIndex);
	}
	body.successUrl = requiredText(ctx, 'successUrl', 'Success URL', itemIndex);
	assertAbsoluteUrl('Success URL', body.successUrl as string);
	body.cancelUrl = requiredText(ctx, 'cancelUrl', 'Cancel URL', itemIndex);
	assertAbsoluteUrl('Cancel URL', body.cancelUrl as string);

	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const supportEmail = String(options.supportEmail ?? '').trim();
	if (supportEmail) {
		assertEmail('Support Email', supportEmail);
		body.supportEmail = supportEmail;
	}
	if (options.theme) body.theme = options.theme;
	if (options.shortUrl !== undefined) body.shortUrl = Boolean(options.shortUrl);
	if (mode === 'checkTypes') Object.assign(body, checkDrivenOptions(options));

	const answer = await complyCubeApiRequest(ctx, { method: 'POST', path: '/flow/sessions', body, idempotent: false });
	if (typeof answer.redirectUrl !== 'string' || !answer.redirectUrl) {
		throw new UnexpectedAnswerError('ComplyCube', 200, answer, 'a redirectUrl');
	}
	const link = mode === 'checkTypes' ? { checkTypes: body.checkTypes } : { workflowTemplateId: body.workflowTemplateId };
	return { json: { ...answer, clientId, ...link } };
}
