/**
 * A jest reporter for the e2e (jest.e2e.config.js): records each cell's results (n8n version ×
 * binary data mode; per suite: tests passed, failed, skipped, seconds) in E2E_MATRIX_DIR (default
 * reports/e2e-matrix/<version>-<mode>.json, the suites run now replacing earlier results of the same
 * suites) and prints this run's cells at the end. `node scripts/e2e/matrix.js` prints all recorded
 * cells and checks the README's Compatibility table.
 */
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const { allCells, projectName, suiteOfFile } = require('./matrix-cells');
const { formatResults, matrixDir } = require('./matrix');

class MatrixReporter {
	constructor(globalConfig) {
		this.dir = matrixDir(globalConfig.rootDir);
		/** key `${version}-${mode}` → { version, line, mode, node, suites: { [suite]: result } } */
		this.cells = new Map();
	}

	onTestResult(test, result) {
		const name = test.context.config.displayName?.name;
		const cell = allCells().find(({ line, mode }) => projectName(line, mode) === name);
		const suite = suiteOfFile(result.testFilePath);
		if (!cell || !suite) return;
		const key = `${cell.line.version}-${cell.mode}`;
		if (!this.cells.has(key)) this.cells.set(key, { version: cell.line.version, line: cell.line.line, mode: cell.mode, node: process.version, suites: {} });
		this.cells.get(key).suites[suite] = {
			passed: result.numPassingTests,
			// A suite whose set-up failed has no failing test but an exec error: it counts as one failure.
			failed: result.numFailingTests + (result.testExecError ? 1 : 0),
			skipped: result.numPendingTests + result.numTodoTests,
			seconds: Math.round((result.perfStats.end - result.perfStats.start) / 100) / 10,
			finishedAt: new Date().toISOString(),
		};
	}

	onRunComplete() {
		if (!this.cells.size) return;
		mkdirSync(this.dir, { recursive: true });
		for (const [key, cell] of this.cells) {
			const file = path.join(this.dir, `${key}.json`);
			let earlier = {};
			try {
				earlier = JSON.parse(readFileSync(file, 'utf8')).suites ?? {};
			} catch {
				// first run of this cell
			}
			writeFileSync(file, `${JSON.stringify({ ...cell, suites: { ...earlier, ...cell.suites } }, null, '\t')}\n`);
		}
		process.stdout.write(`\nE2E matrix, this run (recorded in ${path.relative(process.cwd(), this.dir) || '.'}):\n${formatResults([...this.cells.values()])}\n`);
	}
}

module.exports = MatrixReporter;
