import lines from './n8n-lines.json';

/**
 * The n8n release lines the e2e runs against (scripts/e2e/n8n-lines.json) and the cell of the
 * matrix a test file runs in: one n8n version × one binary data mode. What differs between the
 * lines for the harness (the activation command, the webhook URL's variable name) is data here;
 * where a REST route or the editor differs, the harness tries one and falls back to the other.
 */
export type BinaryDataMode = 'default' | 'filesystem' | 'database';

export interface N8nLine {
	/** "2.x", "1.x" */
	line: string;
	version: string;
	/** The installed n8n's own package.json engines.node (the examples suite checks it). */
	nodeEngines: string;
	overrides: Record<string, string>;
	/** The mode n8n uses when N8N_DEFAULT_BINARY_DATA_MODE is not set. */
	defaultBinaryMode: BinaryDataMode;
	/** The modes a single instance (sqlite, no object store) offers. */
	binaryModes: BinaryDataMode[];
	/** Where the line reads the public base URL of webhooks and forms. */
	webhookUrlEnv: string;
	/** `n8n <activateCommand> --id=<id>`: marks an imported workflow active, so `n8n start` activates it. */
	activateCommand: string[];
}

export const N8N_LINES: readonly N8nLine[] = lines.lines as unknown as N8nLine[];

/** What the binary data modes are called in the matrix. */
export const BINARY_MODE_LABEL: Record<BinaryDataMode, string> = {
	default: 'in memory (`default`)',
	filesystem: 'filesystem',
	database: 'database (sqlite)',
};

export interface E2eCell {
	line: N8nLine;
	binaryMode: BinaryDataMode;
}

/** The jest project's cell (jest.e2e.config.js sets it as a global), else N8N_E2E_VERSION / N8N_E2E_BINARY_MODE, else the first line in its default mode. */
export function currentCell(): E2eCell {
	const fromJest = (globalThis as { __N8N_E2E_CELL__?: { version: string; binaryMode: BinaryDataMode } }).__N8N_E2E_CELL__;
	const wanted = fromJest?.version ?? process.env.N8N_E2E_VERSION;
	const line = wanted ? findLine(wanted) : N8N_LINES[0];
	const binaryMode = (fromJest?.binaryMode ?? process.env.N8N_E2E_BINARY_MODE ?? line.defaultBinaryMode) as BinaryDataMode;
	if (!line.binaryModes.includes(binaryMode))
		throw new Error(`n8n ${line.version} offers the binary data modes ${line.binaryModes.join(', ')}, not '${binaryMode}'`);
	return { line, binaryMode };
}

/** A line by version ("1.123.81"), line name ("1.x") or major ("1"). */
export function findLine(wanted: string): N8nLine {
	const line = N8N_LINES.find((candidate) => [candidate.version, candidate.line, candidate.line.replace('.x', '')].includes(wanted));
	if (!line) throw new Error(`No n8n line '${wanted}' in scripts/e2e/n8n-lines.json (${N8N_LINES.map((candidate) => candidate.version).join(', ')})`);
	return line;
}

/** A cell's name in test titles and logs, e.g. "n8n 1.123.81, binary data in memory (`default`)". */
export function cellName({ line, binaryMode }: E2eCell): string {
	return `n8n ${line.version}, binary data ${BINARY_MODE_LABEL[binaryMode]}`;
}

/**
 * The environment that puts an n8n of this cell's line in its binary data mode: the mode itself,
 * made available (n8n 1.x offers `database` only when it is listed in N8N_AVAILABLE_BINARY_DATA_MODES).
 */
export function binaryModeEnv({ binaryMode }: E2eCell): NodeJS.ProcessEnv {
	return {
		N8N_DEFAULT_BINARY_DATA_MODE: binaryMode,
		N8N_AVAILABLE_BINARY_DATA_MODES: binaryMode === 'default' ? 'filesystem' : [...new Set(['filesystem', binaryMode])].join(','),
	};
}
