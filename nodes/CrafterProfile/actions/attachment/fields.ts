import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { splitFileName } from '../../../shared/files/file-name';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';

export const profileIdField: INodeProperties = {
	displayName: 'Profile ID',
	name: 'profileId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 6650a1f2c3d4e5f60718293a',
	description: 'The 24-character ID of the Crafter profile',
};

export const attachmentNameField: INodeProperties = {
	displayName: 'Attachment Name',
	name: 'attachmentName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. avatar',
	description: 'The name the upload answered as fileName: the file name without its extension',
};

/**
 * The item's Profile ID. Crafter's profiles are MongoDB ObjectIds (24 hex characters): anything else the
 * server answers with a 500, so it is refused before sending.
 */
export function profileIdOf(ctx: IExecuteFunctions, itemIndex: number): string {
	const profileId = requiredId(ctx, 'profileId', 'Profile ID', itemIndex);
	if (!/^[0-9a-fA-F]{24}$/.test(profileId)) {
		const shown = profileId.length > 40 ? `${profileId.slice(0, 40)}…` : profileId;
		throw new InputRefusal(
			`Profile ID '${shown}' is not a Crafter profile ID`,
			'Set Profile ID to the 24 hexadecimal characters of the profile (e.g. 6650a1f2c3d4e5f60718293a), as Crafter Profile shows it.',
		);
	}
	return profileId;
}

/** Crafter finds an attachment by the name before the extension; "avatar.png" is taken as "avatar". */
export function attachmentName(ctx: IExecuteFunctions, itemIndex: number): string {
	const name = requiredText(ctx, 'attachmentName', 'Attachment Name', itemIndex);
	const { base } = splitFileName(name);
	if (base.includes('.')) {
		throw new NodeOperationError(ctx.getNode(), `The Attachment Name '${name}' has a dot in it`, {
			itemIndex,
			description: 'Crafter names attachments by the part before the first dot: use the fileName the upload answered.',
		});
	}
	return base;
}
