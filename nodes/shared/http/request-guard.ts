import { sleep, type ICredentialDataDecryptedObject, type IDataObject } from 'n8n-workflow';

import { InputRefusal } from '../parameters/input-refusal';
import { itemParameter } from '../parameters/item-parameter';
import { operationTimeoutDefault } from '../parameters/operation-timeouts';
import { passwordParameterValues } from '../parameters/password-parameters';
import { AttemptTimer } from './attempt-timer';
import { networkCodeOf } from './network-code';
import { markRecovered, type Reconcile } from './reconcile';
import { redact, redactText, secretValues } from './redact';
import { MAX_ATTEMPTS, MAX_DELAY_MS, mayHaveActed, type AttemptOutcome } from './retry-policy';
import { NothingStoredError, UncertainOutcomeError } from './service-error';
import type { ServiceContext } from './service-request';

/** Per attempt, unless Options → Timeout says otherwise: an upload or a download may take a while, the rest should not. */
export const DEFAULT_TIMEOUT_MS = 30_000;
export const TRANSFER_TIMEOUT_MS = 60_000;

/** The least time a retry is given: with less left before the call's deadline, the last failure stands. */
export const MIN_ATTEMPT_MS = 1_000;

/** The code a timed-out attempt is reported with (socket codes mean something else). */
export const TIMEOUT_CODE = 'ETIMEDOUT';

/**
 * The longest one call can hold its item, reconciliation included: every attempt running out its timeout,
 * with the longest wait between attempts (a Retry-After is capped at 8 s).
 */
export function worstCaseMs(timeoutMs: number): number {
	return MAX_ATTEMPTS * timeoutMs + (MAX_ATTEMPTS - 1) * MAX_DELAY_MS;
}

/** What a call tells the guard about itself. */
export interface GuardedCall {
	service: string;
	idempotent: boolean;
	/** The item the call is for: Options → Timeout is read for it. */
	itemIndex?: number;
	/**
	 * An upload or download: the longer default timeout, where no operation's Timeout default is known (a node
	 * registers its operations' defaults: operation-timeouts.ts).
	 */
	transfer?: boolean;
	/** The credential's password fields: their values never leave the request path. */
	secretFields?: readonly string[];
	/** Other secrets the request carries (a password it sets): hidden the same way. */
	secrets?: readonly string[];
	/**
	 * Finds what the service holds after an ambiguous failure: for a create after each one (before it is sent
	 * again); for an overwrite (idempotent) only when the last attempt failed so, to tell success from failure.
	 */
	reconcile?: Reconcile;
	/** For a create: how a user checks what the service holds, when it cannot be asked. */
	howToCheck?: string;
}

// While a call reconciles, the lookups it makes for the same item share its bound: the deadline of the call,
// by the node run's context object and the item index (items in flight at once have different indexes).
const reconcilingDeadlines = new WeakMap<object, Map<number, number>>();

async function reconcilingWithin<T>(ctx: object, itemIndex: number | undefined, deadline: number, lookup: () => Promise<T>): Promise<T> {
	const key = itemIndex ?? -1;
	let byItem = reconcilingDeadlines.get(ctx);
	if (!byItem) {
		byItem = new Map();
		reconcilingDeadlines.set(ctx, byItem);
	}
	const outer = byItem.get(key);
	byItem.set(key, Math.min(outer ?? Infinity, deadline));
	try {
		return await lookup();
	} finally {
		if (outer === undefined) byItem.delete(key);
		else byItem.set(key, outer);
	}
}

function reconcilingDeadline(ctx: object, itemIndex: number | undefined): number | undefined {
	return reconcilingDeadlines.get(ctx)?.get(itemIndex ?? -1);
}

/** Options → Timeout for the item (ms, as n8n's HTTP Request node names it), or the default. Checked before sending. */
export function timeoutMsFor(ctx: ServiceContext, call: GuardedCall): number {
	const callDefault = call.transfer ? TRANSFER_TIMEOUT_MS : DEFAULT_TIMEOUT_MS;
	// Triggers (webhook registration, deliveries) have no items and no Options.
	if (!('getInputData' in ctx)) return callDefault;
	// The default the operation's Options → Timeout shows, so the editor and the request path cannot disagree.
	const fallback = operationTimeoutDefault(ctx) ?? callDefault;
	const value = itemParameter(ctx, 'options.timeout', call.itemIndex ?? 0, fallback);
	const ms = Number(value);
	if (value === '' || value === null || !Number.isFinite(ms) || ms < 1) {
		throw new InputRefusal(
			`Timeout '${String(value)}' is not a number of milliseconds`,
			`Set Options → Timeout to the milliseconds to wait for each attempt, e.g. ${fallback} for ${fallback / 1000} s.`,
		);
	}
	return Math.floor(ms);
}

export interface Attempt {
	/** What goes into the request: n8n's timeout and a signal that ends the attempt at its deadline. */
	options: { timeout: number; abortSignal: AbortSignal };
	/** Whether the attempt ended because its time ran out. */
	timedOut(error: unknown): boolean;
	/** The words for a timed-out attempt. */
	timeoutWords(): string;
	/** The attempt is over (answered or failed): its timer is let go. */
	end(): void;
}

