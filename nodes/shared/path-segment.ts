/**
 * Encodes an ID as one URL path segment. Dots are encoded too, so an ID such as ".." or
 * "a/../../clients" stays inside its own segment and cannot reach another resource.
 */
export function pathSegment(id: string): string {
	return encodeURIComponent(id).replace(/\./g, '%2E');
}
