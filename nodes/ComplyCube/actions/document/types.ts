import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The document types ComplyCube documents for `type` (Docs "The Document object" and, for the company
 * filings at the end of the list, v1.7.2's "Create a document"). Sorted by name, as the editor lists them.
 */
export const documentTypeOptions: INodePropertyOptions[] = [
	{ name: 'Bank Statement', value: 'bank_statement' },
	{ name: 'Birth Certificate', value: 'birth_certificate' },
	{ name: 'Change of Name', value: 'change_of_name' },
	{ name: 'Company Annual Accounts', value: 'company_annual_accounts' },
	{ name: 'Company Change of Address', value: 'company_change_of_address' },
	{ name: 'Company Change of Beneficial Owners', value: 'company_change_of_beneficial_owners' },
	{ name: 'Company Change of Officers', value: 'company_change_of_officers' },
	{ name: 'Company Confirmation Statement', value: 'company_confirmation_statement' },
	{ name: 'Company Incorporation', value: 'company_incorporation' },
	{ name: 'Company Statement of Capital', value: 'company_statement_of_capital' },
	{ name: 'Driving License', value: 'driving_license' },
	{ name: 'National Identity Card', value: 'national_identity_card' },
	{ name: 'National Insurance Number', value: 'national_insurance_number' },
	{ name: 'Other', value: 'other' },
	{ name: 'Passport', value: 'passport' },
	{ name: 'Polling Card', value: 'polling_card' },
	{ name: 'Residence Permit', value: 'residence_permit' },
	{ name: 'Social Security Number', value: 'social_security_number' },
	{ name: 'Tax Document', value: 'tax_document' },
	{ name: 'Tax Identification Number', value: 'tax_identification_number' },
	{ name: 'Unknown', value: 'unknown' },
	{ name: 'Utility Bill', value: 'utility_bill' },
	{ name: 'Visa', value: 'visa' },
];

/** Docs v1.7.2 "Create a document": `classification` values. */
export const classificationOptions: INodePropertyOptions[] = [
	{ name: 'Company Filing', value: 'company_filing' },
	{ name: 'Other', value: 'other' },
	{ name: 'Proof of Address', value: 'proof_of_address' },
	{ name: 'Proof of Identity', value: 'proof_of_identity' },
	{ name: 'Source of Funds', value: 'source_of_funds' },
	{ name: 'Source of Wealth', value: 'source_of_wealth' },
];
