import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Reconcile } from '../../../shared/http/reconcile';
import { pathSegment } from '../../../shared/http/path-segment';
import { crafterApiRequest } from '../../transport';

/** Crafter names an attachment by its file name without the extension (commons-io removeExtension). */
const baseNameOf = (fileName: string) => (fileName.lastIndexOf('.') > 0 ? fileName.slice(0, fileName.lastIndexOf('.')) : fileName);

/**
 * Upload Attachment, after its last attempt failed in a way that may have reached Crafter: the attachment's
 * details when Crafter holds this file under its name byte for byte, undefined when it does not.
 */
export function attachmentFinder(ctx: IExecuteFunctions, itemIndex: number, profileId: string, fileName: string, sent: Buffer): Reconcile {
	return async () => {
		const base = pathSegment(baseNameOf(fileName));
		const details = await crafterApiRequest(ctx, { method: 'GET', url: `/${pathSegment(profileId)}/attachment/${base}/details`, json: true, itemIndex });
		const held = details.body as IDataObject | undefined;
		// Details of a name it does not have: 200 with every field null.
		if (!held?.id || Number(held.fileSizeBytes) !== sent.length) return undefined;
		const download = await crafterApiRequest(ctx, {
			method: 'GET',
			url: `/${pathSegment(profileId)}/attachment/${base}`,
			encoding: 'arraybuffer',
			json: false,
			itemIndex,
			transfer: true,
		});
		return Buffer.from(download.body as ArrayBuffer).equals(sent) ? held : undefined;
	};
}
