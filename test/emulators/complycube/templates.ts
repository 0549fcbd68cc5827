/** Workflow templates seeded in every emulator; ids are fixed 24-hex strings like ComplyCube's. */
export interface ComplyCubeWorkflowTemplate {
	id: string;
	name: string;
	active: boolean;
	checkTypes: string[];
	description?: string;
	/** The id of the template's active workflow version (a workflow session's workflowId). */
	workflowId?: string;
}

// [Docs workflow-sessions/get-a-workflow-session example] templates have an id (e.g. 68566be2a37a78622f4f7be3), a name and versioned workflows.
// The templates themselves are inferred: ComplyCube accounts create their own in the portal.
export const COMPLYCUBE_WORKFLOW_TEMPLATES: ComplyCubeWorkflowTemplate[] = [
	{
		id: '68566be2a37a78622f4f7b01',
		name: 'Identity verification',
		active: true,
		checkTypes: ['document_check', 'identity_check'],
		description: 'Document check plus a selfie liveness check',
		workflowId: '68566be3a37a78622f4f7c01',
	},
	{
		id: '68566be2a37a78622f4f7b02',
		name: 'AML screening only',
		active: true,
		checkTypes: ['standard_screening_check'],
		description: 'Standard AML screening, no documents',
		workflowId: '68566be3a37a78622f4f7c02',
	},
	{
		id: '68566be2a37a78622f4f7b03',
		name: 'Legacy onboarding',
		active: false,
		checkTypes: ['document_check'],
		description: 'A template with no active version',
	},
];

export const templateById = (id: unknown) => COMPLYCUBE_WORKFLOW_TEMPLATES.find((template) => template.id === id);
