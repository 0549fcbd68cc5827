#!/usr/bin/env node
/**
 * The e2e matrix: n8n version × binary data mode × what was tested.
 *
 *   node scripts/e2e/matrix.js                 the recorded results (E2E_MATRIX_DIR, default reports/e2e-matrix/):
 *                                              tests passed and time per cell and suite
 *   node scripts/e2e/matrix.js --require-all   the same; fails unless every cell of every line ran every suite and passed
 *   node scripts/e2e/matrix.js --readme        the README's Compatibility table, generated from scripts/e2e/n8n-lines.json
 *                                              and scripts/e2e/matrix-cells.js
 *   node scripts/e2e/matrix.js --check README.md
 *                                              fails if README.md's Compatibility table is not the generated one
 *                                              (a README without a "## Compatibility" section only gets a warning)
 *
 * .ci/run runs the whole matrix, then `--require-all --check README.md`: the README's table is true
 * as long as CI passes.
 */
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const { allCells, BINARY_MODES, SUITES } = require('./matrix-cells');

const matrixDir = (rootDir) => process.env.E2E_MATRIX_DIR ?? path.join(rootDir, 'reports', 'e2e-matrix');

function readResults(dir) {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((name) => name.endsWith('.json'))
		.map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
}

/** Markdown: one row per cell, a column per suite ("passed/total, seconds"), the cell's totals. */
function formatResults(cells) {
	const order = allCells().map(({ line, mode }) => `${line.version}-${mode}`);
	const sorted = [...cells].sort((a, b) => order.indexOf(`${a.version}-${a.mode}`) - order.indexOf(`${b.version}-${b.mode}`));
	const suites = Object.keys(SUITES);
	const rows = sorted.map((cell) => {
		const parts = suites.map((suite) => {
			const result = cell.suites[suite];
			if (!result) return '–';
			const total = result.passed + result.failed + result.skipped;
			return `${result.failed ? '**FAILED** ' : ''}${result.passed}/${total} in ${result.seconds.toFixed(0)} s`;
		});
		const done = Object.values(cell.suites);
		const passed = done.reduce((sum, result) => sum + result.passed, 0);
		const failed = done.reduce((sum, result) => sum + result.failed, 0);
		const seconds = done.reduce((sum, result) => sum + result.seconds, 0);
		return `| ${cell.version} | ${BINARY_MODES[cell.mode]} | ${parts.join(' | ')} | ${passed} passed${failed ? `, **${failed} failed**` : ''} | ${seconds.toFixed(0)} s | ${cell.node} |`;
	});
	return [
		`| n8n | Binary data | ${suites.map((suite) => SUITES[suite].short).join(' | ')} | Tests | Time | Node.js |`,
		`|---|---|${suites.map(() => '---|').join('')}---|---|---|`,
		...rows,
	].join('\n');
}

/** The README's Compatibility table: what CI tests, per n8n version and binary data mode. */
function readmeTable() {
	const rows = allCells().map(({ line, mode, suites }) => {
		const modeText = `${BINARY_MODES[mode]}${mode === line.defaultBinaryMode ? `, ${line.line}'s default` : ''}`;
		return `| ${line.version} (${line.line}) | \`${line.nodeEngines}\` | ${modeText} | ${suites.map((suite) => SUITES[suite].short).join('; ')} |`;
	});
	return ['| n8n | Node.js (n8n\'s own `engines`) | Binary data mode | Tested in CI (`npm run test:e2e`, on Node.js 24) |', '|---|---|---|---|', ...rows].join('\n');
}

/** The first markdown table after the "## Compatibility" heading, or undefined. */
function readmeSection(text) {
	const lines = text.split('\n');
	const start = lines.findIndex((line) => /^##\s+Compatibility\b/.test(line));
	if (start < 0) return undefined;
	const end = lines.findIndex((line, index) => index > start && /^##\s/.test(line));
	const section = lines.slice(start + 1, end < 0 ? undefined : end);
	const first = section.findIndex((line) => line.trim().startsWith('|'));
	if (first < 0) return '';
	const after = section.slice(first).findIndex((line) => !line.trim().startsWith('|'));
	return section.slice(first, after < 0 ? undefined : first + after).map((line) => line.trim()).join('\n');
}

function main(argv) {
	const root = path.resolve(__dirname, '..', '..');
	if (argv.includes('--readme')) {
		console.log(readmeTable());
		return 0;
	}
	let status = 0;
	const results = readResults(matrixDir(root));
	if (results.length) console.log(`E2E matrix (${path.relative(process.cwd(), matrixDir(root)) || '.'}):\n${formatResults(results)}`);
	else console.log(`No e2e results recorded in ${matrixDir(root)}.`);
	if (argv.includes('--require-all')) {
		for (const { line, mode, suites } of allCells()) {
			const cell = results.find((result) => result.version === line.version && result.mode === mode);
			for (const suite of suites) {
				const result = cell?.suites[suite];
				if (!result) {
					console.error(`Missing: n8n ${line.version}, ${mode}, ${suite}`);
					status = 1;
				} else if (result.failed || !result.passed) {
					console.error(`Failed: n8n ${line.version}, ${mode}, ${suite}`);
					status = 1;
				}
			}
		}
	}
	const check = argv.indexOf('--check');
	if (check >= 0) {
		const file = path.resolve(argv[check + 1] ?? path.join(root, 'README.md'));
		const found = readmeSection(readFileSync(file, 'utf8'));
		const wanted = readmeTable();
		if (found === undefined) {
			console.warn(`\n${path.basename(file)} has no "## Compatibility" section yet. The table CI keeps true:\n\n${wanted}\n`);
		} else if (found !== wanted) {
			console.error(`\n${path.basename(file)}'s Compatibility table is not what the e2e tests. Expected:\n\n${wanted}\n\nFound:\n\n${found}\n`);
			status = 1;
		} else {
			console.log(`\n${path.basename(file)}'s Compatibility table matches the e2e matrix.`);
		}
	}
	return status;
}

module.exports = { formatResults, matrixDir, readResults, readmeTable, readmeSection };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
