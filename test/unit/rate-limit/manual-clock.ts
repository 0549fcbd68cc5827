import type { LimiterClock } from '../../../nodes/shared/http/rate-limit/clock';

/** A clock the test moves: time passes only from one timer to the next, so a minute of load runs in milliseconds. */
export class ManualClock implements LimiterClock {
	private time = 0;
	private timers: Array<{ at: number; seq: number; resolve: () => void }> = [];
	private seq = 0;

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		await new Promise<void>((resolve) => this.timers.push({ at: this.time + Math.max(0, ms), seq: this.seq++, resolve }));
	}

	/** Lets every promise that can settle now settle. */
	async settle(): Promise<void> {
		await new Promise((resolve) => setImmediate(resolve));
	}

	/** Runs the timers due up to `ms` from now, in order, letting the promises settle after each. */
	async advance(ms: number): Promise<void> {
		const until = this.time + ms;
		await this.settle();
		for (let next = this.next(); next && next.at <= until; next = this.next()) await this.fire(next);
		this.time = until;
		await this.settle();
	}

	/** Runs timers, in order, until `done()` says so (or nothing is left to run). */
	async runUntil(done: () => boolean, limitMs = 24 * 3_600_000): Promise<void> {
		await this.settle();
		while (!done()) {
			const next = this.next();
			if (!next || next.at > limitMs) return;
			await this.fire(next);
		}
	}

	private next() {
		this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
		return this.timers[0];
	}

	private async fire(timer: { at: number; resolve: () => void }) {
		this.timers.shift();
		this.time = Math.max(this.time, timer.at);
		timer.resolve();
		await this.settle();
	}
}
