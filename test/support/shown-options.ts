import { NodeHelpers, type IExecuteFunctions, type INode, type INodeParameters, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

export const typeName = (description: INodeTypeDescription) => `n8n-nodes-identity-uploads.${description.name}`;

/** The options of the `name` parameter the editor shows for these values, as n8n decides it from displayOptions. */
export function shownOptions(description: INodeTypeDescription, values: INodeParameters, name: string): string[] {
	const instance = { type: typeName(description), typeVersion: 1, parameters: values } as unknown as INode;
	const shown = description.properties.filter(
		(property: INodeProperties) => property.name === name && NodeHelpers.displayParameter(values, property, instance, description),
	);
	expect(shown).toHaveLength(1);
	return (shown[0].options as Array<{ value: string }>).map((option) => option.value);
}

/** The least of a node context a router reads, for the node used as an AI agent's tool (type `<name>Tool`), with no items. */
export const toolContext = (toolType: string, parameters: Record<string, unknown>) =>
	({
		getNode: () => ({ name: 'Tool', type: `n8n-nodes-identity-uploads.${toolType}`, typeVersion: 1, parameters }),
		getNodeParameter: (name: string, _index: number, fallback?: unknown) => parameters[name] ?? fallback,
		getInputData: () => [],
		continueOnFail: () => false,
	}) as unknown as IExecuteFunctions;
