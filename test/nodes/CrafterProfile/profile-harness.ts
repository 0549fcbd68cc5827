import path from 'node:path';

import { startCrafterEmulator, type CrafterEmulator } from '../../emulators/crafter';
import type { ReceivedRequest } from '../../emulators/emulator-server';
import { startMailSink, type MailSink } from '../../emulators/mail-sink';
import type { FixtureItem } from '../../engine/fixture-items.node';
import { runWorkflow } from '../../engine/run-workflow';
import { loadWorkflow } from '../../engine/workflow-file';

const WORKFLOW = path.join(__dirname, 'profiles.workflow.json');
export const NODE = 'Crafter Profile';

/** One emulator for a test file, its received requests cleared before each test; with `mail`, its e-mails go to a mail sink. */
export function crafterForTests(options: { mail?: boolean } = {}): { emulator: () => CrafterEmulator; mail: () => MailSink } {
	let emulator: CrafterEmulator;
	let sink: MailSink | undefined;
	beforeAll(async () => {
		sink = options.mail ? await startMailSink() : undefined;
		emulator = await startCrafterEmulator({ smtp: sink && { host: sink.host, port: sink.port } });
	});
	afterAll(async () => {
		await emulator.close();
		await sink?.close();
	});
	beforeEach(() => {
		emulator.received.length = 0;
		if (sink) sink.messages.length = 0;
	});
	return {
		emulator: () => emulator,
		mail: () => {
			if (!sink) throw new Error('crafterForTests({ mail: true }) starts the mail sink');
			return sink;
		},
	};
}

export interface RunOptions {
	items?: FixtureItem[];
	accessTokenId?: string;
	continueOnError?: boolean;
	/** Another way to the emulator (a fault proxy): its origin. */
	origin?: string;
	/** The node's version; the workflow file's (1, as saved before 1.1) unless given. */
	typeVersion?: number;
}

/** Runs the Crafter Profile node on the Profile resource with these parameters, one item unless given. */
export async function runProfile(emulator: CrafterEmulator, parameters: Record<string, unknown>, options: RunOptions = {}) {
	const workflow = loadWorkflow(WORKFLOW, options.items ?? [{ json: {} }], {
		[NODE]: {
			parameters: { resource: 'profile', ...parameters },
			...(options.continueOnError ? { onError: 'continueRegularOutput' } : {}),
			...(options.typeVersion ? { typeVersion: options.typeVersion } : {}),
		},
	});
	const baseUrl = options.origin ? `${options.origin}/crafter-profile` : emulator.baseUrl;
	const credentials = { crafterProfileApi: { baseUrl, accessTokenId: options.accessTokenId ?? emulator.accessToken } };
	const result = await runWorkflow(workflow, credentials);
	return { ...result, items: result.output(NODE).map((item) => item.json) };
}

/** The path below /crafter-profile/api/1/profile of a received request. */
export const apiPath = (request: ReceivedRequest) => request.path.replace('/crafter-profile/api/1/profile', '');

/** The form parameters of a received POST. */
export const formOf = (request: ReceivedRequest) => new URLSearchParams(request.body.toString('utf8'));

let counter = 0;
/** A username no other test uses. */
export const freshUsername = (stem = 'customer') => `${stem}.${Date.now().toString(36)}.${++counter}`;
