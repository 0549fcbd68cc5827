import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { binaryPropertyField } from '../../../shared/parameters/binary-property';
import { readUploadFile } from '../../../shared/files/binary-input';
import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { itemParameter } from '../../../shared/parameters/item-parameter';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { complyCubeLivePhotoRules } from '../../../shared/files/upload-rules';
import { Base64Field } from '../../../shared/http/json-body';
import { complyCubeApiRequest } from '../../transport';
import { livePhotoFinder } from '../../transport/reconcile';
import { clientIdField } from '../shared/fields';

const properties: INodeProperties[] = [
	{ ...clientIdField, description: 'The ComplyCube client the selfie belongs to' },
	binaryPropertyField('A JPG or PNG selfie, between 34,816 and 4,000,000 bytes'),
	{
		displayName: 'Perform Liveness Check',
		name: 'performLivenessCheck',
		type: 'boolean',
		default: true,
		description: 'Whether ComplyCube should check that the photo shows a live person',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['livePhoto'], operation: ['upload'] } }, properties);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const clientId = requiredId(ctx, 'clientId', 'Client ID', itemIndex);
	const binaryPropertyName = requiredText(ctx, 'binaryPropertyName', 'Input Binary Field', itemIndex);
	const performLivenessCheck = itemParameter(ctx, 'performLivenessCheck', itemIndex, true) as boolean;
	const file = await readUploadFile(ctx, itemIndex, binaryPropertyName, complyCubeLivePhotoRules);
	const json = await complyCubeApiRequest(ctx, {
		method: 'POST',
		path: '/livePhotos',
		body: { clientId, data: new Base64Field(file.bytes), performLivenessCheck },
		// Each upload adds a live photo: after an ambiguous failure, the client's newest one of this size is looked for.
		idempotent: false,
		answer: 'created',
		itemIndex,
		transfer: true,
		reconcile: livePhotoFinder(ctx, itemIndex, clientId, file.bytes.length),
		howToCheck: `List the live photos of client ${clientId} (Live Photo → Get Many) and look for one of ${file.bytes.length.toLocaleString('en-US')} bytes created in the last minutes.`,
	});
	return { json };
}
