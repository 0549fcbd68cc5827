import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import type { INodeExecutionData } from 'n8n-workflow';

import { startEmulators } from '../test/emulators/all';
import { runWorkflow, type WorkflowJson } from '../test/engine/run-workflow';

/**
 * The main job: starts the local service emulators and runs every example workflow through n8n's
 * real engine (n8n-core WorkflowExecute, filesystem binary data), printing what each node sent and
 * what the service answered, refusals included.
 */
const repoRoot = path.resolve(__dirname, '..', '..');
const OUR_NODES = 'n8n-nodes-identity-uploads.';

async function main() {
	process.chdir(repoRoot);
	const emulators = await startEmulators();
	let failures = 0;
	try {
		for (const file of readdirSync('examples').filter((name) => name.endsWith('.json')).sort()) {
			const workflow = JSON.parse(readFileSync(path.join('examples', file), 'utf8')) as WorkflowJson;
			console.log(`\n▶ ${workflow.name}  (examples/${file})`);
			const result = await runWorkflow(workflow, emulators.credentials);
			if (result.error) {
				failures++;
				console.log(`  ✗ the workflow stopped: ${result.error.message}`);
			}
			for (const node of workflow.nodes.filter((candidate) => candidate.type.startsWith(OUR_NODES))) {
				const runData = result.run.data.resultData.runData[node.name]?.[0];
				const outputs = runData?.data?.main ?? [];
				const verb = node.parameters.operation === 'download' ? 'downloaded' : 'sent';
				outputs.forEach((items, outputIndex) => items?.forEach((item) => report(node.name, verb, item, outputIndex)));
			}
		}
		const { complyCube, argos, crafter } = emulators;
		console.log('\nWhat the emulators received:');
		console.log(`  ComplyCube      ${complyCube.received.length} requests, ${complyCube.acceptedUploads.length} images stored`);
		console.log(`  Argos Identity  ${argos.received.length} requests, ${argos.acceptedUploads.length} uploads stored`);
		console.log(`  Crafter Profile ${crafter.received.length} requests, ${crafter.acceptedUploads.length} attachments stored`);
	} finally {
		await emulators.close();
	}
	if (failures > 0) {
		console.error(`\n${failures} example workflow(s) stopped with an error.`);
		process.exitCode = 1;
	}
}

function report(nodeName: string, verb: string, item: INodeExecutionData, outputIndex: number) {
	const binaries = Object.values(item.binary ?? {});
	const files = (verb === 'downloaded' ? binaries.slice(-1) : binaries)
		.map((binary) => `${binary.fileName ?? 'unnamed'} (${binary.fileSize})`)
		.join(', ');
	if (item.json.error) {
		const branch = outputIndex === 1 ? ' → error output' : '';
		console.log(`  ⚠ ${nodeName}: refused ${files}${branch}\n      ${item.json.error}\n      ${(item.json.details as { description?: string } | undefined)?.description ?? ''}`);
		return;
	}
	console.log(`  ✓ ${nodeName}: ${verb} ${files}\n      service answered ${JSON.stringify(item.json)}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
