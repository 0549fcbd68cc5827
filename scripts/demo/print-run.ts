import type { INodeExecutionData } from 'n8n-workflow';

import type { WorkflowJson, WorkflowRun } from '../../test/engine/run-workflow';

const OUR_NODES = 'n8n-nodes-identity-uploads.';
/** The operations that send the item's files; the others only pass them on. */
const UPLOADS = new Set(['uploadImage', 'upload', 'putImage']);

/** Prints, for each of this package's nodes in a run, what it sent or downloaded and what the service answered. */
export function printRun(workflow: WorkflowJson, result: WorkflowRun): void {
	for (const node of workflow.nodes) {
		if (!node.type.startsWith(OUR_NODES)) {
			printActionOf(node.name, node.type, result.output(node.name));
			continue;
		}
		const runData = result.run.data.resultData.runData[node.name]?.[0];
		const outputs = runData?.data?.main ?? [];
		const operation = String(node.parameters.operation ?? '');
		const downloads = /download|generate/i.test(operation) || (node.parameters.resource === 'image' && operation === 'get');
		const verb = downloads ? 'downloaded' : node.type.endsWith('Trigger') ? 'received' : UPLOADS.has(operation) ? 'sent' : 'asked';
		outputs.forEach((items, outputIndex) => items?.forEach((item) => printItem(node.name, verb, item, outputIndex)));
	}
}

function printItem(nodeName: string, verb: string, item: INodeExecutionData, outputIndex: number) {
	const binaries = Object.values(item.binary ?? {});
	const files = (verb === 'downloaded' ? binaries.slice(-1) : verb === 'sent' ? binaries : [])
		.map((binary) => `${binary.fileName ?? 'unnamed'} (${binary.fileSize})`)
		.join(', ');
	if (item.json.error) {
		const branch = outputIndex === 1 ? ' → error output' : '';
		console.log(
			`  ⚠ ${nodeName}: refused ${files}${branch}\n      ${item.json.error}\n      ${(item.json.details as { description?: string } | undefined)?.description ?? ''}`,
		);
		return;
	}
	const answer = JSON.stringify(item.json);
	const label = verb === 'received' ? 'received the event' : verb === 'asked' ? 'done' : `${verb} ${files}`;
	console.log(
		`  ✓ ${nodeName}: ${label}\n      ${verb === 'received' ? 'event' : 'service answered'} ${answer.length > 400 ? `${answer.slice(0, 400)}…` : answer}`,
	);
}

/** n8n's own nodes that act outside the workflow: what they sent or wrote. */
function printActionOf(nodeName: string, type: string, items: INodeExecutionData[]) {
	for (const item of items) {
		if (type === 'n8n-nodes-base.emailSend') console.log(`  ✓ ${nodeName}: e-mail sent to ${(item.json.accepted as string[]).join(', ')}`);
		if (type === 'n8n-nodes-base.readWriteFile' && item.json.fileName && !item.json.mimeType)
			console.log(`  ✓ ${nodeName}: wrote ${String(item.json.fileName)}`);
	}
}
