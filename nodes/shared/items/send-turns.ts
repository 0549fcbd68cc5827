/**
 * Which items of a node run may send requests now. The item runner (per-item-runner.ts) starts a few
 * items more than Parallel Requests (READ_AHEAD), so the next items read their files and check their
 * parameters while the current ones are at the service; their first requests then wait here for their
 * turn. An item's turn comes when it is fewer than Parallel Requests places after the lowest unfinished
 * item, so with one request in flight an item sends nothing before the one before it has finished, as
 * without the look-ahead.
 */
export class SendTurns {
	private lowestUnfinished = 0;
	private waiting: Array<{ itemIndex: number; resolve: () => void; reject: (error: Error) => void }> = [];
	/** The node stops at this item's failure: items after it send nothing more. */
	private stoppedAt = Number.POSITIVE_INFINITY;

	constructor(private readonly parallelRequests: number) {}

	private hasTurn(itemIndex: number): boolean {
		return itemIndex < this.lowestUnfinished + this.parallelRequests;
	}

	/** Whether the item may send now: its turn has come and the node has not stopped before it. */
	maySend(itemIndex: number): boolean {
		return this.hasTurn(itemIndex) && itemIndex <= this.stoppedAt;
	}

	async wait(itemIndex: number): Promise<void> {
		if (itemIndex > this.stoppedAt) throw new SendCancelled();
		if (this.hasTurn(itemIndex)) return;
		await new Promise<void>((resolve, reject) => this.waiting.push({ itemIndex, resolve, reject }));
	}

	/** The runner moved on: every item below `lowestUnfinished` has finished. */
	advance(lowestUnfinished: number): void {
		this.lowestUnfinished = lowestUnfinished;
		const ready = this.waiting.filter((waiter) => this.hasTurn(waiter.itemIndex));
		this.waiting = this.waiting.filter((waiter) => !this.hasTurn(waiter.itemIndex));
		for (const waiter of ready) waiter.resolve();
	}

	/**
	 * The node stops at this item's failure: an item after it that has not sent yet sends nothing. Items
	 * before it go on (an item read ahead can fail before the one at the service has finished).
	 */
	stopAt(itemIndex: number): void {
		this.stoppedAt = Math.min(this.stoppedAt, itemIndex);
		const cancelled = this.waiting.filter((waiter) => waiter.itemIndex > this.stoppedAt);
		this.waiting = this.waiting.filter((waiter) => waiter.itemIndex <= this.stoppedAt);
		for (const waiter of cancelled) waiter.reject(new SendCancelled());
	}
}

/** An item that was read ahead but whose turn never came: the node stopped at an earlier item's failure. */
export class SendCancelled extends Error {
	constructor() {
		super('The node stopped at an earlier item before this one was sent.');
		this.name = 'SendCancelled';
	}
}

// The node run's turns, by the context object n8n hands the node (one per run): a call finds its item's turn by
// the item index it carries (ServiceCall.itemIndex). Collected with the context.
const runTurns = new WeakMap<object, SendTurns>();

/** The node run's items send in turns (per-item-runner.ts); until this is called, every call may send at once. */
export function useSendTurns(ctx: object, turns: SendTurns): void {
	runTurns.set(ctx, turns);
}

/**
 * The item's turn when it has not come yet (the item was read ahead), else undefined: it may send now (or runs
 * outside the item runner: a trigger, a call without an item). Rejects with SendCancelled if the node stops first.
 */
export function pendingSendTurn(ctx: object, itemIndex: number | undefined): Promise<void> | undefined {
	const turns = runTurns.get(ctx);
	if (!turns || itemIndex === undefined || turns.maySend(itemIndex)) return undefined;
	const turn = turns.wait(itemIndex);
	// Handled where it is awaited; not an unhandled rejection if the call fails before that (building its request).
	turn.catch(() => undefined);
	return turn;
}
