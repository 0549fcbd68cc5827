import { pendingSendTurn, runAsItem, SendCancelled, SendTurns } from '../../nodes/shared/items/send-turns';

const flush = async () => await new Promise((resolve) => setImmediate(resolve));

/** Whether the promise has settled yet, and how. */
function track(promise: Promise<unknown>) {
	const state = { settled: false, error: undefined as unknown };
	promise.then(
		() => (state.settled = true),
		(error: unknown) => {
			state.settled = true;
			state.error = error;
		},
	);
	return state;
}

describe('SendTurns', () => {
	test('one request in flight: an item read ahead sends only once every item before it has finished', async () => {
		const turns = new SendTurns(1);
		await expect(turns.wait(0)).resolves.toBeUndefined();
		const second = track(turns.wait(1));
		await flush();
		expect(second.settled).toBe(false);
		turns.advance(1);
		await flush();
		expect(second).toEqual({ settled: true, error: undefined });
	});

	test('four in flight: items 0 to 3 send at once, item 4 when item 0 has finished, not when a later one has', async () => {
		const turns = new SendTurns(4);
		for (const index of [0, 1, 2, 3]) await expect(turns.wait(index)).resolves.toBeUndefined();
		const fifth = track(turns.wait(4));
		// Items 1 to 3 finishing leaves item 0 lowest: the window has not moved.
		turns.advance(0);
		await flush();
		expect(fifth.settled).toBe(false);
		turns.advance(4);
		await flush();
		expect(fifth.settled).toBe(true);
	});

	test('a stop at a failure: the item after it waiting sends nothing, nor does one asking later; an item before it still sends', async () => {
		const turns = new SendTurns(1);
		const waiting = track(turns.wait(2));
		// Item 1, read ahead, failed before sending while item 0 had not sent yet.
		turns.stopAt(1);
		await flush();
		expect(waiting.error).toBeInstanceOf(SendCancelled);
		await expect(turns.wait(3)).rejects.toBeInstanceOf(SendCancelled);
		await expect(turns.wait(0)).resolves.toBeUndefined();
	});

	test('the running item is known to whatever its operation calls; outside an item nothing waits', async () => {
		const turns = new SendTurns(1);
		expect(pendingSendTurn()).toBeUndefined();
		const first = track(runAsItem(turns, 0, async () => await pendingSendTurn()));
		const second = track(runAsItem(turns, 1, async () => {
			await flush();
			await pendingSendTurn();
		}));
		await flush();
		await flush();
		expect(first.settled).toBe(true);
		expect(second.settled).toBe(false);
		turns.advance(1);
		await flush();
		expect(second.settled).toBe(true);
		// Its turn already there: nothing to wait for.
		await runAsItem(turns, 1, async () => expect(pendingSendTurn()).toBeUndefined());
	});

	test('a pending turn the node cancels is no unhandled rejection when nothing awaited it yet', async () => {
		const turns = new SendTurns(1);
		const unhandled: unknown[] = [];
		const onUnhandled = (reason: unknown) => unhandled.push(reason);
		process.on('unhandledRejection', onUnhandled);
		try {
			const turn = await runAsItem(turns, 1, async () => ({ pending: pendingSendTurn() }));
			expect(turn.pending).toBeDefined();
			turns.stopAt(0);
			await new Promise((resolve) => setImmediate(resolve));
			expect(unhandled).toEqual([]);
			await expect(turn.pending).rejects.toBeInstanceOf(SendCancelled);
		} finally {
			process.off('unhandledRejection', onUnhandled);
		}
	});
});
