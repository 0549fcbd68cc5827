import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeListSearchResult, INodeType } from 'n8n-workflow';

import { additionalDataFor, toWorkflow, type WorkflowJson } from './run-workflow';
import { nodeTypes } from './node-types';

/**
 * Runs a resource locator's From List search as n8n's editor asks for it (DynamicNodeParametersService:
 * a LoadOptionsContext of the node as saved, then `methods.listSearch[method]` with the typed filter and the
 * page token), against whatever the credentials point at.
 */
export async function runListSearch(
	workflowJson: WorkflowJson,
	nodeName: string,
	method: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const workflow = toWorkflow(workflowJson);
	const node = workflow.getNode(nodeName);
	if (!node) throw new Error(`No node named ${nodeName}`);
	const nodeType = nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	const search = nodeType.methods?.listSearch?.[method];
	if (!search) throw new Error(`${node.type} has no listSearch method ${method}`);
	const context = new LoadOptionsContext(workflow, node, additionalDataFor(credentials), 'parameters');
	return await search.call(context, filter, paginationToken);
}
