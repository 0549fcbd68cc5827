import { FaultPlan, startFaultProxy, type FaultKind, type FaultProxy } from '../../faults/fault-proxy';
import { apiPath, crafterForTests, freshUsername, NODE, runProfile } from './profile-harness';

const crafter = crafterForTests();

/** The first request meets the fault, the rest go through. */
class FirstRequestFault extends FaultPlan {
	private used = false;
	constructor(private readonly kind: FaultKind) {
		super(1, 1, [kind]);
	}
	override next(): FaultKind | 'none' {
		if (this.used) return 'none';
		this.used = true;
		return this.kind;
	}
}

let proxy: FaultProxy | undefined;
afterEach(async () => await proxy?.close());

const create = (username: string) => ({
	operation: 'create',
	tenantName: 'default',
	username,
	password: '={{ $json.password }}',
	email: `${username}@example.com`,
	enabled: true,
});
const items = [{ json: { password: 'only-in-the-item' } }];

test('Create whose answer is lost after Crafter stored it: the profile is found by username, not created twice', async () => {
	const emulator = crafter.emulator();
	proxy = await startFaultProxy(emulator.origin, new FirstRequestFault('forward-then-reset'));
	const username = freshUsername('lost.answer');
	const result = await runProfile(emulator, create(username), { items, origin: proxy.origin });
	expect(result.error).toBeUndefined();
	const [profile] = result.items;
	expect(profile).toMatchObject({ username, email: `${username}@example.com`, _reconciled: { recovered: true } });
	expect([...emulator.profileRecords.values()].filter((record) => record.username === username)).toHaveLength(1);
	expect(emulator.received.map(apiPath)).toEqual(['/create', '/by_username']);
	expect(JSON.stringify(result.run.data.resultData.runData[NODE])).not.toContain('only-in-the-item');
});

test('Create reset before it reached Crafter: Crafter has no such username, so the create is sent again, once', async () => {
	const emulator = crafter.emulator();
	proxy = await startFaultProxy(emulator.origin, new FirstRequestFault('reset-before'));
	const username = freshUsername('never.sent');
	const result = await runProfile(emulator, create(username), { items, origin: proxy.origin });
	expect(result.error).toBeUndefined();
	expect(result.items[0]).toMatchObject({ username });
	expect(result.items[0]._reconciled).toBeUndefined();
	expect([...emulator.profileRecords.values()].filter((record) => record.username === username)).toHaveLength(1);
	// The reset create never reached the emulator: the lookup found nothing, and the create went again.
	expect(emulator.received.map((request) => [apiPath(request), request.status])).toEqual([
		['/by_username', 404],
		['/create', 200],
	]);
});
