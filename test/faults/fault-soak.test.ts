import { runSoak } from './soak';
import { FAULT_KINDS } from './fault-proxy';

/*
 * `npm test` runs a small seeded soak (60 uploads); `npm run soak` the full one (SOAK_UPLOADS, default 540).
 * SOAK_SEED replays a run.
 */
const uploads = Number(process.env.SOAK_UPLOADS ?? 60);
const seed = Number(process.env.SOAK_SEED ?? 20240917);
const faultRate = Number(process.env.SOAK_FAULT_RATE ?? (uploads >= 500 ? 0.1 : 0.2));
const timeoutMs = Number(process.env.SOAK_TIMEOUT_MS ?? 1_000);

test(
	`${uploads} uploads through the three nodes behind a seeded fault proxy: nothing lost, nothing stored twice, no error for what was stored`,
	async () => {
		const report = await runSoak({ uploads, seed, faultRate, timeoutMs });
		process.stdout.write(`\n${report.table}\n`);
		const count = (outcome: string) => report.items.filter((item) => item.outcome === outcome);
		expect(report.items.filter((item) => !item.operation.endsWith('Create')).length).toBeGreaterThanOrEqual(uploads);
		expect(count('lost')).toEqual([]);
		expect(count('duplicated')).toEqual([]);
		expect(count('error while stored')).toEqual([]);
		expect(report.items.filter((item) => item.spanMs > report.boundMs)).toEqual([]);
		// Every kind of fault was met, and the answers lost after storing were found rather than guessed.
		expect([...report.faultsInjected.keys()].length).toBe(FAULT_KINDS.length);
		expect(count('recovered').length).toBeGreaterThan(0);
		// An error is a sentence about the item, never a raw page.
		for (const item of report.items) if (item.error) expect(item.error).not.toMatch(/<html|<!doctype/i);
	},
	Math.max(120_000, uploads * 2_000),
);
