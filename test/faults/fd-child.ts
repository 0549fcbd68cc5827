/*
 * Run by file-handles.test.ts in a child process under a low `ulimit -n`: uploads UPLOADS attachments to
 * the Crafter emulator the parent runs, each file read from n8n's binary store (filesystem mode), and
 * prints one JSON line with what came out.
 */
import { readdirSync } from 'node:fs';

import type { FixtureItem } from '../engine/fixture-items.node';
import { runWorkflow } from '../engine/run-workflow';
import { fixtureWorkflow } from '../engine/workflow-file';
import { SampleFolder } from '../support/sample-files';

async function main() {
	const uploads = Number(process.env.UPLOADS ?? 300);
	const profileIds = String(process.env.PROFILE_IDS).split(',');
	const samples = new SampleFolder();
	const items: FixtureItem[] = [];
	for (let index = 0; index < uploads; index++) {
		const file = samples.make(`photo-${index}.jpg`, index % 2 ? 'png' : 'jpeg', 2_000 + index);
		items.push({
			json: { profileId: profileIds[index % profileIds.length], fileName: `photo-${index}.${index % 2 ? 'png' : 'jpg'}` },
			files: { data: { path: file.path, mimeType: 'application/octet-stream' } },
		});
	}
	const run = await runWorkflow(
		fixtureWorkflow(items, {
			name: 'Upload',
			type: 'crafterProfile',
			parameters: {
				resource: 'attachment',
				operation: 'upload',
				profileId: '={{ $json.profileId }}',
				binaryPropertyName: 'data',
				options: { fileName: '={{ $json.fileName }}' },
			},
			credentialType: 'crafterProfileApi',
			credentialName: 'Crafter',
		}),
		{ crafterProfileApi: { baseUrl: String(process.env.CRAFTER_BASE_URL), accessTokenId: String(process.env.CRAFTER_TOKEN) } },
	);
	const output = run.output('Upload');
	const errors = output.filter((item) => typeof item.json.error === 'string');
	const openFiles = readdirSync('/proc/self/fd').length;
	process.stdout.write(
		`${JSON.stringify({ items: output.length, successes: output.length - errors.length, errors: errors.length, firstError: errors[0]?.json.error, runError: run.error?.message, openFiles })}\n`,
	);
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		process.stdout.write(`${JSON.stringify({ crashed: error.message })}\n`);
		process.exit(1);
	},
);
