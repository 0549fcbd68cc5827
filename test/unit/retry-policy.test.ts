import {
	COMPLYCUBE_THROTTLE_BACKOFF,
	DEFAULT_THROTTLE_BACKOFF,
	MAX_ATTEMPTS,
	mayHaveActed,
	retryAfterMs,
	retryDelayMs,
	shouldRetry,
	throttledDelayMs,
	type AttemptOutcome,
} from '../../nodes/shared/http/retry-policy';

const status = (code: number): AttemptOutcome => ({ kind: 'status', status: code });
const refused: AttemptOutcome = { kind: 'network', arrived: false };
const droppedAfterArrival: AttemptOutcome = { kind: 'network', arrived: true };

/** Attempts are numbered from 1; the callers retry after attempt n while shouldRetry says so. */
const attemptsBeforeTheLast = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, index) => index + 1);

describe('shouldRetry', () => {
	test('MAX_ATTEMPTS allows a few retries, not one and not unbounded', () => {
		expect(MAX_ATTEMPTS).toBeGreaterThanOrEqual(2);
		expect(MAX_ATTEMPTS).toBeLessThanOrEqual(10);
	});

	describe.each([
		['an idempotent request', true],
		['a create (not idempotent)', false],
	])('%s', (_name, idempotent) => {
		test.each(attemptsBeforeTheLast)('429 is retried after attempt %d', (attempt) => {
			expect(shouldRetry(status(429), attempt, idempotent)).toBe(true);
		});

		test.each(attemptsBeforeTheLast)('a refused connection (never arrived) is retried after attempt %d', (attempt) => {
			expect(shouldRetry(refused, attempt, idempotent)).toBe(true);
		});

		test.each([400, 401, 403, 404, 409, 413, 415, 422])('%d is never retried', (code) => {
			for (const attempt of attemptsBeforeTheLast) expect(shouldRetry(status(code), attempt, idempotent)).toBe(false);
		});

		test.each([501, 505])('%d (a server that will not do it) is never retried', (code) => {
			expect(shouldRetry(status(code), 1, idempotent)).toBe(false);
		});

		test("429 is retried after any number of attempts: the call's deadline bounds the waits (service-request.ts)", () => {
			for (const attempt of [1, MAX_ATTEMPTS, MAX_ATTEMPTS + 1, 50]) expect(shouldRetry(status(429), attempt, idempotent)).toBe(true);
		});

		test.each([
			['503', status(503)],
			['a refused connection', refused],
			['a dropped connection', droppedAfterArrival],
		])('%s is not retried once MAX_ATTEMPTS attempts have been made', (_outcome, outcome) => {
			expect(shouldRetry(outcome, MAX_ATTEMPTS, idempotent)).toBe(false);
			expect(shouldRetry(outcome, MAX_ATTEMPTS + 1, idempotent)).toBe(false);
		});
	});

	describe('server faults and dropped connections may come after the service acted', () => {
		test.each([500, 502, 503, 504])('%d is retried only when the request is idempotent', (code) => {
			for (const attempt of attemptsBeforeTheLast) {
				expect(shouldRetry(status(code), attempt, true)).toBe(true);
				expect(shouldRetry(status(code), attempt, false)).toBe(false);
			}
		});

		test('a connection dropped after the request arrived is retried only when idempotent', () => {
			for (const attempt of attemptsBeforeTheLast) {
				expect(shouldRetry(droppedAfterArrival, attempt, true)).toBe(true);
				expect(shouldRetry(droppedAfterArrival, attempt, false)).toBe(false);
			}
		});
	});

	describe("'absent': after an ambiguous failure the service was asked and holds nothing", () => {
		test.each(attemptsBeforeTheLast)('a create is sent again after attempt %d', (attempt) => {
			expect(shouldRetry({ kind: 'absent' }, attempt, false)).toBe(true);
		});

		test('but never past MAX_ATTEMPTS', () => {
			expect(shouldRetry({ kind: 'absent' }, MAX_ATTEMPTS, false)).toBe(false);
		});
	});
});

describe('throttledDelayMs (the wait after a 429)', () => {
	test("ComplyCube's recommended backoff: from 30 s, doubling, with a random jitter of ±25%, capped", () => {
		const at = (before: number, random: number) => throttledDelayMs(before, COMPLYCUBE_THROTTLE_BACKOFF, undefined, 0, () => random);
		expect([0, 1, 2, 3].map((before) => at(before, 0.5))).toEqual([30_000, 60_000, 120_000, 120_000]);
		expect(at(0, 0)).toBe(22_500);
		expect(at(0, 0.999_999)).toBe(37_500);
		expect(at(1, 0)).toBe(45_000);
	});

	test('services that recommend nothing: the usual backoff from 500 ms, with the same jitter', () => {
		const at = (before: number) => throttledDelayMs(before, DEFAULT_THROTTLE_BACKOFF, undefined, 0, () => 0.5);
		expect([0, 1, 2, 3, 4, 5].map(at)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000]);
	});

	test("the service's Retry-After wins, in seconds or as a date, and is not cut short", () => {
		expect(throttledDelayMs(0, COMPLYCUBE_THROTTLE_BACKOFF, '2')).toBe(2_000);
		expect(throttledDelayMs(3, DEFAULT_THROTTLE_BACKOFF, '45')).toBe(45_000);
		const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
		expect(throttledDelayMs(0, COMPLYCUBE_THROTTLE_BACKOFF, 'Wed, 21 Oct 2015 07:28:12 GMT', now)).toBe(12_000);
	});

	test('the jitter spreads items that met a 429 together', () => {
		const delays = new Set(Array.from({ length: 20 }, () => throttledDelayMs(0, COMPLYCUBE_THROTTLE_BACKOFF)));
		expect(delays.size).toBeGreaterThan(10);
	});
});

