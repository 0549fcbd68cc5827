import type { INodeProperties } from 'n8n-workflow';

import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { assertTokenId, MAX_TOKENS_PER_REQUEST, tokenIdList } from './token-id';

export const tokenIdField: INodeProperties = {
	displayName: 'Token ID',
	name: 'privateModeId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. user001a',
	description: 'A Token ID of the Private Mode pool',
};

export const tokenIdsField: INodeProperties = {
	displayName: 'Token IDs',
	name: 'privateModeIds',
	type: 'string',
	typeOptions: { rows: 3 },
	default: '',
	placeholder: 'e.g. user001a, user002b',
	description: 'Token IDs separated by commas, spaces or new lines: at most 500, each 8 to 64 letters, digits, hyphens, underscores or periods',
};

/** The Token IDs of a list field: each in Argos's format, at most 500 (one request) [POST-TOKEN] [DEL-TOKEN]. */
export function checkedTokenIds(text: string, label: string): string[] {
	const tokenIds = tokenIdList(text);
	if (tokenIds.length > MAX_TOKENS_PER_REQUEST) {
		throw new InputRefusal(
			`${label} holds ${tokenIds.length.toLocaleString('en-US')} Token IDs; Argos takes at most ${MAX_TOKENS_PER_REQUEST} in one request`,
			`Split the list over several items of at most ${MAX_TOKENS_PER_REQUEST} Token IDs each (e.g. with the Loop Over Items node).`,
		);
	}
	for (const tokenId of tokenIds) assertTokenId(tokenId, label === 'Token IDs' ? 'Token ID' : label);
	return tokenIds;
}
