import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { assertEmail } from '../../../shared/parameters/email';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { optionalText, requiredId } from '../../../shared/parameters/parameters';
import { argosEncryption } from '../../transport/encrypted-answer';
import { encryptArgosJson } from '../../transport/encryption';
import { assertTokenId, freshTokenId } from '../token/token-id';
import { ISO_ALPHA3 } from './country-codes';
import { LIVEFORM_URL, liveformUrl } from './liveform-url';
import { ensureRegistered, plannedTokenId } from './token-batch';

/** [QS-TOKEN] the policy switches that take only `false`: each turns one project policy off for this submission. */
const POLICY_SWITCHES = ['ageLimit', 'approvePeriod', 'blacklistCountries', 'rejectPeriod'];

const properties: INodeProperties[] = [
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 7d0e2c1f9b',
		description: "The project's ID (pid), shown in the Argos dashboard's project settings",
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: "The applicant's e-mail address (email)" },
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		description: 'Your own ID of the applicant (userid), returned with the submission and its webhooks',
	},
	{
		displayName: 'Private Mode',
		name: 'privateMode',
		type: 'boolean',
		default: false,
		description:
			'Whether the project is in Private Mode (dashboard: Security Settings, Access Control): the link then carries a Token ID, registered with Argos first, so it cannot be shared or reused. A token expires 3 minutes after first use, and is refused once its submission has a KYC status.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Allowed Countries',
				name: 'allowedCountries',
				type: 'string',
				default: '',
				placeholder: 'e.g. USA,KOR',
				description:
					'Only ID documents of these countries are accepted: ISO 3166-1 alpha-3 codes, separated by commas. Sent encrypted (Argos takes it no other way).',
			},
			{
				displayName: 'Allowed ID Types',
				name: 'allowedIdTypes',
				type: 'string',
				default: '',
				placeholder: 'e.g. passport,drvlic',
				description: "Only these ID types are accepted, separated by commas, as the project's dashboard names them. Sent encrypted.",
			},
			{
				displayName: 'Auxiliary Verification',
				name: 'auxidField',
				type: 'options',
				default: 'phoneNumber',
				options: [{ name: 'Phone Number', value: 'phoneNumber', description: 'An SMS check of the phone number' }],
				description: 'A check of identity beyond the ID and selfie (auxidField). Sent encrypted.',
			},
			{ displayName: 'Custom Field 1', name: 'cf1', type: 'string', default: '', description: 'Any value of yours (cf1), returned with the submission' },
			{ displayName: 'Custom Field 2', name: 'cf2', type: 'string', default: '', description: 'Any value of yours (cf2), returned with the submission' },
			{ displayName: 'Custom Field 3', name: 'cf3', type: 'string', default: '', description: 'Any value of yours (cf3), returned with the submission' },
			{
				displayName: 'Encrypted Only',
				name: 'encryptedOnly',
				type: 'boolean',
				default: false,
				description:
					"Whether the project's Encrypted Only mode is on (dashboard: Data Protection): every option then goes inside the encrypted parameter; only the project ID and language stay plain",
			},
			{
				displayName: 'Language',
				name: 'lang',
				type: 'string',
				default: '',
				placeholder: 'e.g. en',
				description: 'The language the Liveform opens in (lang), e.g. en or ko',
			},
			{
				displayName: 'Link Valid Until',
				name: 'startValidUntil',
				type: 'dateTime',
				default: '',
				description: 'After this moment the link can no longer be opened (startValidUntil, UTC). Sent encrypted.',
			},
			{
				displayName: 'Liveform URL',
				name: 'liveformUrl',
				type: 'string',
				default: LIVEFORM_URL,
				description: 'The Liveform page the link opens. Change it only for a proxy or a local emulator.',
			},
			{
				displayName: 'Register Token',
				name: 'registerToken',
				type: 'boolean',
				default: true,
				displayOptions: { show: { '/privateMode': [true] } },
				description:
					"Whether to register the Token ID with Argos before making the link. Needed when the project's Live-form Token ID Pre-registration is on; off, the token is only put in the link.",
			},
			{
				displayName: 'Reject Duplicate User',
				name: 'rejectDuplicateUser',
				type: 'options',
				default: 'true',
				options: [
					{ name: 'On', value: 'true', description: 'Refuse a second submission of the same person' },
					{ name: 'Off', value: 'false', description: 'Let the same person submit again' },
				],
				description: "Overrides the project's duplicate-submission prevention for this submission (rejectDuplicateUser)",
			},
			{ displayName: 'Submission Identifier', name: 'sid', type: 'string', default: '', description: 'Your own identifier of this submission (sid)' },
			{
				displayName: 'Token ID',
				name: 'privateModeId',
				type: 'string',
				default: '',
				displayOptions: { show: { '/privateMode': [true] } },
				description: 'The Token ID to put in the link; empty, a fresh random one is made. 8 to 64 letters, digits, hyphens, underscores or periods.',
			},
			{
				displayName: 'Turn Off Policies',
				name: 'turnOff',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Age Limit', value: 'ageLimit' },
					{ name: 'Approved Duplicate Period', value: 'approvePeriod' },
					{ name: 'Blacklisted Countries', value: 'blacklistCountries' },
					{ name: 'Rejected Duplicate Period', value: 'rejectPeriod' },
				],
				description: 'Project policies this submission is exempt from (each sent as =false)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['verificationLink'], operation: ['create'] } }, properties);