describe('retryDelayMs', () => {
	test('backs off exponentially from 500 ms', () => {
		expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt))).toEqual([500, 1000, 2000, 4000]);
	});

	test('the backoff is capped', () => {
		const delays = [5, 6, 10, 30, 100].map((attempt) => retryDelayMs(attempt));
		expect(delays[0]).toBe(8000);
		for (const delay of delays) expect(delay).toBe(8000);
	});

	test.each<[string, number]>([
		['0', 0],
		['1', 1000],
		['3', 3000],
		['1.5', 1500],
		[' 2 ', 2000],
		['8', 8000],
	])('Retry-After %j seconds is honoured: %d ms', (retryAfter, delay) => {
		expect(retryDelayMs(1, retryAfter)).toBe(delay);
		expect(retryDelayMs(3, retryAfter)).toBe(delay);
	});

	test.each(['9', '60', '3600', '99999999'])('Retry-After %j seconds is capped at 8 s', (retryAfter) => {
		expect(retryDelayMs(1, retryAfter)).toBe(8000);
	});

	test.each(['', '   ', 'soon', 'abc', '-1', '-0.5', 'NaN', 'Infinity', '1 2', '5s'])(
		'garbage Retry-After %j is ignored: the backoff is used',
		(retryAfter) => {
			expect(retryDelayMs(1, retryAfter)).toBe(500);
			expect(retryDelayMs(2, retryAfter)).toBe(1000);
			expect(retryDelayMs(3, retryAfter)).toBe(2000);
		},
	);

	describe('Retry-After as an HTTP date (RFC 9110 §10.2.3)', () => {
		const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

		test.each<[string, number]>([
			['Wed, 21 Oct 2015 07:28:03 GMT', 3000],
			['Wed, 21 Oct 2015 07:28:00 GMT', 0],
			['Wed, 21 Oct 2015 07:27:00 GMT', 0],
			['  Wed, 21 Oct 2015 07:28:05 GMT ', 5000],
			// The obsolete forms recipients must accept: RFC 850 and asctime (always GMT, though it does not say so).
			['Wednesday, 21-Oct-15 07:28:02 GMT', 2000],
			['Wed Oct 21 07:28:04 2015', 4000],
		])('%j is waited until: %d ms', (retryAfter, delay) => {
			expect(retryAfterMs(retryAfter, now)).toBe(delay);
			expect(retryDelayMs(2, retryAfter, now)).toBe(delay);
		});

		test('a date far ahead is capped at 8 s, like a large number of seconds', () => {
			expect(retryDelayMs(1, 'Wed, 21 Oct 2015 08:28:00 GMT', now)).toBe(8000);
			expect(retryDelayMs(1, 'Thu, 01 Jan 2099 00:00:00 GMT', now)).toBe(8000);
		});

		test('a date in the past means now, not the backoff', () => {
			expect(retryDelayMs(3, 'Tue, 20 Oct 2015 07:28:00 GMT', now)).toBe(0);
		});

		test.each(['Wed, 32 Oct 2015 07:28:00 GMT', 'Wed, 21 Foo 2015 07:28:00 GMT', 'tomorrow at noon', '2015-10-21', 'Wed, 21 Oct 2015'])(
			'an unreadable date %j is ignored: the backoff is used',
			(retryAfter) => {
				expect(retryDelayMs(2, retryAfter, now)).toBe(1000);
			},
		);

		test('with the real clock: a date two seconds ahead waits about two seconds', () => {
			const delay = retryDelayMs(1, new Date(Date.now() + 2000).toUTCString());
			expect(delay).toBeGreaterThan(500);
			expect(delay).toBeLessThanOrEqual(2000);
		});
	});

	test('no Retry-After at all uses the backoff', () => {
		expect(retryDelayMs(2, undefined)).toBe(1000);
	});

	test('every delay is a finite, non-negative number of milliseconds', () => {
		for (let attempt = 1; attempt <= 50; attempt++) {
			for (const retryAfter of [undefined, '', '5', 'junk', '1e9']) {
				const delay = retryDelayMs(attempt, retryAfter);
				expect(Number.isFinite(delay)).toBe(true);
				expect(delay).toBeGreaterThanOrEqual(0);
				expect(delay).toBeLessThanOrEqual(8000);
			}
		}
	});
});

describe('mayHaveActed: which failures of a create need the service asked before anything else', () => {
	test.each([500, 502, 503, 504, 507, 520, 599])('%d may come after the service acted', (code) => {
		expect(mayHaveActed(status(code))).toBe(true);
	});

	test.each([400, 401, 403, 404, 408, 409, 413, 422, 429, 501, 505])('%d says the service did not act', (code) => {
		expect(mayHaveActed(status(code))).toBe(false);
	});

	test('a dropped or timed-out connection after sending may have arrived; a refused one did not', () => {
		expect(mayHaveActed(droppedAfterArrival)).toBe(true);
		expect(mayHaveActed(refused)).toBe(false);
		expect(mayHaveActed({ kind: 'absent' })).toBe(false);
	});
});
