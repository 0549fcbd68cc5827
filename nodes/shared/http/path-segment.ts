/**
 * Encodes an ID as one URL path segment, so an ID such as "a/../../clients" cannot reach another
 * resource. "." and ".." are refused: URL parsers drop them as dot segments however they are encoded.
 */
export function pathSegment(id: string): string {
	if (id === '.' || id === '..') throw new Error(`'${id}' is not a valid ID`);
	return encodeURIComponent(id).replace(/\./g, '%2E');
}
