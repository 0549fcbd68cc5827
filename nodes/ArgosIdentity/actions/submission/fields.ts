import type { INodeProperties } from 'n8n-workflow';

export const submissionIdField: INodeProperties = {
	displayName: 'Submission ID',
	name: 'submissionId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5f1c9a2b7d3e40a1',
	description: 'The ID of the Argos submission',
};

export const adminField: INodeProperties = {
	displayName: 'Admin Email',
	name: 'admin',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
	required: true,
	description: 'The e-mail of an admin of your Argos dashboard, recorded as who changed the submission',
};

/** [GET-SUB] request_type; "Everything" sends none. */
export const requestTypeOption: INodeProperties = {
	displayName: 'Request Type',
	name: 'requestType',
	type: 'options',
	default: 'everything',
	description: 'Which part of each submission Argos returns',
	options: [
		{ name: 'AML', value: 'aml', description: 'The AML screening data and the submission ID' },
		{ name: 'Everything', value: 'everything', description: 'The whole submission' },
		{ name: 'KYC', value: 'kyc', description: 'The KYC result and the submission ID' },
		{ name: 'Others', value: 'others', description: 'Everything except KYC, AML and personal information' },
		{ name: 'Personal Data', value: 'data', description: 'The personal information and the submission ID' },
	],
};

export const REQUEST_TYPES = ['kyc', 'aml', 'data', 'others'];
