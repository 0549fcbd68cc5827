/**
 * An attempt's timeout, which may start after the request was made (an item read ahead: send-attempt.ts).
 * Its signal aborts once the time runs out; end() takes its listener off the timeout as soon as the attempt
 * is over. A timeout signal with a listener is kept for its whole time, a minute for an upload, with all
 * the listener reaches: over a long run, thousands of them for the garbage collector to carry.
 */
export class AttemptTimer {
	private readonly controller = new AbortController();
	private stop: (() => void) | undefined;

	get signal(): AbortSignal {
		return this.controller.signal;
	}

	start(ms: number): void {
		// Only the controller in the listener, not this object's owner (the attempt, its request body).
		const controller = this.controller;
		const timeout = AbortSignal.timeout(ms);
		const abort = () => controller.abort(timeout.reason);
		timeout.addEventListener('abort', abort, { once: true });
		this.stop = () => timeout.removeEventListener('abort', abort);
	}

	end(): void {
		this.stop?.();
		this.stop = undefined;
	}
}
