import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId, shownId } from '../../../shared/parameters/parameters';
import { idLocator } from '../../../shared/parameters/resource-locator';

/** From List searches the profiles by username (methods/listSearch.ts); By ID takes the 24-character ID. */
export const profileIdField: INodeProperties = idLocator({
	displayName: 'Profile ID',
	name: 'profileId',
	searchListMethod: 'searchProfiles',
	idPattern: '[0-9a-fA-F]{24}',
	idPlaceholder: 'e.g. 6650a1f2c3d4e5f60718293a',
	description: 'The Crafter profile: pick it by username, or give its 24-character ID',
});

/** Crafter's profiles are MongoDB ObjectIds: 24 hex characters. */
export const isProfileId = (id: string) => /^[0-9a-fA-F]{24}$/.test(id);

/**
 * The item's Profile ID. Crafter's profiles are MongoDB ObjectIds (24 hex characters): anything else the
 * server answers with a 500, so it is refused before sending.
 */
export function profileIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const profileId = requiredId(ctx, 'profileId', 'Profile ID', itemIndex);
	if (!isProfileId(profileId)) {
		throw new InputRefusal(
			`Profile ID '${shownId(profileId)}' is not a Crafter profile ID`,
			'Set Profile ID to the 24 hexadecimal characters of the profile (e.g. 6650a1f2c3d4e5f60718293a), as Crafter Profile shows it.',
		);
	}
	return profileId;
}
