// n8n's own community-package scanner (@n8n/scan-community-package, pinned in devDependencies), run the
// way n8n runs it before verifying a package: its analyzePackage on the source files it reads
// (package.json, nodes/**, credentials/**) and on the packed tarball's compiled .js and package.json,
// with inline eslint-disable comments ignored. Exits 1 on any error in either; prints both reports.
//
// Usage: node scripts/lint/scan-package.mjs            (packs the package with `npm pack` first)
//        node scripts/lint/scan-package.mjs --source   (the source leg only: no build needed)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourceOnly = process.argv.includes('--source');

function report(leg, result) {
	if (result.passed) {
		console.log(`[scan] ${leg}: 0 errors${result.message ? ` (${result.message})` : ''}`);
		return true;
	}
	console.log(`[scan] ${leg}: ${result.message}`);
	if (result.details) console.log(result.details);
	return false;
}

let passed = report('source', await analyzePackage(root, SOURCE_FILE_PATTERNS));

if (!sourceOnly) {
	const work = mkdtempSync(join(tmpdir(), 'scan-package-'));
	try {
		execFileSync('npm', ['pack', '--ignore-scripts', '--loglevel=error', '--pack-destination', work], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
		const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
		const unpacked = join(work, 'package');
		execFileSync('tar', ['-xzf', join(work, tarball), '-C', work]);
		passed = report(`tarball ${tarball}`, await analyzePackage(unpacked, ['**/*.js', 'package.json'])) && passed;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

process.exit(passed ? 0 : 1);