/** Timeout, deadline, redaction and reconciliation for one call of the request path. */
export class RequestGuard {
	readonly timeoutMs: number;
	/** Both set when the first attempt is sent: an item read ahead may wait for its turn before that. */
	private startedAt = new Date();
	private deadline = Number.POSITIVE_INFINITY;
	private started = false;
	private readonly secrets: string[];

	constructor(
		private readonly ctx: ServiceContext,
		private readonly call: GuardedCall,
		credentials: ICredentialDataDecryptedObject,
	) {
		this.secrets = secretValues(credentials, call.secretFields ?? [], [...(call.secrets ?? []), ...passwordParameterValues(ctx, call.itemIndex)]);
		this.timeoutMs = timeoutMsFor(ctx, call);
	}

	redact<T>(value: T): T {
		return redact(value, this.secrets);
	}

	redactText(text: string): string {
		return redactText(text, this.secrets);
	}

	/** The call's bound (and, for reconciliation, its start) runs from its first attempt. */
	private start(): void {
		if (this.started) return;
		this.started = true;
		this.startedAt = new Date();
		this.deadline = Math.min(reconcilingDeadline(this.ctx, this.call.itemIndex) ?? Infinity, this.startedAt.getTime() + worstCaseMs(this.timeoutMs));
	}

	startAttempt(): Attempt {
		this.start();
		const ms = Math.max(1, Math.min(this.timeoutMs, this.deadline - Date.now()));
		const timer = new AttemptTimer();
		timer.start(ms);
		return this.attempt(ms, timer);
	}

	private attempt(ms: number, timer: AttemptTimer): Attempt {
		const abortSignal = timer.signal;
		return {
			options: { timeout: ms, abortSignal },
			timedOut: (error) => abortSignal.aborted || /^(ECONNABORTED|ETIMEDOUT)$/.test(networkCodeOf(error)),
			timeoutWords: () => `no answer came within ${seconds(ms)} (Options → Timeout), so the request was abandoned`,
			end: () => timer.end(),
		};
	}

	/** How long since the call's first attempt started. */
	elapsedMs(): number {
		return this.started ? Date.now() - this.startedAt.getTime() : 0;
	}

	/**
	 * Whether there is time to wait `delayMs` and try again within the call's bound, with at least
	 * MIN_ATTEMPT_MS left for the attempt: one with less would only report a timeout of no length.
	 */
	canWait(delayMs: number): boolean {
		return Date.now() + delayMs + Math.min(MIN_ATTEMPT_MS, this.timeoutMs) < this.deadline;
	}

	async wait(delayMs: number): Promise<void> {
		await sleep(Math.max(0, Math.min(delayMs, this.deadline - Date.now())));
	}

	/**
	 * After a failed attempt of a create that may have reached the service: asks the service (the call's
	 * reconcile) what it made since the call started. Found: the record, marked recovered. Not found: the
	 * outcome becomes 'absent', safe to send again. Cannot be asked (or no way to ask): the failure becomes
	 * an UncertainOutcomeError that says the request may have arrived and how to check.
	 *
	 * An overwrite is sent again anyway; only after its last attempt is the service asked (when the call can),
	 * and a lookup that fails leaves the failure as it is: running an overwrite again is safe.
	 */
	async settle(outcome: AttemptOutcome, failure: Error, last: boolean): Promise<{ recovered?: IDataObject; outcome: AttemptOutcome; failure: Error }> {
		if (!mayHaveActed(outcome)) return { outcome, failure };
		if (this.call.idempotent) return last && this.call.reconcile ? await this.settleOverwrite(outcome, failure) : { outcome, failure };
		const howToCheck = this.call.howToCheck ?? `Look for the record in ${this.call.service} before running this item again.`;
		if (!this.call.reconcile) return { outcome, failure: new UncertainOutcomeError(this.call.service, failure, howToCheck) };
		let found: IDataObject | undefined;
		try {
			const reconcile = this.call.reconcile;
			found = await reconcilingWithin(this.ctx, this.call.itemIndex, this.deadline, async () => await reconcile(this.startedAt));
		} catch (lookupError) {
			const words = this.redactText(lookupError instanceof Error ? lookupError.message : String(lookupError));
			return { outcome, failure: new UncertainOutcomeError(this.call.service, failure, howToCheck, words) };
		}
		if (found) return { recovered: this.redact(markRecovered(found, this.call.service, failure)), outcome, failure };
		return { outcome: { kind: 'absent' }, failure: new NothingStoredError(this.call.service, failure) };
	}

	private async settleOverwrite(outcome: AttemptOutcome, failure: Error): Promise<{ recovered?: IDataObject; outcome: AttemptOutcome; failure: Error }> {
		const reconcile = this.call.reconcile!;
		try {
			const found = await reconcilingWithin(this.ctx, this.call.itemIndex, this.deadline, async () => await reconcile(this.startedAt));
			if (found) return { recovered: this.redact(markRecovered(found, this.call.service, failure)), outcome, failure };
			return { outcome, failure: new NothingStoredError(this.call.service, failure) };
		} catch {
			// The service cannot be asked either: the failure stands, and its description says a re-run is safe.
			return { outcome, failure };
		}
	}
}

function seconds(ms: number): string {
	return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
