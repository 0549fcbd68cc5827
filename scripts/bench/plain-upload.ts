/**
 * The limit the node is measured against: a plain Node script doing the same uploads with nothing
 * else in the way. Per file: read it, base64 it, POST {fileName, data} as JSON with the raw key, over
 * a keep-alive connection, `concurrency` at once, after `warm-up` untimed uploads (as many as the n8n
 * variants warm up on). Prints one JSON line: items, ms, the warm-up's ms, peak RSS.
 *
 *   node dist/scripts/bench/plain-upload.js <documents URL> <api key> <folder> <concurrency> <warm-up> [fresh]
 *
 * With `fresh`, each request gets a new agent and so a new connection, as n8n's request helper does
 * (it builds its agents per request): the limit without connection reuse.
 */
import { readdir, readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import path from 'node:path';

async function post(url: URL, agent: Agent, key: string, body: string): Promise<number> {
	return await new Promise((resolve, reject) => {
		const outgoing = request(
			url,
			{ method: 'POST', agent, headers: { authorization: key, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
			(answer) => {
				answer.resume();
				answer.on('end', () => resolve(answer.statusCode ?? 0));
			},
		);
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}

async function main() {
	const [endpoint, key, folder, concurrencyText, warmUpText, mode] = process.argv.slice(2);
	const fresh = mode === 'fresh';
	const concurrency = Number(concurrencyText);
	const files = (await readdir(folder)).filter((name) => name.endsWith('.jpg')).sort();
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
	const url = new URL(endpoint);
	const statuses: number[] = [];
	let next = 0;
	const warmUpStarted = process.hrtime.bigint();
	for (let index = 0; index < Number(warmUpText); index++) {
		const name = files[index % files.length];
		const bytes = await readFile(path.join(folder, name));
		await post(url, agent, key, JSON.stringify({ fileName: name, data: bytes.toString('base64') }));
	}
	const warmUpMs = Number(process.hrtime.bigint() - warmUpStarted) / 1e6;
	const started = process.hrtime.bigint();
	const lane = async () => {
		while (next < files.length) {
			const name = files[next++];
			const bytes = await readFile(path.join(folder, name));
			const body = JSON.stringify({ fileName: name, data: bytes.toString('base64') });
			if (!fresh) {
				statuses.push(await post(url, agent, key, body));
				continue;
			}
			const once = new Agent({ keepAlive: false });
			statuses.push(await post(url, once, key, body));
			once.destroy();
		}
	};
	await Promise.all(Array.from({ length: concurrency }, lane));
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	agent.destroy();
	const failedStatuses = statuses.filter((status) => status >= 400);
	process.stdout.write(
		`${JSON.stringify({ items: files.length, ms, warmUpMs, failed: failedStatuses.length, failedStatuses, peakRssKb: process.resourceUsage().maxRSS })}\n`,
	);
}

void main().catch((error: unknown) => {
	process.stderr.write(`${String(error)}\n`);
	process.exit(1);
});
