import type { INodePropertyOptions } from 'n8n-workflow';

/** ComplyCube's check types (Docs "Check types"), sorted by name as the editor lists them. */
export const checkTypeOptions: INodePropertyOptions[] = [
	{ name: 'Age Estimation Check', value: 'age_estimation_check', description: 'Estimates the age of the person in a live photo' },
	{ name: 'Device Intelligence Check', value: 'device_intelligence_check', description: "Assesses the risk of the client's device" },
	{ name: 'Document Check', value: 'document_check', description: 'Checks that an identity document is authentic' },
	{ name: 'Driving Licence Check', value: 'driving_license_check', description: 'Verifies a driving licence document with the issuing authority' },
	{ name: 'eID Check', value: 'eid_check', description: 'Verifies the client through a national electronic ID' },
	{ name: 'Email Intelligence Check', value: 'email_intelligence_check', description: "Assesses the risk of the client's e-mail address" },
	{ name: 'Enhanced Identity Check', value: 'enhanced_identity_check', description: 'Matches a live video against an identity document' },
	{ name: 'Extensive Screening Check', value: 'extensive_screening_check', description: 'AML screening against an extended set of lists' },
	{ name: 'Face Authentication Check', value: 'face_authentication_check', description: "Matches a live photo against the client's earlier one" },
	{ name: 'Identity Check', value: 'identity_check', description: 'Matches a live photo against an identity document' },
	{ name: 'Identity Fraud Check', value: 'identity_fraud_check', description: 'Looks for signs of identity fraud for the client at an address' },
	{ name: 'Mobile Intelligence Check', value: 'mobile_intelligence_check', description: "Assesses the risk of the client's mobile number" },
	{ name: 'Multi-Bureau Check', value: 'multi_bureau_check', description: 'Verifies the client and an address against several credit and data bureaus' },
	{ name: 'Proof of Address Check', value: 'proof_of_address_check', description: 'Checks a proof-of-address document against an address' },
	{ name: 'SSN Check', value: 'ssn_check', description: 'Verifies a US Social Security number' },
	{ name: 'Standard Screening Check', value: 'standard_screening_check', description: 'AML screening against sanctions, watchlists and PEP lists' },
];

export const SCREENING_CHECKS = ['standard_screening_check', 'extensive_screening_check'];

/** Which ID each check type takes (docs.complycube.com, each check type's page); `optional` types may leave it empty. */
export const CHECK_IDS: ReadonlyArray<{ name: string; label: string; types: string[]; optional?: string[] }> = [
	{
		name: 'documentId',
		label: 'Document ID',
		types: ['document_check', 'identity_check', 'enhanced_identity_check', 'proof_of_address_check', 'driving_license_check'],
	},
	{ name: 'livePhotoId', label: 'Live Photo ID', types: ['identity_check', 'face_authentication_check', 'age_estimation_check'] },
	{ name: 'liveVideoId', label: 'Live Video ID', types: ['enhanced_identity_check'] },
	// proof_of_address_check lists only documentId; ComplyCube's PHP sandbox test sends an address too.
	{
		name: 'addressId',
		label: 'Address ID',
		types: ['proof_of_address_check', 'multi_bureau_check', 'identity_fraud_check'],
		optional: ['proof_of_address_check'],
	},
];