/** The country codes of Allowed Countries, upper-cased; a code that is not ISO 3166-1 alpha-3 is refused. */
function allowedCountries(text: string): string {
	const codes = text
		.split(/[\s,]+/)
		.filter(Boolean)
		.map((code) => code.toUpperCase());
	const unknown = codes.filter((code) => !ISO_ALPHA3.has(code));
	if (unknown.length) {
		throw new InputRefusal(
			`Allowed Countries holds ${unknown.map((code) => `'${code}'`).join(', ')}, not ${unknown.length > 1 ? 'ISO 3166-1 alpha-3 country codes' : 'an ISO 3166-1 alpha-3 country code'}`,
			'Argos names countries by their three-letter ISO code: set Allowed Countries to codes such as USA,KOR,GBR.',
		);
	}
	return codes.join(',');
}

/** Link Valid Until as Argos's example writes it ("2026-04-30T15:00:00Z"): a moment still to come. */
function validUntil(value: string): string {
	const moment = new Date(value);
	if (Number.isNaN(moment.getTime()))
		throw new InputRefusal(`Link Valid Until '${value}' is not a date and time`, 'Set Link Valid Until to a moment such as 2026-04-30T15:00:00Z.');
	if (moment.getTime() <= Date.now()) {
		throw new InputRefusal(
			`Link Valid Until '${value}' has passed`,
			'The link would be expired before anyone opened it: set Link Valid Until to a moment still to come, or remove it.',
		);
	}
	return moment.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value).trim());

/**
 * The Liveform link [QS-TOKEN]: https://form.argosidentity.com/?pid=… with the plain options URL-encoded and
 * the encrypted-only ones (allowedCountries, allowedIdTypes, auxidField, startValidUntil: "Must be encrypted")
 * in `encrypted=`, encrypted with the credential's key and module [DATA-PROTECTION]. In Private Mode a fresh
 * Token ID is registered first (POST /submission/tokens [POST-TOKEN], the run's tokens in requests of at most
 * 500: token-batch.ts) and put in the link as `tokenId` (the parameter's name inferred: docs/argos-api.md).
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const projectId = requiredId(ctx, 'projectId', 'Project ID', itemIndex);
	const email = optionalText(ctx, 'email', itemIndex);
	if (email) assertEmail('Email', email);
	const userId = optionalText(ctx, 'userId', itemIndex);
	const privateMode = ctx.getNodeParameter('privateMode', itemIndex, false) as boolean;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const plain: Array<[string, string]> = [];
	const encrypted: Array<[string, string]> = [];
	const add = (name: string, value: string) => value && plain.push([name, value]);
	const seal = (name: string, value: string) => value && encrypted.push([name, value]);
	add('email', email ?? '');
	add('userid', userId ?? '');
	add('sid', text(options.sid));
	for (const name of ['cf1', 'cf2', 'cf3']) add(name, text(options[name]));
	for (const name of POLICY_SWITCHES) if (((options.turnOff ?? []) as string[]).includes(name)) add(name, 'false');
	if (options.rejectDuplicateUser !== undefined) add('rejectDuplicateUser', text(options.rejectDuplicateUser));
	if (text(options.allowedCountries)) seal('allowedCountries', allowedCountries(text(options.allowedCountries)));
	seal(
		'allowedIdTypes',
		text(options.allowedIdTypes)
			.split(/[\s,]+/)
			.filter(Boolean)
			.join(','),
	);
	seal('auxidField', text(options.auxidField));
	if (text(options.startValidUntil)) seal('startValidUntil', validUntil(text(options.startValidUntil)));

	let tokenId: string | undefined;
	if (privateMode) {
		tokenId = text(options.privateModeId) || plannedTokenId(ctx, itemIndex) || freshTokenId();
		assertTokenId(tokenId, 'Token ID');
		add('tokenId', tokenId);
	}
	const base = text(options.liveformUrl) || LIVEFORM_URL;
	if (!/^https?:\/\/[^/?#]+/i.test(base))
		throw new InputRefusal(`Liveform URL '${base}' is not a web address`, `Set Liveform URL to ${LIVEFORM_URL}, or remove the option.`);

	// [DATA-PROTECTION] Encrypted Only: "only pid, encrypted, lang parameters are allowed".
	const link = options.encryptedOnly === true ? { plain: [], encrypted: [...plain, ...encrypted] } : { plain, encrypted };
	const settings = await argosEncryption(ctx);
	if (privateMode && tokenId && options.registerToken !== false) await ensureRegistered(ctx, itemIndex, tokenId);
	const url = liveformUrl({ base, projectId, lang: text(options.lang) || undefined, ...link }, (value) =>
		encryptArgosJson(value, settings.keys[0], settings.module),
	);
	return { json: { url, projectId, ...(tokenId ? { tokenId } : {}) } };
}
