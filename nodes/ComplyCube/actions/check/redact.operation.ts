import { updateDisplayOptions, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { pathSegment } from '../../../shared/http/path-segment';
import type { OperationResult } from '../../../shared/items/per-item-runner';
import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { requiredId } from '../../../shared/parameters/parameters';
import { checkIdField } from '../shared/fields';
import { redact, redactNotice } from '../shared/redact';

const option = (value: string, name: string) => ({ name, value });

const properties: INodeProperties[] = [
	redactNotice("the chosen details of this document check's outcome"),
	{ ...checkIdField, description: 'The document check whose outcome to redact (only document checks can be redacted)' },
	{
		displayName: 'Attributes',
		name: 'attributes',
		type: 'multiOptions',
		// [Docs checks/redact-a-check "Attributes"]
		options: [
			option('address', 'Address'),
			option('birthPlace', 'Birth Place'),
			option('dob', 'Date of Birth'),
			option('documentDiscriminator', 'Document Discriminator'),
			option('documentNumber', 'Document Number'),
			option('expirationDate', 'Expiration Date'),
			option('firstName', 'First Name'),
			option('gender', 'Gender'),
			option('healthInsuranceNumber', 'Health Insurance Number'),
			option('issuingAuthority', 'Issuing Authority'),
			option('issuingCountry', 'Issuing Country'),
			option('issuingDate', 'Issuing Date'),
			option('issuingPlace', 'Issuing Place'),
			option('lastName', 'Last Name'),
			option('mrz', 'MRZ'),
			option('nationality', 'Nationality'),
			option('personalNumber', 'Personal Number'),
			option('taxIdentificationNumber', 'Tax Identification Number'),
		],
		default: [],
		description: 'The extracted details to mask',
	},
	{
		displayName: 'Images',
		name: 'images',
		type: 'multiOptions',
		// [Docs checks/redact-a-check "Images"]
		options: [
			option('all', 'All (Front and Back)'),
			option('code', 'Codes (Barcodes, QR Codes)'),
			option('face', 'Faces'),
			option('fingerprint', 'Fingerprints'),
			option('securityElements', 'Security Elements'),
			option('signature', 'Signature'),
		],
		default: [],
		description: 'The image features to mask',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['check'], operation: ['redact'] } }, properties);

/** POST /checks/{id}/redact `{attributes?, images?}`: document checks only. */
export async function execute(ctx: IExecuteFunctions, itemIndex: number): Promise<OperationResult> {
	const checkId = requiredId(ctx, 'checkId', 'Check ID', itemIndex);
	const attributes = ctx.getNodeParameter('attributes', itemIndex, []) as string[];
	const images = ctx.getNodeParameter('images', itemIndex, []) as string[];
	if (!attributes.length && !images.length) {
		throw new InputRefusal('Nothing to redact', 'Choose at least one of Attributes or Images.');
	}
	const body = { ...(attributes.length ? { attributes } : {}), ...(images.length ? { images } : {}) };
	await redact(ctx, itemIndex, `/checks/${pathSegment(checkId)}`, body);
	return { json: { id: checkId, redacted: true, ...body } };
}
