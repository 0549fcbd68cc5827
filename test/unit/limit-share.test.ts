import { limitShare } from '../../scripts/queue/accounting';

describe('limitShare (the figure test:queue and the bench hold to ≥ 0.9)', () => {
	test('requests evenly at the limit use all of it, but for the one second at the ends', () => {
		const even = Array.from({ length: 400 }, (_, index) => index * 200);
		expect(limitShare(even, 5)).toBeCloseTo(400 / (5 * 80.8), 5);
		expect(limitShare(even, 5)).toBeGreaterThan(0.98);
	});

	test('bursts of the limit each second use all of it, not more', () => {
		const bursts = Array.from({ length: 70 }, (_, index) => Math.floor(index / 5) * 1_000 + (index % 5));
		expect(limitShare(bursts, 5)).toBeCloseTo(1, 2);
		expect(limitShare(bursts, 5)).toBeLessThanOrEqual(1);
	});

	test('half the rate is half the limit; nothing is nothing', () => {
		expect(
			limitShare(
				Array.from({ length: 200 }, (_, index) => index * 400),
				5,
			),
		).toBeCloseTo(200 / (5 * 80.6), 5);
		expect(limitShare([], 5)).toBe(0);
	});
});
