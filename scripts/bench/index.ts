/**
 * `npm run bench` (`-- --quick` for a small, fast variant CI can run): throughput and memory of the
 * ComplyCube node in a real n8n, next to the limit (a plain Node script doing the same uploads) and to
 * what users build without the package (Extract From File → HTTP Request). One run, variants
 * interleaved, medians of the repetitions; ratios are what to compare, as the machine is shared.
 *
 * Everything runs on loopback: the ComplyCube emulator (its rate limit off for throughput, on for the
 * 429 check), and a delaying proxy (delay-proxy.ts) in front of it for the +50 ms latency runs. The
 * n8n figures come from `n8n execute` of a workflow Manual Trigger → Read/Write Files from Disk → the
 * node: items/s from the node's own execution time in the run data, peak RSS of the n8n process from
 * /usr/bin/time. Not a test: it prints, and says which targets were met.
 * `-- --rate-limit-only`: only the rate-limit run (8 parallel against the 5/s sandbox limit), three times, medians.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { installN8n, N8nInstance, printedRun } from '../e2e/n8n-instance';
import { limitShare } from '../queue/accounting';
import { startComplyCubeEmulator } from '../../test/emulators/complycube';
import { sampleBytes } from '../../test/support/sample-files';
import { startDelayProxy } from './delay-proxy';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '../../..');
const quick = process.argv.includes('--quick');
const rateLimitOnly = process.argv.includes('--rate-limit-only');

const SETTINGS = quick
	? { repetitions: 1, smallFiles: 40, slowFiles: 20, warmFiles: 10, shortWarmFiles: 5, settleSeconds: 1, bigCounts: [5, 15], limitedFiles: 12 }
	: { repetitions: 3, smallFiles: 300, slowFiles: 100, warmFiles: 100, shortWarmFiles: 20, settleSeconds: 3, bigCounts: [10, 80], limitedFiles: 50 };
const SMALL_BYTES = 60_000;
/** The emulator's limit for the sandbox key the rate-limit run uses. */
const LIMITED_RATE = 5;
const BIG_BYTES = 3_900_000;
const LATENCY_MS = 50;

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

interface Measure {
	itemsPerSecond: number;
	peakRssMb: number;
	/** items/s over the warm-up items, the first after start (cold). */
	warmUpItemsPerSecond?: number;
}

interface NodeRunData {
	executionTime?: number;
	error?: { message: string };
	data?: { main: Array<unknown[] | null> };
}

function writeFiles(folder: string, count: number, size: number) {
	mkdirSync(folder, { recursive: true });
	const bytes = sampleBytes('jpeg', size);
	for (let index = 0; index < count; index++) writeFileSync(path.join(folder, `file-${String(index).padStart(4, '0')}.jpg`), bytes);
}

