/**
 * End-to-end tests: the packed package inside real n8n installs (scripts/e2e/n8n-lines.json: the
 * pinned 2.x and the newest 1.123.x, each installed once into a cache folder), one jest project per
 * cell of the matrix n8n version × binary data mode (scripts/e2e/matrix-cells.js says which suites
 * run in which cell). Select with comma-separated lists:
 *
 *   N8N_E2E_VERSION=1.123.81 (or 1.x)        only these lines
 *   N8N_E2E_BINARY_MODE=default,database     only these modes
 *   N8N_E2E_SUITES=examples,flow,editor      only these suites
 *
 * scripts/e2e/matrix-reporter.js prints the cells' results (tests passed, time) at the end and keeps
 * them in reports/e2e-matrix/ (E2E_MATRIX_DIR), where `node scripts/e2e/matrix.js` reads them.
 */
const { allCells, matches, projectName, SUITES } = require('./scripts/e2e/matrix-cells');

const list = (name) => (process.env[name] ? process.env[name].split(',').map((value) => value.trim()).filter(Boolean) : undefined);
const wantedLines = list('N8N_E2E_VERSION');
const wantedModes = list('N8N_E2E_BINARY_MODE');
const wantedSuites = list('N8N_E2E_SUITES');

const projects = [];
for (const { line, mode, suites } of allCells()) {
	if (wantedLines && !wantedLines.some((wanted) => matches(line, wanted))) continue;
	if (wantedModes && !wantedModes.includes(mode)) continue;
	const selected = suites.filter((suite) => !wantedSuites || wantedSuites.includes(suite));
	if (!selected.length) continue;
	projects.push({
		displayName: projectName(line, mode),
		rootDir: __dirname,
		roots: ['<rootDir>/test/e2e'],
		testMatch: selected.map((suite) => `**/test/e2e/${SUITES[suite].file}`),
		transform: { '^.+\\.ts$': 'ts-jest' },
		testEnvironment: 'node',
		// Read by scripts/e2e/n8n-lines.ts (currentCell).
		globals: { __N8N_E2E_CELL__: { version: line.version, binaryMode: mode } },
	});
}
if (!projects.length) throw new Error('jest.e2e.config.js: N8N_E2E_VERSION / N8N_E2E_BINARY_MODE / N8N_E2E_SUITES select no cell of scripts/e2e/n8n-lines.json');

/** @type {import('jest').Config} */
module.exports = {
	projects,
	// A cold n8n install takes 3-5 minutes; a cached one, milliseconds. The machine is shared: be generous.
	testTimeout: 15 * 60_000,
	reporters: ['default', '<rootDir>/scripts/e2e/matrix-reporter.js'],
};
