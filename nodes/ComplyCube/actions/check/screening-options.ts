import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { jsonObject } from '../shared/json-object';
import { SCREENING_CHECKS } from './types';

/**
 * [Docs check-types/aml-screening-check "The options object"] screeningListsScope (object), screeningNameSearchMode
 * (fuzzy | precise; fuzzy when absent), screeningClassification (array; all eligible when absent).
 */
const CLASSIFICATIONS = [
	'pepLevel1',
	'pepLevel2',
	'pepLevel3',
	'pepLevel4',
	'watchlistSanctionsLists',
	'watchlistOtherOfficialLists',
	'watchlistWarCrimes',
	'watchlistTerror',
	'watchlistOtherExclusionLists',
	'watchlistSanctionsControlAndOwnership',
	'adverseMediaEnvironmentProduction',
	'adverseMediaSocialLabour',
	'adverseMediaCompetitiveFinancial',
	'adverseMediaRegulatory',
	'otherListsAssociatedEntity',
	'otherListsOrganisedCrime',
	'otherListsFinancialCrime',
	'otherListsTaxCrime',
	'otherListsCorruption',
	'otherListsTrafficking',
];

/** 'watchlistSanctionsLists' → 'Watchlist Sanctions Lists'. */
const words = (value: string) => value.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());

const shownForScreening = { show: { '/checkType': SCREENING_CHECKS } };

export const screeningOptionFields: INodeProperties[] = [
	{
		displayName: 'Screening Classification',
		name: 'screeningClassification',
		type: 'multiOptions',
		options: CLASSIFICATIONS.map((value) => ({ name: words(value), value })).sort((a, b) => a.name.localeCompare(b.name)),
		default: [],
		description: 'Which kinds of match to look for; leave empty for all that the check type covers',
		displayOptions: shownForScreening,
	},
	{
		displayName: 'Screening Lists Scope (JSON)',
		name: 'screeningListsScope',
		type: 'json',
		default: '{}',
		description:
			"The lists to search, as ComplyCube's screeningListsScope object (see its AML Screening Check page; Static Data → Get Screening Lists names the lists). Leave {} to search all eligible lists.",
		displayOptions: shownForScreening,
	},
	{
		displayName: 'Screening Name Search Mode',
		name: 'screeningNameSearchMode',
		type: 'options',
		options: [
			{ name: 'Fuzzy', value: 'fuzzy', description: 'Also match names that sound or are spelled alike' },
			{ name: 'Precise', value: 'precise', description: 'Match exact names only' },
		],
		default: 'fuzzy',
		description: 'How names are matched against the lists',
		displayOptions: shownForScreening,
	},
];

/** The `options` object of a screening check: only what the user set, so ComplyCube's defaults apply otherwise. */
export function screeningOptions(options: IDataObject): IDataObject {
	const result: IDataObject = {};
	if (Array.isArray(options.screeningClassification) && options.screeningClassification.length)
		result.screeningClassification = options.screeningClassification;
	if (options.screeningNameSearchMode) result.screeningNameSearchMode = options.screeningNameSearchMode;
	const scope = jsonObject('Screening Lists Scope', options.screeningListsScope);
	if (scope) result.screeningListsScope = scope;
	return result;
}
