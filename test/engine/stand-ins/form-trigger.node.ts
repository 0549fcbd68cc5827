import type { INodeType } from 'n8n-workflow';

import { standInDescription } from './description';

/**
 * n8n's Form Trigger: in-process runs hand it a submission as pinned items (what the real trigger
 * outputs: the answers under their field labels, each file as a binary named after its label).
 */
export class FormTrigger implements INodeType {
	description = standInDescription('formTrigger', 'n8n Form Trigger', [], [2, 2.1, 2.2], {
		group: ['trigger'],
		properties: [{ displayName: 'Form Title', name: 'formTitle', type: 'string', default: '' }],
	} as never);
}
