import { NodeOperationError, updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requiredId, requiredText } from '../../../shared/parameters/parameters';
import { itemParameter } from '../../../shared/parameters/item-parameter';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { ARGOS_MAX_REQUEST_BYTES } from '../../../shared/files/upload-rules';
import { argosApiRequest, multipartOf, submissionImagesFinder } from '../../transport';
import { adminField } from './fields';
import { IMAGE_SLOTS, readSubmissionImages } from './images';

export const ID_TYPES = [
	['Drivers License', 'drivers_license'],
	['Government ID', 'government_id'],
	['Passport', 'passport'],
	['Residence Permit', 'residence_permit'],
	['Vehicle Registration Certificate', 'vehicle_registration_certificate'],
	['Visa', 'visa'],
	['Aadhaar', 'aadhaar'],
	['PAN Card', 'pancard'],
] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Submission ID',
		name: 'submissionId',
		type: 'string',
		default: '',
		required: true,
		description: 'The Argos submission whose images are set',
	},
	adminField,
	{
		displayName: 'ID Type',
		name: 'idType',
		type: 'options',
		options: [{ name: 'None (Selfie or Address Only)', value: '' }, ...ID_TYPES.map(([name, value]) => ({ name, value }))],
		default: '',
		description: 'The kind of ID document. Required with an ID Front or ID Back image. For a type Argos added later, switch to Expression and type its code.',
	},
	{
		displayName: 'Images',
		name: 'images',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add image',
		default: { image: [{ type: 'idImage', binaryPropertyName: 'data' }] },
		description: 'Every image goes in one request; an image already on the submission is replaced',
		options: [
			{
				displayName: 'Image',
				name: 'image',
				values: [
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: Object.entries(IMAGE_SLOTS).map(([value, name]) => ({ name, value })),
						default: 'idImage',
					},
					{
						displayName: 'Input Binary Field',
						name: 'binaryPropertyName',
						type: 'string',
						default: 'data',
						description: 'The input binary field holding this JPG or PNG image',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['submission'], operation: ['putImage'] } }, properties);

export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const submissionId = requiredId(ctx, 'submissionId', 'Submission ID', itemIndex);
	const admin = requiredText(ctx, 'admin', 'Admin Email', itemIndex);
	const idType = String(itemParameter(ctx, 'idType', itemIndex, '') ?? '').trim();
	const images = await readSubmissionImages(ctx, itemIndex, idType);
	// Argos takes images as base64 text fields, not file parts.
	const fields: Array<[string, string]> = [
		['submissionId', submissionId],
		['admin', admin],
		...(idType ? [['idType', idType] as [string, string]] : []),
		...images,
	];
	const size = multipartOf(fields).body.length;
	if (size > ARGOS_MAX_REQUEST_BYTES) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The request would be ${size.toLocaleString('en-US')} bytes, over the ${ARGOS_MAX_REQUEST_BYTES.toLocaleString('en-US')} bytes Argos accepts`,
			{
				itemIndex,
				description:
					'Base64 makes each image a third larger. Compress the images (e.g. with an Edit Image node) or send them in two Argos nodes, since each request only replaces the images it carries. Nothing was sent for this item.',
			},
		);
	}
	const json = await argosApiRequest(ctx, {
		method: 'PUT',
		path: '/submission/image',
		fields,
		idempotent: true,
		itemIndex,
		transfer: true,
		reconcile: submissionImagesFinder(ctx, itemIndex, submissionId, images),
	});
	return { json };
}
