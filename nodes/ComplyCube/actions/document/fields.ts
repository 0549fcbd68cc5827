import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { assertIdNumber } from '../shared/personal-ids';
import { assertCountryCode } from '../shared/validate';
import { classificationOptions } from './types';

/** The optional document fields Create and Update share, sorted by name as the editor lists them. */
export const documentDetailFields: INodeProperties[] = [
	{
		displayName: 'Classification',
		name: 'classification',
		type: 'options',
		options: classificationOptions,
		default: 'proof_of_identity',
		description: 'What the document is used to prove',
	},
	{
		// [Docs check-types/driving-license-check "The provided document ... must include a valid documentNumber"]
		displayName: 'Document Number',
		name: 'documentNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. MORGA753116SM9IJ',
		description: 'The number printed on the document. A Driving Licence check needs it.',
	},
	{
		displayName: 'Issuing Country',
		name: 'issuingCountry',
		type: 'string',
		default: '',
		placeholder: 'e.g. GB',
		description: 'The country that issued the document, as an ISO 3166-1 alpha-2 code. A Document check needs it.',
	},
];

/**
 * The document fields of a body: trimmed, empty values left out; a country code or a document number ComplyCube
 * would refuse is refused here, naming the field (the number by its last characters only).
 */
export function documentDetails(fields: IDataObject): IDataObject {
	const text = (key: string) => (fields[key] === undefined || fields[key] === null ? '' : String(fields[key]).trim());
	const body: IDataObject = {};
	if (text('classification')) body.classification = text('classification');
	if (text('issuingCountry')) {
		assertCountryCode('Issuing Country', text('issuingCountry'));
		body.issuingCountry = text('issuingCountry');
	}
	if (text('documentNumber')) {
		assertIdNumber('Document Number', text('documentNumber'));
		body.documentNumber = text('documentNumber');
	}
	return body;
}
