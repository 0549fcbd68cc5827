import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * The document types ComplyCube documents for `type` (Docs "The Document object"; the list there is cut
 * short after the company types shown here). Sorted by name, as the editor lists them.
 */
export const documentTypeOptions: INodePropertyOptions[] = [
	{ name: 'Bank Statement', value: 'bank_statement' },
	{ name: 'Birth Certificate', value: 'birth_certificate' },
	{ name: 'Change of Name', value: 'change_of_name' },
	{ name: 'Company Annual Accounts', value: 'company_annual_accounts' },
	{ name: 'Company Confirmation Statement', value: 'company_confirmation_statement' },
	{ name: 'Driving License', value: 'driving_license' },
	{ name: 'National Identity Card', value: 'national_identity_card' },
	{ name: 'National Insurance Number', value: 'national_insurance_number' },
	{ name: 'Passport', value: 'passport' },
	{ name: 'Polling Card', value: 'polling_card' },
	{ name: 'Residence Permit', value: 'residence_permit' },
	{ name: 'Social Security Number', value: 'social_security_number' },
	{ name: 'Tax Document', value: 'tax_document' },
	{ name: 'Tax Identification Number', value: 'tax_identification_number' },
	{ name: 'Utility Bill', value: 'utility_bill' },
	{ name: 'Visa', value: 'visa' },
];
