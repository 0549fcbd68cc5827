import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { splitFileName } from '../../../shared/files/file-name';
import { requiredText } from '../../../shared/parameters/parameters';

export const attachmentNameField: INodeProperties = {
	displayName: 'Attachment Name',
	name: 'attachmentName',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. avatar',
	description: 'The name the upload answered as fileName: the file name without its extension',
};

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
