/** Content sniffing for the emulators: the services judge real bytes, not names. Kept apart from the node's sniffer on purpose, so a bug there cannot hide itself here. */
export function looksLikeJpeg(bytes: Buffer): boolean {
	return bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

export function looksLikePng(bytes: Buffer): boolean {
	return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

export function looksLikePdf(bytes: Buffer): boolean {
	return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}

/**
 * Decodes strict base64 (whitespace allowed); undefined when the text is not base64. A loop, not a regular
 * expression: V8 can run out of stack matching one over a 5 MB string (seen with a 4 MB image).
 */
export function decodeBase64(text: unknown): Buffer | undefined {
	if (typeof text !== 'string') return undefined;
	const compact = /\s/.test(text) ? text.split(/\s/).join('') : text;
	if (compact.length === 0 || compact.length % 4 !== 0) return undefined;
	let padding = 0;
	for (let index = 0; index < compact.length; index++) {
		const code = compact.charCodeAt(index);
		if (code === 61) {
			padding++;
			continue;
		}
		const isBase64 = (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 43 || code === 47;
		if (!isBase64 || padding > 0) return undefined;
	}
	if (padding > 2) return undefined;
	return Buffer.from(compact, 'base64');
}

export function randomHexId(): string {
	return Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}
