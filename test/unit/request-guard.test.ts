import { ArgosIdentityApi } from '../../credentials/ArgosIdentityApi.credentials';
import { ComplyCubeApi } from '../../credentials/ComplyCubeApi.credentials';
import { CrafterProfileApi } from '../../credentials/CrafterProfileApi.credentials';
import { ARGOS_SECRET_FIELDS } from '../../nodes/ArgosIdentity/transport';
import { COMPLYCUBE_SECRET_FIELDS } from '../../nodes/ComplyCube/transport';
import { CRAFTER_SECRET_FIELDS } from '../../nodes/CrafterProfile/transport';
import { checkedBaseUrl } from '../../nodes/shared/http/base-url';
import { createdSince, markRecovered, newestSince, RECONCILED_KEY } from '../../nodes/shared/http/reconcile';
import { REDACTED, redact, secretValues } from '../../nodes/shared/http/redact';
import { DEFAULT_TIMEOUT_MS, TRANSFER_TIMEOUT_MS, worstCaseMs } from '../../nodes/shared/http/request-guard';
import { summarise } from '../../nodes/shared/http/service-error';
import { InputRefusal } from '../../nodes/shared/parameters/input-refusal';

describe('secrets: every password field of each credential is redacted', () => {
	test.each([
		['complyCubeApi', new ComplyCubeApi(), COMPLYCUBE_SECRET_FIELDS],
		['argosIdentityApi', new ArgosIdentityApi(), ARGOS_SECRET_FIELDS],
		['crafterProfileApi', new CrafterProfileApi(), CRAFTER_SECRET_FIELDS],
	] as const)('%s', (_name, credential, fields) => {
		const passwordFields = credential.properties.filter((property) => property.typeOptions?.password).map((property) => property.name);
		expect([...fields].sort()).toEqual(passwordFields.sort());
	});

	test('in strings, keys, nested objects and arrays; as given, URL-encoded and JSON-escaped; bytes kept as they are', () => {
		const secrets = secretValues({ token: 'a/b "c"', baseUrl: 'http://x' }, ['token']);
		const bytes = Buffer.from('a/b "c"');
		const value = redact({ message: 'token a/b "c" bad', url: '?t=a%2Fb%20%22c%22', raw: 'a/b \\"c\\"', list: [{ 'a/b "c"': 1 }], bytes }, secrets);
		expect(value).toEqual({ message: `token ${REDACTED} bad`, url: `?t=${REDACTED}`, raw: REDACTED, list: [{ [REDACTED]: 1 }], bytes });
		expect(value.bytes).toBe(bytes);
	});

	test('an empty or one-character field is not a secret to hunt for', () => {
		expect(secretValues({ apiKey: '', other: 'x' }, ['apiKey', 'other'])).toEqual([]);
	});
});

describe('checkedBaseUrl: refused before sending', () => {
	test.each([
		['api.complycube.com/v1', /^Base URL must start with http:\/\/ or https:\/\/$/],
		['', /^Base URL must start with http:\/\/ or https:\/\/$/],
		['ftp://host/v1', /^Base URL must start with http:\/\/ or https:\/\/$/],
		['http://exa mple.com/v1', /is not a valid URL/],
		['https://user:pw@host/v1', /^Base URL must not contain a user name or password$/],
		['https://host/v1?x=1', /must not contain '\?' or '#'/],
	])('%j', (raw, message) => {
		expect(() => checkedBaseUrl(raw, 'ComplyCube')).toThrow(InputRefusal);
		expect(() => checkedBaseUrl(raw, 'ComplyCube')).toThrow(message);
	});

	test('a good one loses its trailing slashes', () => {
		expect(checkedBaseUrl(' https://api.complycube.com/v1/// ', 'ComplyCube')).toBe('https://api.complycube.com/v1');
	});

	test('the password of a URL never appears in the refusal', () => {
		try {
			checkedBaseUrl('https://user:s3cretpass@host/v1', 'ComplyCube');
		} catch (error) {
			expect(JSON.stringify({ message: (error as InputRefusal).message, description: (error as InputRefusal).description })).not.toContain('s3cretpass');
		}
	});
});

describe('reconcile helpers', () => {
	const since = new Date('2024-05-01T10:00:00.000Z');
	test('created since the attempt, with 5 s for the clocks', () => {
		expect(createdSince({ createdAt: '2024-05-01T10:00:01.000Z' }, since)).toBe(true);
		expect(createdSince({ createdAt: '2024-05-01T09:59:56.000Z' }, since)).toBe(true);
		expect(createdSince({ createdAt: '2024-05-01T09:59:50.000Z' }, since)).toBe(false);
		expect(createdSince({}, since)).toBe(false);
	});

	test('the newest match wins; others and older ones are ignored', () => {
		const records = [
			{ id: 'a', size: 1, createdAt: '2024-05-01T10:00:02.000Z' },
			{ id: 'b', size: 1, createdAt: '2024-05-01T10:00:03.000Z' },
			{ id: 'c', size: 2, createdAt: '2024-05-01T10:00:04.000Z' },
			{ id: 'd', size: 1, createdAt: '2024-05-01T09:00:00.000Z' },
		];
		expect(newestSince(records, since, (record) => record.size === 1)?.id).toBe('b');
		expect(newestSince('not a list', since, () => true)).toBeUndefined();
	});

	test('a recovered record carries the note, next to what the service holds', () => {
		const marked = markRecovered({ id: 'x' }, 'ComplyCube', new Error('Could not reach ComplyCube at http://h/v1: the connection was dropped'));
		expect(marked.id).toBe('x');
		expect(marked[RECONCILED_KEY]).toEqual({ recovered: true, reason: expect.stringContaining('the connection was dropped') });
	});
});

test('the worst case per item: attempts × timeout + 3 × 8 s', () => {
	expect(worstCaseMs(TRANSFER_TIMEOUT_MS)).toBe(264_000);
	expect(worstCaseMs(DEFAULT_TIMEOUT_MS)).toBe(144_000);
});

test.each<[unknown, string]>([
	['<html><head><title> 502  Bad Gateway </title></head><body>…</body></html>', "an HTML page titled '502 Bad Gateway'"],
	['<html><body><h1>Down</h1></body></html>', "an HTML page titled 'Down'"],
	['<!DOCTYPE html><html><body>no title</body></html>', 'an HTML page without a title'],
	['', 'the answer was empty'],
	['  \n ', 'the answer was empty'],
	['x'.repeat(300), `${'x'.repeat(200)}…`],
])('summarise(%j)', (body, summary) => {
	expect(summarise(body)).toBe(summary);
});
