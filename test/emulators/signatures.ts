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

/** Decodes strict base64 (whitespace allowed); undefined when the text is not base64. */
export function decodeBase64(text: unknown): Buffer | undefined {
	if (typeof text !== 'string') return undefined;
	const compact = text.replace(/\s+/g, '');
	if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
	return Buffer.from(compact, 'base64');
}

export function randomHexId(): string {
	return Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
}
