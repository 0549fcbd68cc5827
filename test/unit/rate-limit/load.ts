import type { Limiter } from '../../../nodes/shared/http/rate-limit/slot';

/** Arrivals at a stand-in service, as its clock saw them. */
export interface Arrival {
	at: number;
	sender: string;
}

/** The most arrivals in any window of `windowMs` (a sliding window, as the ComplyCube emulator counts). */
export function maxInWindow(arrivals: Arrival[], windowMs = 1_000): number {
	const times = arrivals.map((arrival) => arrival.at).sort((a, b) => a - b);
	let most = 0;
	for (let end = 0, start = 0; end < times.length; end++) {
		while (times[end] - times[start] >= windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `loops` senders on one limiter, each sending one request after another until `untilMs` from now: a request
 * travels 0-`latencyMs` to arrive (recorded), then 0-`latencyMs` more until its answer, then gives back its slot.
 */
export async function sendThrough(limiter: Limiter, sender: string, loops: number, untilMs: number, arrivals: Arrival[], latencyMs = 30): Promise<number> {
	const end = Date.now() + untilMs;
	let sent = 0;
	await Promise.all(
		Array.from({ length: loops }, async () => {
			while (Date.now() < end) {
				const release = await limiter.acquire(undefined, 5_000);
				await pause(Math.random() * latencyMs);
				arrivals.push({ at: Date.now(), sender });
				sent++;
				await pause(Math.random() * latencyMs);
				release('answered');
			}
		}),
	);
	return sent;
}
