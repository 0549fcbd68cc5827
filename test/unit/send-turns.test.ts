import { pendingSendTurn, SendCancelled, SendTurns, useSendTurns } from '../../nodes/shared/items/send-turns';

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

	test('a call finds the turn of its item by the node run and item index; outside a run or without an item nothing waits', async () => {
		const turns = new SendTurns(1);
		const run = {};
		expect(pendingSendTurn(run, 1)).toBeUndefined();
		useSendTurns(run, turns);
		expect(pendingSendTurn(run, 0)).toBeUndefined();
		expect(pendingSendTurn(run, undefined)).toBeUndefined();
		expect(pendingSendTurn({}, 1)).toBeUndefined();
		const second = track(pendingSendTurn(run, 1)!);
		await flush();
		expect(second.settled).toBe(false);
		turns.advance(1);
		await flush();
		expect(second.settled).toBe(true);
		// Its turn already there: nothing to wait for.
		expect(pendingSendTurn(run, 1)).toBeUndefined();
	});

	test('a pending turn the node cancels is no unhandled rejection when nothing awaited it yet', async () => {
		const turns = new SendTurns(1);
		const run = {};
		useSendTurns(run, turns);
		const unhandled: unknown[] = [];
		const onUnhandled = (reason: unknown) => unhandled.push(reason);
		process.on('unhandledRejection', onUnhandled);
		try {
			const pending = pendingSendTurn(run, 1);
			expect(pending).toBeDefined();
			turns.stopAt(0);
			await new Promise((resolve) => setImmediate(resolve));
			expect(unhandled).toEqual([]);
			await expect(pending).rejects.toBeInstanceOf(SendCancelled);
		} finally {
			process.off('unhandledRejection', onUnhandled);
		}
	});
});
