import { AttemptTimer } from '../../nodes/shared/http/attempt-timer';

const wait = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('AttemptTimer', () => {
	test('its signal aborts with a TimeoutError once the time has run out from start()', async () => {
		const timer = new AttemptTimer();
		await wait(30);
		// Not started: the time before start() (an item waiting for its turn) does not count.
		expect(timer.signal.aborted).toBe(false);
		timer.start(20);
		await wait(5);
		expect(timer.signal.aborted).toBe(false);
		await wait(40);
		expect(timer.signal.aborted).toBe(true);
		expect((timer.signal.reason as DOMException).name).toBe('TimeoutError');
	});

	test('ended before its time, it never aborts', async () => {
		const timer = new AttemptTimer();
		timer.start(20);
		timer.end();
		await wait(50);
		expect(timer.signal.aborted).toBe(false);
	});

	test('ended without being started (a request dropped before its turn), nothing happens', () => {
		const timer = new AttemptTimer();
		expect(() => timer.end()).not.toThrow();
		expect(timer.signal.aborted).toBe(false);
	});
});
