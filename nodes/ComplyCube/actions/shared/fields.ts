import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputRefusal } from '../../../shared/parameters/input-refusal';
import { itemParameter } from '../../../shared/parameters/item-parameter';
import { idLocator } from '../../../shared/parameters/resource-locator';

/** A required ComplyCube ID parameter (`clientId`, `documentId`, …). */
export function idField(name: string, displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 5eb04fcd0f3e360008035eb1',
		description,
	};
}

const ID_PLACEHOLDER = 'e.g. 5eb04fcd0f3e360008035eb1';

/** From List searches the clients by name or e-mail (methods/listSearch.ts); By ID as before. */
export const clientIdField = idLocator({
	displayName: 'Client ID',
	name: 'clientId',
	searchListMethod: 'searchClients',
	idPlaceholder: ID_PLACEHOLDER,
	description: 'The ComplyCube client: pick it by name or e-mail, or give the ID that Client → Create answered',
});
export const documentIdField = idField('documentId', 'Document ID', 'The ComplyCube document (the ID that Document → Create answered)');
export const livePhotoIdField = idField('livePhotoId', 'Live Photo ID', 'The ComplyCube live photo (the ID that Live Photo → Upload answered)');
export const liveVideoIdField = idField(
	'liveVideoId',
	'Live Video ID',
	'The ComplyCube live video (recorded by the client on the hosted page or with a ComplyCube SDK; Live Video → Get Many lists them)',
);
export const checkIdField = idField('checkId', 'Check ID', 'The ComplyCube check (the ID that Check → Create answered)');
/** From List offers the templates the account's workflow sessions were started from (methods/listSearch.ts). */
export const workflowTemplateIdField = idLocator({
	displayName: 'Workflow Template ID',
	name: 'workflowTemplateId',
	searchListMethod: 'searchWorkflowTemplates',
	idPlaceholder: 'e.g. 688f1e2837d2a9000202ad01',
	description:
		'The workflow template in ComplyCube (Workflows in the ComplyCube portal); it must have an active version. From List shows the templates verification links were already started from; give a new one By ID.',
});
export const workflowSessionIdField = idField(
	'workflowSessionId',
	'Workflow Session ID',
	'The ComplyCube workflow session (created when the client starts a verification link; Workflow Session → Get Many lists them)',
);

/** ComplyCube's genders (a client's personDetails, a custom list's person entity). */
export const genderField: INodeProperties = {
	displayName: 'Gender',
	name: 'gender',
	type: 'options',
	options: [
		{ name: 'Female', value: 'female' },
		{ name: 'Male', value: 'male' },
		{ name: 'Other', value: 'other' },
	],
	default: 'female',
};

export const documentSideField: INodeProperties = {
	displayName: 'Document Side',
	name: 'documentSide',
	type: 'options',
	options: [
		{ name: 'Front', value: 'front' },
		{ name: 'Back', value: 'back' },
	],
	default: 'front',
	description: 'Which side of the document this image shows',
};

/** The Document Side of an item: 'front' or 'back', also when an expression gives it. Refused before sending otherwise. */
export function readDocumentSide(ctx: IExecuteFunctions, itemIndex: number): 'front' | 'back' {
	const side = String(itemParameter(ctx, 'documentSide', itemIndex, 'front') ?? '').trim();
	if (side !== 'front' && side !== 'back') {
		throw new InputRefusal(`Document Side '${side}' is not front or back`, "Set Document Side to 'front' or 'back' (an expression must give one of the two).");
	}
	return side;
}
