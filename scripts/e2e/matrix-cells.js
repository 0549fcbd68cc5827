/**
 * The e2e matrix: n8n version × binary data mode, and which suites run in each cell. Plain
 * CommonJS, so jest.e2e.config.js, scripts/e2e/matrix-reporter.js and scripts/e2e/matrix.js share it.
 *
 * The examples and the ComplyCube flow move files through n8n's binary data service (Read Files, the
 * nodes' uploads and downloads, the form's uploads, the PDF written to disk): they run in every mode
 * a single instance offers. The editor check, the credential tests and the Argos journey (whose images
 * go from the browser to the emulator, never through n8n) handle no binaries: once per line, in its
 * default mode.
 */
const path = require('node:path');

const { lines } = require('./n8n-lines.json');

const SUITES = {
	examples: {
		file: 'examples.e2e.test.ts',
		what: 'packed package installed as a community package; every example run with `n8n execute`, bytes checked at the emulators',
		short: 'examples (`n8n execute`, bytes at the emulators)',
	},
	flow: {
		file: 'complycube-flow.e2e.test.ts',
		what: 'ComplyCube flow in a started n8n: Form Trigger, ComplyCube Trigger activation, signed deliveries, forged and replayed ones refused, hosted page in Chromium, PDF archived, deactivation',
		short: 'ComplyCube flow (trigger activation, signed deliveries, form, PDF)',
	},
	argos: {
		file: 'argos-flow.e2e.test.ts',
		what: "Argos journey in a started n8n: the verification link made and e-mailed (Private Mode token), Chromium submitting through it on the emulator's Liveform, the approved delivery running the AML monitoring workflow, unauthenticated and repeated deliveries starting nothing",
		short: 'Argos journey (Liveform in Chromium, trigger, AML monitoring)',
	},
	editor: {
		file: 'editor.e2e.test.ts',
		what: "the nodes open in the editor (Chromium) with their parameters and credentials; each credential's Test",
		short: 'editor and credential tests',
	},
};

const BINARY_MODES = {
	default: 'in memory (`default`)',
	filesystem: 'filesystem',
	database: 'database (sqlite)',
};

function suitesOf(line, mode) {
	return mode === line.defaultBinaryMode ? ['examples', 'flow', 'argos', 'editor'] : ['examples', 'flow'];
}

/** Every cell: { line, mode, suites }, in n8n-lines.json's order. */
function allCells() {
	return lines.flatMap((line) => line.binaryModes.map((mode) => ({ line, mode, suites: suitesOf(line, mode) })));
}

const matches = (line, wanted) => [line.version, line.line, line.line.replace('.x', '')].includes(wanted);

/** A cell's jest project name. */
const projectName = (line, mode) => `n8n ${line.version} · ${mode}`;

/** The suite a test file belongs to. */
const suiteOfFile = (file) => Object.keys(SUITES).find((suite) => path.basename(file) === SUITES[suite].file);

module.exports = { lines, SUITES, BINARY_MODES, suitesOf, allCells, matches, projectName, suiteOfFile };
