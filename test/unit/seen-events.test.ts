import { claimDelivery, markRun, releaseDelivery, runDeliveries, triggerScope } from '../../nodes/shared/webhooks/delivery-claims';
import { eventDigest, keptEvents, rememberEvents, SEEN_EVENTS_KEPT } from '../../nodes/shared/webhooks/seen-events';

const digest = (text: string) => eventDigest(text);

describe('the remembered events (static data)', () => {
	test('a key already there keeps its place; the oldest go first past the limit', () => {
		const [a, b, c] = ['a', 'b', 'c'].map(digest);
		expect(rememberEvents([a, b], [a, c])).toEqual([a, b, c]);
		const many = Array.from({ length: SEEN_EVENTS_KEPT }, (_, index) => digest(`e${index}`));
		const next = rememberEvents(many, [c]);
		expect(next).toHaveLength(SEEN_EVENTS_KEPT);
		expect(next[0]).toBe(many[1]);
		expect(next.at(-1)).toBe(c);
	});

	test('what an earlier version stored (raw ids of any length) or anything else malformed is dropped when read', () => {
		const good = digest('x');
		expect(keptEvents(['65b2c0ffee00000000000e01', 'x'.repeat(1_000_000), good, 42, null, { key: good }])).toEqual([good]);
		expect(
			keptEvents([
				{ key: `approved:${'s'.repeat(1000)}:${good}`, at: 1 },
				{ key: good, at: 2 },
			]),
		).toEqual([{ key: good, at: 2 }]);
		expect(keptEvents('not a list')).toEqual([]);
		expect(rememberEvents(['raw-id'], ['also-raw' as string])).toEqual([]);
	});
});

describe('the claims of one process', () => {
	const trigger = triggerScope('workflow-1', 'node-1');

	test('a claim is taken once until it lapses; another trigger has its own', () => {
		const key = digest('claimed');
		expect(claimDelivery(trigger, key, 1_000, 500)).toBe(true);
		expect(claimDelivery(trigger, key, 1_499, 500)).toBe(false);
		expect(claimDelivery(triggerScope('workflow-2', 'node-1'), key, 1_200, 500)).toBe(true);
		expect(claimDelivery(trigger, key, 1_500, 500)).toBe(true);
	});

	test('a released claim can be taken again; only the ones that ran are listed to be remembered', () => {
		const [failed, ran, inFlight] = ['failed', 'ran', 'in flight'].map(digest);
		for (const key of [failed, ran, inFlight]) expect(claimDelivery(trigger, key, 10_000, 1_000)).toBe(true);
		releaseDelivery(trigger, failed);
		expect(claimDelivery(trigger, failed, 10_001, 1_000)).toBe(true);
		markRun(trigger, ran);
		expect(runDeliveries(trigger, 10_500)).toEqual([{ key: ran, at: 10_000 }]);
		expect(runDeliveries(trigger, 11_000)).toEqual([]);
	});

	test('a trigger holds at most SEEN_EVENTS_KEPT claims, the oldest given up first', () => {
		const busy = triggerScope('workflow-busy', 'node-1');
		const keys = Array.from({ length: SEEN_EVENTS_KEPT + 1 }, (_, index) => digest(`busy ${index}`));
		for (const key of keys) expect(claimDelivery(busy, key, 50_000, 60_000)).toBe(true);
		for (const key of keys) markRun(busy, key);
		const listed = runDeliveries(busy, 50_001).map((entry) => entry.key);
		expect(listed).toHaveLength(SEEN_EVENTS_KEPT);
		expect(listed[0]).toBe(keys[1]);
		expect(claimDelivery(busy, keys[0], 50_001, 60_000)).toBe(true);
	});
});
