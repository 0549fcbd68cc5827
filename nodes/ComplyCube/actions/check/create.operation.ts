import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { optionalId, requiredId } from '../../../shared/parameters/parameters';
import { complyCubeApiRequest } from '../../transport';
import { checkFinder } from '../../transport/reconcile';
import { clientIdField, documentIdField, idField, livePhotoIdField } from '../shared/fields';
import { screeningOptionFields, screeningOptions } from './screening-options';
import { CHECK_IDS, checkTypeOptions, SCREENING_CHECKS } from './types';

const showFor = (name: string) => ({ show: { checkType: CHECK_IDS.find((id) => id.name === name)!.types } });

const properties: INodeProperties[] = [
	clientIdField,
	{
		displayName: 'Check Type',
		name: 'checkType',
		type: 'options',
		options: checkTypeOptions,
		default: 'standard_screening_check',
		description: 'Which check to run. Each check is charged by ComplyCube.',
	},
	{
		...documentIdField,
		displayOptions: showFor('documentId'),
		description: 'The document to check (the ID that Document → Create answered; upload its images first)',
	},
	{ ...livePhotoIdField, displayOptions: showFor('livePhotoId') },
	{
		...idField('liveVideoId', 'Live Video ID', 'The live video of the client, recorded with a ComplyCube SDK or the hosted page'),
		displayOptions: showFor('liveVideoId'),
	},
	{
		...idField('addressId', 'Address ID', 'The ComplyCube address to check'),
		displayOptions: { show: { checkType: ['multi_bureau_check', 'identity_fraud_check'] } },
	},
	{
		...idField('addressId', 'Address ID', 'The ComplyCube address the document should show; optional'),
		required: false,
		displayOptions: { show: { checkType: ['proof_of_address_check'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: (
			[
				{
					displayName: 'Analysis Coverage',
					name: 'analysisCoverage',
					type: 'multiOptions',
					options: [
						{ name: 'Consistency Analysis', value: 'consistency_analysis' },
						{ name: 'Content Analysis', value: 'content_analysis' },
						{ name: 'Forensic Analysis', value: 'forensic_analysis' },
						{ name: 'Format Analysis', value: 'format_analysis' },
						{ name: 'Front and Back Analysis', value: 'front_back_analysis' },
						{ name: 'MRZ Analysis', value: 'mrz_analysis' },
					],
					default: [],
					description: 'Which analyses the document check runs; leave empty to run them all',
					displayOptions: { show: { '/checkType': ['document_check'] } },
				},
				{
					displayName: 'Client Consent',
					name: 'clientConsent',
					type: 'boolean',
					default: false,
					description: 'Whether the client has consented to being checked against the credit and data bureaus',
					displayOptions: { show: { '/checkType': ['multi_bureau_check'] } },
				},
				{
					displayName: 'Client Data Validation',
					name: 'clientDataValidation',
					type: 'boolean',
					default: false,
					description: "Whether to compare what the document says with the client's details",
					displayOptions: { show: { '/checkType': ['document_check'] } },
				},
				{
					displayName: 'Enable Monitoring',
					name: 'enableMonitoring',
					type: 'boolean',
					default: false,
					description: 'Whether ComplyCube should keep screening the client and report new matches',
					displayOptions: { show: { '/checkType': SCREENING_CHECKS } },
				},
				{
					displayName: 'Minimum Permitted Age',
					name: 'minimumPermittedAge',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 18,
					description: 'The youngest age the document holder may be',
					displayOptions: { show: { '/checkType': ['document_check'] } },
				},
				...screeningOptionFields,
				{
					// [Docs check-types/multi-bureau-check "options.twoPlusTwo" boolean, default false]
					displayName: 'Two Plus Two',
					name: 'twoPlusTwo',
					type: 'boolean',
					default: false,
					description:
						"Whether the client must be matched by two sources on name and address and two on name and date of birth (the '2+2' rule), rather than one",
					displayOptions: { show: { '/checkType': ['multi_bureau_check'] } },
				},
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['check'], operation: ['create'] } }, properties);

/** The `options` object of a document check; only what the user set, so ComplyCube's defaults apply otherwise. */
function documentCheckOptions(options: IDataObject): IDataObject {
	const result: IDataObject = {};
	if (Array.isArray(options.analysisCoverage) && options.analysisCoverage.length) result.analysisCoverage = options.analysisCoverage;
	if (options.minimumPermittedAge !== undefined) {
		const age = Number(options.minimumPermittedAge);
		if (!Number.isInteger(age) || age < 1) {
			throw new InputRefusal(
				`Minimum Permitted Age '${String(options.minimumPermittedAge)}' is not a whole number of years`,
				'Set Minimum Permitted Age to a whole number such as 18.',
			);
		}
		result.minimumPermittedAge = age;
	}
	if (options.clientDataValidation !== undefined) result.clientDataValidation = Boolean(options.clientDataValidation);
	return result;
}

/**
 * POST /checks `{clientId, type, documentId?, livePhotoId?, liveVideoId?, addressId?, enableMonitoring?, clientConsent?, options?}`.
 * Sends only the IDs and options the chosen type takes. Each check is charged, so it is sent again only when
 * ComplyCube refused it before acting (429) or was asked and holds no such check (transport/reconcile.ts).
 */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const type = ctx.getNodeParameter('checkType', itemIndex) as string;
	const body: IDataObject = { clientId, type };
	for (const id of CHECK_IDS) {
		if (!id.types.includes(type)) continue;
		const value = id.optional?.includes(type) ? optionalId(ctx, id.name, id.label, itemIndex) : requiredId(ctx, id.name, id.label, itemIndex);
		if (value) body[id.name] = value;
	}
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	if (SCREENING_CHECKS.includes(type) && options.enableMonitoring !== undefined) body.enableMonitoring = Boolean(options.enableMonitoring);
	if (type === 'multi_bureau_check' && options.clientConsent !== undefined) body.clientConsent = Boolean(options.clientConsent);
	let checkOptions: IDataObject = {};
	if (type === 'document_check') checkOptions = documentCheckOptions(options);
	if (SCREENING_CHECKS.includes(type)) checkOptions = screeningOptions(options);
	if (type === 'multi_bureau_check' && options.twoPlusTwo !== undefined) checkOptions = { twoPlusTwo: Boolean(options.twoPlusTwo) };
	if (Object.keys(checkOptions).length) body.options = checkOptions;
	// Each check is charged: after an ambiguous failure the client's checks are looked at before sending it again.
	const json = await complyCubeApiRequest(ctx, {
		method: 'POST',
		path: '/checks',
		body,
		idempotent: false,
		answer: 'created',
		itemIndex,
		reconcile: checkFinder(ctx, itemIndex, body),
		howToCheck: `List the checks of client ${clientId} (Check → Get Many) and look for a ${type} created in the last minutes.`,
	});
	return { json };
}
