/** Every timer and in-flight promise the emulator owns, so settle() and close() can wait for or cancel them. */
export class PendingWork {
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly running = new Set<Promise<unknown>>();
	private waiters: Array<() => void> = [];
	private closed = false;

	get isClosed(): boolean {
		return this.closed;
	}

	/** Runs fn after ms (its returned promise counts as pending too); returns the handle for cancel(). */
	after(ms: number, fn: () => void | Promise<unknown>): NodeJS.Timeout | undefined {
		if (this.closed) return undefined;
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			try {
				const result = fn();
				if (result instanceof Promise) this.track(result);
			} finally {
				this.wake();
			}
		}, ms);
		this.timers.add(timer);
		return timer;
	}

	cancel(timer: NodeJS.Timeout | undefined): void {
		if (!timer) return;
		clearTimeout(timer);
		this.timers.delete(timer);
		this.wake();
	}

	track<T>(promise: Promise<T>): Promise<T> {
		const tracked = promise.finally(() => {
			this.running.delete(tracked);
			this.wake();
		});
		this.running.add(tracked);
		tracked.catch(() => undefined);
		return tracked;
	}

	/** Resolves once no timer or tracked promise is left (work scheduled meanwhile is waited for too). */
	settle(): Promise<void> {
		if (this.idle()) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push(resolve));
	}

	close(): void {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.running.clear();
		this.wake();
	}

	private idle(): boolean {
		return this.timers.size === 0 && this.running.size === 0;
	}

	private wake(): void {
		// Deferred so that work scheduled by the callback that just ran is counted before we decide.
		setImmediate(() => {
			if (!this.idle() || this.waiters.length === 0) return;
			const waiters = this.waiters;
			this.waiters = [];
			for (const resolve of waiters) resolve();
		});
	}
}