async function main() {
	log(`${quick ? 'quick' : 'full'} run: ${JSON.stringify(SETTINGS)}`);
	const n8nBin = await installN8n(repoRoot);
	const instance = await N8nInstance.create(repoRoot, n8nBin);
	log('installing the packed package into a fresh n8n user folder');
	await instance.installPackage();

	const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'identity-uploads-bench-')));
	instance.env.N8N_RESTRICT_FILE_ACCESS_TO = work;
	const folders = {
		warm: path.join(work, 'warm'),
		shortWarm: path.join(work, 'short-warm'),
		small: path.join(work, 'small'),
		slow: path.join(work, 'slow'),
		limited: path.join(work, 'limited'),
		big: SETTINGS.bigCounts.map((count) => path.join(work, `big-${count}`)),
	};
	writeFiles(folders.warm, SETTINGS.warmFiles, SMALL_BYTES);
	writeFiles(folders.shortWarm, SETTINGS.shortWarmFiles, SMALL_BYTES);
	writeFiles(folders.small, SETTINGS.smallFiles, SMALL_BYTES);
	writeFiles(folders.slow, SETTINGS.slowFiles, SMALL_BYTES);
	writeFiles(folders.limited, SETTINGS.limitedFiles, SMALL_BYTES);
	SETTINGS.bigCounts.forEach((count, index) => writeFiles(folders.big[index], count, BIG_BYTES));

	const open = await startComplyCubeEmulator({ rateLimit: false });
	const limited = await startComplyCubeEmulator({ rateLimit: true });
	const proxy = await startDelayProxy({ target: open.origin, delayMs: LATENCY_MS });
	const documentId = open.addDocument(open.addClient());
	const limitedDocumentId = limited.addDocument(limited.addClient());
	const endpoint = (base: string, document: string) => `${base}/documents/${document}/upload/front`;
	const bases = { direct: open.baseUrl, slow: `${proxy.origin}/v1` };

	const credentials = [
		{
			id: 'benchDirect',
			name: 'Bench direct',
			type: 'complyCubeApi',
			data: { apiKey: open.apiKey, baseUrl: bases.direct, rateLimit: 'custom', requestsPerSecond: 0 },
		},
		{
			id: 'benchSlow',
			name: 'Bench +50 ms',
			type: 'complyCubeApi',
			data: { apiKey: open.apiKey, baseUrl: bases.slow, rateLimit: 'custom', requestsPerSecond: 0 },
		},
		{
			id: 'benchLimited',
			name: 'Bench sandbox limit',
			type: 'complyCubeApi',
			data: { apiKey: limited.apiKey, baseUrl: limited.baseUrl, rateLimit: 'documented' },
		},
		{ id: 'benchHeader', name: 'Bench header', type: 'httpHeaderAuth', data: { name: 'Authorization', value: open.apiKey } },
	];
	const credentialsFile = path.join(work, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(credentials));
	await instance.n8n(['import:credentials', `--input=${credentialsFile}`]);

	const manual = { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
	const read = (name: string, folder: string) => ({
		name,
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1,
		// Once, whatever came in: after the warm-up it gets one item per warm-up file.
		executeOnce: true,
		parameters: { fileSelector: `${folder}/*.jpg`, options: {} },
	});
	const complyCube = (name: string, parallelRequests: number, credential: string, document: string) => ({
		name,
		type: 'n8n-nodes-identity-uploads.complyCube',
		typeVersion: 1,
		parameters: {
			resource: 'document',
			operation: 'uploadImage',
			documentId: document,
			documentSide: 'front',
			binaryPropertyName: 'data',
			options: { parallelRequests },
		},
		credentials: { complyCubeApi: { id: credential, name: credential } },
	});
	const extract = (name: string, fileEncoding: boolean) => ({
		name,
		type: 'n8n-nodes-base.extractFromFile',
		typeVersion: 1,
		parameters: { operation: 'binaryToPropery', binaryPropertyName: 'data', destinationKey: 'data', options: fileEncoding ? { encoding: 'utf8' } : {} },
	});
	const httpPost = (name: string, base: string) => ({
		name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: endpoint(base, documentId),
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			bodyParameters: {
				parameters: [
					{ name: 'fileName', value: 'front.jpg' },
					{ name: 'data', value: '={{ $json.data }}' },
				],
			},
			options: {},
		},
		credentials: { httpHeaderAuth: { id: 'benchHeader', name: 'Bench header' } },
	});
	// `n8n execute` starts n8n's task runner processes beside the run (a running n8n started them long
	// before), and they take a core while they boot: the workflow waits for them first.
	const settle = {
		name: 'Settle',
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		parameters: { amount: SETTINGS.settleSeconds, unit: 'seconds' },
		webhookId: 'bench-settle',
	};
	/**
	 * Start → Settle → the measured nodes on the warm-up files (n8n loads its HTTP stack on the first
	 * request, V8 compiles the hot paths over the first items; the plain script warms up on as many) →
	 * Read Files → the measured nodes on the files. The figures are then steady per-item costs, as in a
	 * long-running n8n, not start-up.
	 */
	const workflowOf = (id: string, folder: string, measured: (prefix: string) => Array<Record<string, unknown>>, warm = folders.warm) => {
		const chain: Array<Record<string, unknown>> = [
			manual,
			settle,
			read('Warm-up Read', warm),
			...measured('Warm-up '),
			read('Read Files', folder),
			...measured(''),
		];
		const nodes = chain.map((node, index) => ({ id: `n${index}`, position: [index * 200, 0], ...node }));
		const names = chain.map((node) => node.name as string);
		const connections = Object.fromEntries(names.slice(0, -1).map((name, index) => [name, { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] }]));
		return { id, name: id, nodes, connections, settings: { executionOrder: 'v1' } };
	};
	const nodeWorkflow = (id: string, folder: string, parallelRequests: number, credential: string, document = documentId, warm = folders.warm) =>
		workflowOf(id, folder, (prefix) => [complyCube(`${prefix}ComplyCube`, parallelRequests, credential, document)], warm);
	// The chain carries every file as base64 in its items, and n8n prints all of it: fewer files, or the
	// printed run is cut short.
	const chainWorkflow = (id: string, folder: string, base: string, fileEncoding: boolean) =>
		workflowOf(id, folder, (prefix) => [extract(`${prefix}Extract From File`, fileEncoding), httpPost(`${prefix}HTTP Request`, base)], folders.shortWarm);
	const workflows = [
		nodeWorkflow('benchNode1', folders.small, 1, 'benchDirect'),
		nodeWorkflow('benchNode4', folders.small, 4, 'benchDirect'),
		nodeWorkflow('benchNode1Slow', folders.slow, 1, 'benchSlow'),
		nodeWorkflow('benchNode4Slow', folders.slow, 4, 'benchSlow'),
		chainWorkflow('benchChain', folders.slow, bases.direct, false),
		chainWorkflow('benchChainEnc', folders.slow, bases.direct, true),
		chainWorkflow('benchChainSlow', folders.slow, bases.slow, false),
		chainWorkflow('benchChainEncSlow', folders.slow, bases.slow, true),
		// Only 429s are counted here, at 4 requests/s: a short warm-up.
		nodeWorkflow('benchLimited8', folders.limited, 8, 'benchLimited', limitedDocumentId, folders.shortWarm),
		...SETTINGS.bigCounts.map((count, index) => nodeWorkflow(`benchBig${count}`, folders.big[index], 4, 'benchDirect')),
	];
	const workflowFolder = path.join(work, 'workflows');
	mkdirSync(workflowFolder);
	for (const workflow of workflows) writeFileSync(path.join(workflowFolder, `${workflow.id}.json`), JSON.stringify(workflow));
	await instance.n8n(['import:workflow', '--separate', `--input=${workflowFolder}`]);

	const forget = () => {
		for (const emulator of [open, limited]) {
			emulator.received.length = 0;
			emulator.acceptedUploads.length = 0;
		}
		proxy.reset();
	};

	/** One `n8n execute` under /usr/bin/time: its stdout and stderr, and the printed run's JSON (undefined when n8n printed no whole run). */
	const execute = async (workflowId: string) => {
		let output = '';
		let errors = '';
		try {
			({ stdout: output, stderr: errors } = await run('/usr/bin/time', ['-f', 'PEAK_RSS_KB=%M', n8nBin, 'execute', `--id=${workflowId}`, '--rawOutput'], {
				cwd: repoRoot,
				env: instance.env,
				maxBuffer: 512 * 1024 * 1024,
				timeout: 15 * 60_000,
			}));
		} catch (error) {
			// n8n 2 sometimes crashes on exit after printing the whole run (see n8n-instance.ts): keep a complete run.
			const failed = error as { stdout?: string; stderr?: string };
			output = failed.stdout ?? '';
			errors = failed.stderr ?? '';
		}
		return { output, errors, json: printedRun(output) };
	};
	/** `n8n execute` under /usr/bin/time: items/s of the measured nodes (their own execution time), peak RSS of the process. */
	const n8nRun = async (workflowId: string, measured: string[], items: number, warmItems = SETTINGS.warmFiles): Promise<Measure> => {
		let result = await execute(workflowId);
		if (!result.json) {
			// Seen once in many runs, with the Extract From File chain's megabytes of base64: n8n's printed run cut short as it exited.
			log(`${workflowId}: n8n printed no whole run, running it again`);
			result = await execute(workflowId);
		}
		const { output, errors, json } = result;
		if (!json) throw new Error(`${workflowId}: n8n printed no run\n${output.slice(-2000)}\n${errors.slice(-2000)}`);
		const runData = (JSON.parse(json) as { data: { resultData: { runData: Record<string, NodeRunData[]> } } }).data.resultData.runData;
		const msOf = (names: string[]) => {
			let ms = 0;
			for (const name of names) {
				const task = runData[name]?.[0];
				if (!task || task.error) throw new Error(`${workflowId}: ${name} failed: ${task?.error?.message ?? 'did not run'}`);
				ms += task.executionTime ?? 0;
			}
			return ms;
		};
		const ms = msOf(measured);
		const warmUpMs = msOf(measured.map((name) => `Warm-up ${name}`));
		const outputItems = runData[measured[measured.length - 1]][0].data?.main?.[0]?.length ?? 0;
		if (outputItems !== items) throw new Error(`${workflowId}: ${outputItems} items out, ${items} in`);
		const peakRssKb = Number(/PEAK_RSS_KB=(\d+)/.exec(errors)?.[1] ?? NaN);
		return { itemsPerSecond: items / (ms / 1000), peakRssMb: peakRssKb / 1024, warmUpItemsPerSecond: warmItems / (warmUpMs / 1000) };
	};
	const plainRun = async (base: string, folder: string, concurrency: number, items: number, fresh = false): Promise<Measure> => {
		const args = [
			path.join(__dirname, 'plain-upload.js'),
			endpoint(base, documentId),
			open.apiKey,
			folder,
			String(concurrency),
			String(SETTINGS.warmFiles),
			...(fresh ? ['fresh'] : []),
		];
		const { stdout } = await run(process.execPath, args);
		const result = JSON.parse(stdout) as { items: number; ms: number; warmUpMs: number; failed: number; failedStatuses: number[]; peakRssKb: number };
		if (result.failed || result.items !== items)
			throw new Error(`plain script: ${result.failed} of ${result.items} failed (HTTP ${result.failedStatuses.join(', ')})`);
		return {
			itemsPerSecond: items / (result.ms / 1000),
			peakRssMb: result.peakRssKb / 1024,
			warmUpItemsPerSecond: SETTINGS.warmFiles / (result.warmUpMs / 1000),
		};
	};

	const variants: Array<{ key: string; label: string; runs: Array<[number, () => Promise<Measure>]> }> = [
		{ key: 'node1', label: 'ComplyCube node, Parallel Requests 1', runs: [] },
		{ key: 'node4', label: 'ComplyCube node, Parallel Requests 4', runs: [] },
		{ key: 'plain1', label: 'Plain Node script, concurrency 1 (the limit)', runs: [] },
		{ key: 'plain4', label: 'Plain Node script, concurrency 4 (the limit)', runs: [] },
		{ key: 'plainFresh1', label: "Plain Node script, concurrency 1, a new connection per request (as n8n's helper)", runs: [] },
		{ key: 'chain', label: 'Extract From File → HTTP Request, defaults', runs: [] },
		{ key: 'chainEnc', label: 'Extract From File (File Encoding set) → HTTP Request', runs: [] },
	];
	const small = SETTINGS.smallFiles;
	const slow = SETTINGS.slowFiles;
	const byKey = Object.fromEntries(variants.map((variant) => [variant.key, variant]));
	byKey.node1.runs = [
		[0, () => n8nRun('benchNode1', ['ComplyCube'], small)],
		[LATENCY_MS, () => n8nRun('benchNode1Slow', ['ComplyCube'], slow)],
	];
	byKey.node4.runs = [
		[0, () => n8nRun('benchNode4', ['ComplyCube'], small)],
		[LATENCY_MS, () => n8nRun('benchNode4Slow', ['ComplyCube'], slow)],
	];
	byKey.plain1.runs = [
		[0, () => plainRun(bases.direct, folders.small, 1, small)],
		[LATENCY_MS, () => plainRun(bases.slow, folders.slow, 1, slow)],
	];
	byKey.plain4.runs = [
		[0, () => plainRun(bases.direct, folders.small, 4, small)],
		[LATENCY_MS, () => plainRun(bases.slow, folders.slow, 4, slow)],
	];
	byKey.plainFresh1.runs = [
		[0, () => plainRun(bases.direct, folders.small, 1, small, true)],
		[LATENCY_MS, () => plainRun(bases.slow, folders.slow, 1, slow, true)],
	];
	const chainNodes = ['Extract From File', 'HTTP Request'];
	byKey.chain.runs = [
		[0, () => n8nRun('benchChain', chainNodes, slow, SETTINGS.shortWarmFiles)],
		[LATENCY_MS, () => n8nRun('benchChainSlow', chainNodes, slow, SETTINGS.shortWarmFiles)],
	];
	byKey.chainEnc.runs = [
		[0, () => n8nRun('benchChainEnc', chainNodes, slow, SETTINGS.shortWarmFiles)],
		[LATENCY_MS, () => n8nRun('benchChainEncSlow', chainNodes, slow, SETTINGS.shortWarmFiles)],
	];

	const results = new Map<string, Measure[]>();
	for (let repetition = 1; !rateLimitOnly && repetition <= SETTINGS.repetitions; repetition++) {
		// Interleaved: every variant once per repetition, latency and no latency alternating.
		for (const latency of [0, LATENCY_MS]) {
			for (const variant of variants) {
				const [, measure] = variant.runs.find(([runLatency]) => runLatency === latency)!;
				forget();
				const result = await measure();
				const key = `${variant.key}@${latency}`;
				results.set(key, [...(results.get(key) ?? []), result]);
				log(`#${repetition} ${variant.label}, +${latency} ms: ${result.itemsPerSecond.toFixed(1)} items/s, ${result.peakRssMb.toFixed(0)} MB`);
			}
		}
	}
	const medianOf = (key: string): Measure => {
		const measures = results.get(key) ?? [];
		return {
			itemsPerSecond: median(measures.map((m) => m.itemsPerSecond)),
			peakRssMb: median(measures.map((m) => m.peakRssMb)),
			warmUpItemsPerSecond: median(measures.map((m) => m.warmUpItemsPerSecond ?? NaN)),
		};
	};

	/** 8 parallel requests against the emulator's 5/s: its 429s and the share of the limit used. */
	const limitedRun = async () => {
		forget();
		const started = Date.now();
		const measure = await n8nRun('benchLimited8', ['ComplyCube'], SETTINGS.limitedFiles, SETTINGS.shortWarmFiles);
		const wall = Date.now() - started;
		const result = {
			tooMany: limited.received.filter((request) => request.status === 429).length,
			sent: limited.received.length,
			// The warm-up and the measured node follow each other with the lanes busy: one busy span, as the emulator saw it.
			shareOfLimit: limitShare(
				limited.received.filter((request) => request.status === 200).map((request) => request.receivedAt),
				LIMITED_RATE,
			),
			stored: limited.acceptedUploads.length,
		};
		log(
			`8 parallel against 5/s: ${result.sent} requests, ${result.tooMany} answered 429, ${result.stored} stored, ${result.shareOfLimit.toFixed(2)} of the limit (${measure.itemsPerSecond.toFixed(2)} items/s in the measured node, run ${wall} ms)`,
		);
		return result;
	};
	if (rateLimitOnly) {
		const runs = [];
		for (let repetition = 0; repetition < 3; repetition++) runs.push(await limitedRun());
		await proxy.close();
		await open.close();
		await limited.close();
		process.stdout.write(
			`Rate limit, 8 parallel against the emulator's 5/s (${SETTINGS.limitedFiles} files, 3 runs): 429s ${runs.map((run) => run.tooMany).join(', ')}; share of the limit ${runs.map((run) => run.shareOfLimit.toFixed(2)).join(', ')}, median ${median(runs.map((run) => run.shareOfLimit)).toFixed(2)}\n`,
		);
		return;
	}
	const { tooMany, sent: limitedSent, stored: limitedStored, shareOfLimit } = await limitedRun();

	const memory: Measure[] = [];
	for (const count of SETTINGS.bigCounts) {
		forget();
		memory.push(await n8nRun(`benchBig${count}`, ['ComplyCube'], count));
		log(`${count} files of 3.9 MB, 4 parallel: ${memory[memory.length - 1].peakRssMb.toFixed(0)} MB`);
	}
	forget();
	await proxy.close();
	await open.close();
	await limited.close();

	const f1 = (value: number) => value.toFixed(1);
	const f2 = (value: number) => value.toFixed(2);
	const mb = (value: number) => value.toFixed(0);
	const lines: string[] = [];
	lines.push(
		`Throughput, ComplyCube document uploads of ${SMALL_BYTES / 1000} KB on loopback (n8n 2.40.7, \`n8n execute\`; ${small} files, ${slow} with +${LATENCY_MS} ms and for the Extract From File chain, after ${SETTINGS.warmFiles} warm-up files (${SETTINGS.shortWarmFiles} for the chain and the rate-limit run);`,
		`median of ${SETTINGS.repetitions} interleaved repetition${SETTINGS.repetitions > 1 ? 's' : ''}; n8n figures: the upload nodes' own time; peak RSS of the whole process):`,
		'',
		`| Variant | items/s | peak RSS MB | items/s, +${LATENCY_MS} ms | peak RSS MB, +${LATENCY_MS} ms |`,
		'|---|---:|---:|---:|---:|',
	);
	for (const variant of variants) {
		const fast = medianOf(`${variant.key}@0`);
		const slowMeasure = medianOf(`${variant.key}@${LATENCY_MS}`);
		lines.push(`| ${variant.label} | ${f1(fast.itemsPerSecond)} | ${mb(fast.peakRssMb)} | ${f1(slowMeasure.itemsPerSecond)} | ${mb(slowMeasure.peakRssMb)} |`);
	}
	const ratio = (a: string, b: string) => medianOf(a).itemsPerSecond / medianOf(b).itemsPerSecond;
	const oneInFlight = ratio('node1@0', 'plain1@0');
	const fourSlow = ratio(`node4@${LATENCY_MS}`, `plain4@${LATENCY_MS}`);
	const [smallCount, largeCount] = SETTINGS.bigCounts;
	const growth = memory[1].peakRssMb / memory[0].peakRssMb;
	const verdict = (met: boolean) => (met ? 'met' : '**missed**');
	lines.push(
		'',
		'| Target | Measured | Wanted | |',
		'|---|---:|---:|---|',
		`| node / limit, one request in flight (node 1 ÷ script 1, no added latency) | ${f2(oneInFlight)} | ≥ 0.6 (aim 0.8) | ${verdict(oneInFlight >= 0.6)} |`,
		`| node / limit, +${LATENCY_MS} ms, 4 in flight (node 4 ÷ script 4) | ${f2(fourSlow)} | ≥ 0.8 | ${verdict(fourSlow >= 0.8)} |`,
		`| 429s, 8 parallel requests against the emulator's 5/s sandbox limit (${limitedSent} requests, ${limitedStored} stored) | ${tooMany} | 0 | ${verdict(tooMany === 0)} |`,
		`| share of the 5/s limit used over the busy span, same run (accepted ÷ what the limit allows in that span) | ${f2(shareOfLimit)} | ≥ 0.9 | ${verdict(shareOfLimit >= 0.9)} |`,
		`| peak RSS, ${smallCount} → ${largeCount} files of 3.9 MB, 4 parallel (MB) | ${mb(memory[0].peakRssMb)} → ${mb(memory[1].peakRssMb)} (×${f2(growth)}) | not growing with the count | ${verdict(growth < 1.15)} |`,
		'',
		`Node 1 ÷ script 1 in each repetition (run next to each other, so machine load drifts less between them): ${(results.get('node1@0') ?? []).map((measure, index) => f2(measure.itemsPerSecond / (results.get('plain1@0') ?? [])[index].itemsPerSecond)).join(', ')}.`,
		`Cold, for comparison: over the ${SETTINGS.warmFiles} warm-up items, the first after start, node 1 ${f1(medianOf('node1@0').warmUpItemsPerSecond!)} items/s, script 1 ${f1(medianOf('plain1@0').warmUpItemsPerSecond!)}: ${f2(medianOf('node1@0').warmUpItemsPerSecond! / medianOf('plain1@0').warmUpItemsPerSecond!)}.`,
		`Also: node 4 ÷ node 1 at +${LATENCY_MS} ms: ${f2(ratio(`node4@${LATENCY_MS}`, `node1@${LATENCY_MS}`))}; node 1 ÷ Extract From File → HTTP Request (defaults / File Encoding set), no added latency: ${f2(ratio('node1@0', 'chain@0'))} / ${f2(ratio('node1@0', 'chainEnc@0'))}; node 1 ÷ the script with a new connection per request, no added latency: ${f2(ratio('node1@0', 'plainFresh1@0'))}.`,
	);
	process.stdout.write(`${lines.join('\n')}\n`);
}

void main().catch((error: unknown) => {
	process.stderr.write(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
