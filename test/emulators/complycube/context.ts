import type { CheckOutcome, EventNameFamily } from './constants';
import type { PendingWork } from './pending-work';
import type { ComplyCubeCheck, Store } from './store';

export interface ResolvedOptions {
	checkDelayMs: number;
	allowHttpWebhooks: boolean;
	deliveryRetryDelaysMs: number[];
	eventNames: EventNameFamily;
}

/** What every route and runner shares. */
export interface Context {
	store: Store;
	work: PendingWork;
	options: ResolvedOptions;
	/** The emulator's origin (http://127.0.0.1:port), known once the server listens. */
	origin(): string;
	/** Check id -> its completion timer and the outcome it will get. */
	checkTimers: Map<string, { timer?: NodeJS.Timeout; outcome: CheckOutcome }>;
	/** Aborts in-flight webhook deliveries on close. */
	abort: AbortController;
	/** Called after a check completes (workflow sessions listen). */
	onCheckCompleted(check: ComplyCubeCheck): void;
}
