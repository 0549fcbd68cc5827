import { pathSegment } from '../../nodes/shared/http/path-segment';

const PREFIX = '/v1/documents/';

/** The path a client (WHATWG URL, as Node's fetch and axios use) would actually request for this ID. */
const requestedPath = (id: string) => new URL(`http://h${PREFIX}${pathSegment(id)}/upload/front`).pathname;

function expectOwnSegment(id: string) {
	const pathname = requestedPath(id);
	expect(pathname.startsWith(PREFIX)).toBe(true);
	const segments = pathname.slice(1).split('/');
	expect(segments).toHaveLength(5);
	expect(segments[0]).toBe('v1');
	expect(segments[1]).toBe('documents');
	expect(decodeURIComponent(segments[2])).toBe(id);
	expect(segments.slice(3)).toEqual(['upload', 'front']);
}

describe('pathSegment', () => {
	test.each(['5f3a9c2e1b', 'abc123', 'doc_1-A', 'ABC', 'front', 'back'])('a plain ID %j is unchanged', (id) => {
		expect(pathSegment(id)).toBe(id);
	});

	test.each<[string, string]>([
		['...', '%2E%2E%2E'],
		['a.b', 'a%2Eb'],
		['a/../../clients', 'a%2F%2E%2E%2F%2E%2E%2Fclients'],
		['a b', 'a%20b'],
		['?#%', '%3F%23%25'],
		['%2e%2e', '%252e%252e'],
	])('%j is encoded as %j', (id, encoded) => {
		expect(pathSegment(id)).toBe(encoded);
	});

	const awkward = [
		'abc123',
		'a/../../clients',
		'../clients',
		'..%2Fclients',
		'...',
		'a b',
		'?#%',
		'a?b#c',
		'%2e%2e',
		'.%2e',
		'a\\..\\b',
		'ünïcødé',
		'emoji 🙂',
	];

	test.each(awkward)('%j never yields a / ? # or a literal dot, and decodes back to itself', (id) => {
		const segment = pathSegment(id);
		expect(segment).not.toMatch(/[/?#.\\]/);
		expect(decodeURIComponent(segment)).toBe(id);
	});

	test.each(awkward)('%j stays inside its own segment of /v1/documents/{id}/upload/front', (id) => {
		expectOwnSegment(id);
	});

	// No encoding survives URL parsing for these (WHATWG URL drops %2E%2E and %2E as dot segments), so they are refused.
	test.each(['..', '.'])('%j is refused rather than sent', (id) => {
		expect(() => pathSegment(id)).toThrow(`'${id}' is not a valid ID`);
	});
});
