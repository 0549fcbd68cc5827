import { processesSharingKeyOf, requestsPerSecondOf } from '../../../nodes/shared/http/credential-session';
import { LaneLimiter } from '../../../nodes/shared/http/rate-limit/lane-limiter';
import { resetSharedLimiters, sharedLimiter } from '../../../nodes/shared/http/rate-limit/shared-limiter';

describe('sharedLimiter', () => {
	afterAll(() => resetSharedLimiters());

	test('one limiter per credential, limit and share, shared by everything that asks for it', () => {
		const a = sharedLimiter('credential-a', 5);
		expect(sharedLimiter('credential-a', 5)).toBe(a);
		expect(sharedLimiter('credential-a', 5, 1)).toBe(a);
		expect(sharedLimiter('credential-b', 5)).not.toBe(a);
		expect(sharedLimiter('credential-a', 10)).not.toBe(a);
		expect(sharedLimiter('credential-a', 5, 2)).not.toBe(a);
	});

	test('one process: the full rate, one lane per request per second', () => {
		const limiter = sharedLimiter('credential-c', 5) as LaneLimiter;
		expect(limiter).toBeInstanceOf(LaneLimiter);
		expect([limiter.laneCount, limiter.cycleMs]).toEqual([5, 1_000]);
	});

	test('two processes on 5 per second: two lanes each (process-share.ts)', () => {
		const limiter = sharedLimiter('credential-d', 5, 2) as LaneLimiter;
		expect([limiter.laneCount, limiter.cycleMs]).toEqual([2, 1_000]);
	});
});

describe('requestsPerSecondOf (the credential fields)', () => {
	test.each([
		['a ComplyCube sandbox key, left on the documented limit', 'complyCubeApi', { apiKey: 'test_abc', rateLimit: 'documented' }, 5],
		['a ComplyCube live key, left on the documented limit', 'complyCubeApi', { apiKey: 'live_abc', rateLimit: 'documented' }, 10],
		['a ComplyCube credential saved before the field existed', 'complyCubeApi', { apiKey: 'live_abc' }, 10],
		['a ComplyCube key of neither kind: the stricter limit', 'complyCubeApi', { apiKey: 'abc' }, 5],
		['a ComplyCube custom limit', 'complyCubeApi', { apiKey: 'live_abc', rateLimit: 'custom', requestsPerSecond: 3 }, 3],
		['a ComplyCube custom 0: no limit', 'complyCubeApi', { apiKey: 'test_abc', rateLimit: 'custom', requestsPerSecond: 0 }, 0],
		['Argos by default: no limit', 'argosIdentityApi', { apiKey: 'k' }, 0],
		['Argos with a limit', 'argosIdentityApi', { apiKey: 'k', requestsPerSecond: 7 }, 7],
		['Crafter with a fraction: whole requests', 'crafterProfileApi', { accessTokenId: 't', requestsPerSecond: 2.9 }, 2],
		['Crafter with nonsense: no limit', 'crafterProfileApi', { accessTokenId: 't', requestsPerSecond: 'many' }, 0],
	])('%s', (_case, type, credentials, expected) => {
		expect(requestsPerSecondOf(type, credentials)).toBe(expected);
	});
});

describe('processesSharingKeyOf (the credential field)', () => {
	test.each([
		['a credential saved before the field existed', {}, 1],
		['one process', { processesSharingKey: 1 }, 1],
		['main and two workers', { processesSharingKey: 3 }, 3],
		['a fraction: whole processes', { processesSharingKey: 2.7 }, 2],
		['0, negative or nonsense: one process', { processesSharingKey: 0 }, 1],
		['nonsense', { processesSharingKey: 'many' }, 1],
	])('%s', (_case, credentials, expected) => {
		expect(processesSharingKeyOf(credentials)).toBe(expected);
	});
});
